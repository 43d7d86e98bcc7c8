// What the PTP and MUE tables have in common as edict holds them (ptp_rows.h,
// mue_rows.h): rows in file order with their distinct rationale texts, and
// what a table reader returns around them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "tables/problem_log.h"
#include "tables/text_pool.h"

namespace edict::tables {

/// A table's rows in file order, and their distinct rationale texts (UTF-8):
/// each row's `rationale` is an index into `rationales`.
template <typename Row>
struct TableRows {
  std::vector<Row> rows;
  TextPool rationales;

  [[nodiscard]] std::string_view rationaleOf(const Row& row) const {
    return rationales.at(row.rationale);
  }
};

/// What a table reader returns: the rows it could read, and the problems of
/// the rows it could not (each skipped row has exactly one problem) and of
/// the file as a whole.
template <typename Rows>
struct TableRead {
  Rows table;
  ProblemLog problems;
  /// Data rows seen, kept or not (header, notice and blank lines excluded).
  std::uint64_t records = 0;
};

}  // namespace edict::tables
