// The medically unlikely edits (MUE) table as edict holds it: the most units
// of a code a provider may bill for one patient, with CMS's adjudication
// indicator. CMS publishes one file per quarter; each row here carries the
// quarter's effective date so that several quarters can be kept together.
#pragma once

#include <cstdint>
#include <optional>

#include "core/model/code.h"
#include "core/model/date.h"
#include "tables/table_rows.h"

namespace edict::tables {

/// How the MUE value is applied (MUE adjudication indicator, MAI).
enum class MueIndicator : std::uint8_t {
  Line = 1,          ///< each line judged alone
  DatePolicy = 2,    ///< units summed over the date of service; absolute limit
  DateClinical = 3,  ///< units summed over the date of service; may be appealed
};

/// One row: at most `value` units of `code`.
struct MueRow {
  model::Code code;
  std::int32_t value = 0;
  MueIndicator indicator = MueIndicator::Line;
  /// First date of service the value applies to.
  model::Date effective;
  /// Index of the rationale in MueRows::rationales.
  std::uint32_t rationale = 0;
  /// 1-based line where the row starts in the file it was read from.
  std::uint32_t line = 0;
};

/// An MUE table: its rows and their rationale texts.
using MueRows = TableRows<MueRow>;

/// What an MUE reader returns, with the effective date its rows were given
/// (CMS files only).
struct MueRead : TableRead<MueRows> {
  std::optional<model::Date> effective;
};

}  // namespace edict::tables
