// Reading one row of edict's normalized tables from its cells, shared by the
// TSV readers and the hand-written CSV reader. Cells arrive in the column
// order of table_columns.h, unquoted and unescaped; a bad cell is logged as a
// problem named after its column and the row is skipped.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tables/mue_rows.h"
#include "tables/ptp_rows.h"
#include "tables/rationale_interner.h"

namespace edict::tables {

/// Appends the PTP row of `cells` to `table`, or logs why it cannot.
void addNormalizedPtpRow(std::span<const std::string_view, 6> cells, std::uint64_t line,
                         RationaleInterner& rationales, PtpRows& table, ProblemLog& problems);

/// Appends the MUE row of `cells` to `table`, or logs why it cannot.
void addNormalizedMueRow(std::span<const std::string_view, 5> cells, std::uint64_t line,
                         RationaleInterner& rationales, MueRows& table, ProblemLog& problems);

/// The header line of a table with `columns`, separated by `separator`.
template <std::size_t N>
std::string headerLine(const std::array<std::string_view, N>& columns, char separator) {
  std::string line;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) line.push_back(separator);
    line.append(columns[i]);
  }
  return line;
}

}  // namespace edict::tables
