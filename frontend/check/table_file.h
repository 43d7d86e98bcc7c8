// What `pairs from` and `limits from` share: finding the table file next to
// the ruleset that names it, opening it, reading it (or taking the reading
// kept in the check's table cache), and turning the problems its reader
// found into diagnostics.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "frontend/ast/ruleset.h"
#include "frontend/check/check_context.h"
#include "frontend/check/table_cache.h"
#include "tables/problem_log.h"

namespace edict::check {

/// A table file named by a ruleset, open for reading.
struct OpenTable {
  std::filesystem::path path;  ///< relative to the ruleset's directory, normalized
  std::ifstream in;
};

/// Opens the table `written` names (relative to the ruleset being checked);
/// reports why not at `written` and returns nullopt. `what` names the kind
/// of table in the message (`pair table`, `MUE table`).
std::optional<OpenTable> openTable(CheckContext& cx, const ast::Word& written,
                                   std::string_view what);

/// Opens the table `written` names and reads it with `read(stream, path)`,
/// which returns a `T`; when the check has a table cache, an unchanged file
/// read before as `reading` (e.g. `pairs tsv`) is not read again. Null when
/// the file cannot be opened (reported).
template <class T, class Read>
std::shared_ptr<const T> readTable(CheckContext& cx, const ast::Word& written,
                                   std::string_view what, const std::string& reading,
                                   const Read& read) {
  std::optional<OpenTable> file = openTable(cx, written, what);
  if (!file) return nullptr;
  const std::function<T()> readFile = [&] { return read(file->in, file->path.string()); };
  if (TableCache* cache = cx.tables())
    if (const std::optional<FileStamp> stamp = stampOf(file->path))
      return cache->get<T>(file->path, reading, *stamp, readFile);
  return std::make_shared<const T>(readFile());
}

/// Reports each problem the reader kept, at its file, line and field, then
/// `summary` (with `help`) at `written`. False when there were problems.
bool reportTableProblems(CheckContext& cx, const tables::ProblemLog& problems,
                         const ast::Word& written, const std::string& summary,
                         std::optional<std::string> help);

}  // namespace edict::check
