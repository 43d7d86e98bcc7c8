#include "frontend/check/table_file.h"

#include <fmt/format.h>

namespace edict::check {

std::optional<OpenTable> openTable(CheckContext& cx, const ast::Word& written,
                                   std::string_view what) {
  OpenTable table;
  table.path = (std::filesystem::path(cx.file()).parent_path() / written.text).lexically_normal();
  table.in.open(table.path, std::ios::binary);
  if (!table.in) {
    cx.report(diag::Kind::CannotLoad, written.span,
              fmt::format("cannot open the {} `{}`", what, table.path.string()),
              "the path is relative to this ruleset's directory");
    return std::nullopt;
  }
  return table;
}

bool reportTableProblems(CheckContext& cx, const tables::ProblemLog& problems,
                         const ast::Word& written, const std::string& summary,
                         std::optional<std::string> help) {
  for (const tables::Problem& p : problems.kept())
    cx.sink().report(
        {diag::Kind::TableProblem, p.file, source::Span{static_cast<std::uint32_t>(p.line), 1, 1},
         p.field.empty() ? p.message : fmt::format("{}: {}", p.field, p.message), std::nullopt});
  if (problems.empty()) return true;
  cx.report(diag::Kind::TableProblem, written.span, summary, std::move(help));
  return false;
}

}  // namespace edict::check
