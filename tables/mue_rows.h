// The medically unlikely edits (MUE) table as edict holds it: the most units
// of a code a provider may bill for one patient, with CMS's adjudication
// indicator. CMS publishes one file per quarter; each row here carries the
// quarter's effective date so that several quarters can be kept together.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/model/code.h"
#include "core/model/date.h"
#include "tables/problem_log.h"
#include "tables/text_pool.h"

namespace edict::tables {

/// How the MUE value is applied (MUE adjudication indicator, MAI).
enum class MueIndicator : std::uint8_t {
  Line = 1,          ///< each line judged alone
  DatePolicy = 2,    ///< units summed over the date of service; absolute limit
  DateClinical = 3,  ///< units summed over the date of service; may be appealed
};

/// CMS's label of an indicator, e.g. `Date of Service Edit: Policy`.
std::string_view mueIndicatorLabel(MueIndicator indicator);

/// One row: at most `value` units of `code`.
struct MueRow {
  model::Code code;
  std::int32_t value = 0;
  MueIndicator indicator = MueIndicator::Line;
  /// First date of service the value applies to.
  model::Date effective;
  /// Index of the rationale in MueTable::rationales.
  std::uint32_t rationale = 0;
  /// 1-based line where the row starts in the file it was read from.
  std::uint32_t line = 0;
};

/// An MUE table: rows in file order, and their distinct rationale texts (UTF-8).
struct MueTable {
  std::vector<MueRow> rows;
  TextPool rationales;

  [[nodiscard]] std::string_view rationaleOf(const MueRow& row) const {
    return rationales.at(row.rationale);
  }
};

/// What an MUE reader returns: the rows it could read, and the problems of
/// the rows it could not.
struct MueRead {
  MueTable table;
  ProblemLog problems;
  /// Data rows seen, kept or not.
  std::uint64_t records = 0;
  /// The effective date the rows were given (CMS files only).
  std::optional<model::Date> effective;
};

}  // namespace edict::tables
