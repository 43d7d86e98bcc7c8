# Writes OUTPUT, a C++ source defining FUNCTION() that returns the
# migrations of DIR (NNNN_name.sql, in version order) with their SQL text.
# Run at build time by history/CMakeLists.txt, so the SQL files in the
# repository are the schema and the binary carries them.
file(GLOB files RELATIVE ${DIR} ${DIR}/*.sql)
list(SORT files)
set(entries "")
set(previous 0)
foreach(name ${files})
  if(NOT name MATCHES "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+\\.sql$")
    message(FATAL_ERROR "${DIR}/${name}: a migration is named NNNN_name.sql")
  endif()
  math(EXPR version "${CMAKE_MATCH_1}")
  math(EXPR expected "${previous} + 1")
  if(NOT version EQUAL expected)
    message(FATAL_ERROR "${DIR}/${name}: migration ${version} follows ${previous}; versions go 1, 2, 3...")
  endif()
  set(previous ${version})
  file(READ ${DIR}/${name} sql)
  string(APPEND entries "    {${version}, \"${name}\", R\"edict_sql(${sql})edict_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from ${DIR} by embed_migrations.cmake: do not edit.
#include \"history/store/migration.h\"

namespace edict::history {

namespace {
constexpr Migration kMigrations[] = {
${entries}};
}  // namespace

std::span<const Migration> ${FUNCTION}() {
  return kMigrations;
}

}  // namespace edict::history
")
# Only a changed text touches the source, so nothing recompiles needlessly.
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
