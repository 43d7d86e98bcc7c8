// The schema of a history is a list of versioned migrations, SQL files in
// history/migrations/<dialect>/ embedded into the binary at build time
// (embed_migrations.cmake). A table `edict_schema` records each one applied;
// a history whose schema is newer than this edict knows is refused.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace edict::history {

/// One migration: `NNNN_name.sql`, applied in version order.
struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

/// The migrations of each dialect, generated from history/migrations/.
std::span<const Migration> sqliteMigrations();
std::span<const Migration> postgresqlMigrations();

/// What opening a history may do to its schema.
enum class SchemaPolicy {
  /// Use it as it is: no schema (a new database) or an older one is an error.
  Existing,
  /// Create the schema in a database that has none (`run`, `import`); an
  /// older schema is an error that says to run `edict history migrate`.
  CreateIfEmpty,
  /// Apply every migration not yet applied (`edict history migrate`).
  Migrate,
};

/// The migrations to apply to a history at schema `current` (0: none) under
/// `policy`; throws StoreError, naming `where`, for a schema newer than
/// `known` holds or one the policy may not change.
std::vector<Migration> pendingMigrations(int current, std::span<const Migration> known,
                                         SchemaPolicy policy, const std::string& where);

}  // namespace edict::history
