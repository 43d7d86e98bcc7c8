// What `pairs from` and `limits from` share: finding the table file next to
// the ruleset that names it, opening it, and turning the problems its reader
// found into diagnostics.
#pragma once

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "frontend/ast/ruleset.h"
#include "frontend/check/check_context.h"
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

/// Reports each problem the reader kept, at its file, line and field, then
/// `summary` (with `help`) at `written`. False when there were problems.
bool reportTableProblems(CheckContext& cx, const tables::ProblemLog& problems,
                         const ast::Word& written, const std::string& summary,
                         std::optional<std::string> help);

}  // namespace edict::check
