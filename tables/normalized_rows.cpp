#include "tables/normalized_rows.h"

#include <fmt/format.h>

#include "tables/field_parse.h"

namespace edict::tables {

namespace {

// Takes a parsed value or logs its problem under the column's name.
template <typename T>
bool take(Parsed<T>&& parsed, T& into, std::uint64_t line, std::string_view column,
          ProblemLog& problems) {
  if (auto* value = std::get_if<T>(&parsed)) {
    into = *value;
    return true;
  }
  problems.add(line, std::string(column), std::move(std::get<std::string>(parsed)));
  return false;
}

}  // namespace

void addNormalizedPtpRow(std::span<const std::string_view, 6> cells, std::uint64_t line,
                         RationaleInterner& rationales, PtpRows& table, ProblemLog& problems) {
  PtpRow row;
  row.line = rowLine(line);
  if (!take(parseCodeCell(cells[0]), row.column1, line, "column1", problems)) return;
  if (!take(parseCodeCell(cells[1]), row.column2, line, "column2", problems)) return;
  if (row.column1 == row.column2) {
    problems.add(
        line, "column2",
        fmt::format("the pair has the same code `{}` in both columns", row.column1.text()));
    return;
  }
  if (!take(parsePtpIndicatorCell(cells[2]), row.indicator, line, "indicator", problems)) return;
  if (!take(parseDateCell(cells[3]), row.effective, line, "effective", problems)) return;
  if (!cells[4].empty()) {
    if (!take(parseDateCell(cells[4]), row.deletion, line, "deletion", problems)) return;
    if (row.deletion < row.effective) {
      problems.add(line, "deletion",
                   fmt::format("the deletion date {} is before the effective date {}",
                               row.deletion.iso(), row.effective.iso()));
      return;
    }
  }
  if (!take(rationales.intern(cells[5]), row.rationale, line, "rationale", problems)) return;
  table.rows.push_back(row);
}

void addNormalizedMueRow(std::span<const std::string_view, 5> cells, std::uint64_t line,
                         RationaleInterner& rationales, MueRows& table, ProblemLog& problems) {
  MueRow row;
  row.line = rowLine(line);
  if (!take(parseCodeCell(cells[0]), row.code, line, "code", problems)) return;
  if (!take(parseCountCell(cells[1]), row.value, line, "value", problems)) return;
  if (!take(parseMueIndicatorCell(cells[2]), row.indicator, line, "indicator", problems)) return;
  if (!take(parseDateCell(cells[3]), row.effective, line, "effective", problems)) return;
  if (!take(rationales.intern(cells[4]), row.rationale, line, "rationale", problems)) return;
  table.rows.push_back(row);
}

}  // namespace edict::tables
