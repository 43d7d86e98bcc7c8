// The NCCI procedure-to-procedure (PTP) table as edict holds it: one row per
// row of the CMS file, in a compact form (codes and dates are integers, the
// rationale an index into a pool of distinct texts).
#pragma once

#include <cstdint>

#include "core/model/code.h"
#include "core/model/date.h"
#include "tables/table_rows.h"

namespace edict::tables {

/// NCCI modifier indicator of a PTP row.
enum class PtpIndicator : std::uint8_t {
  NotAllowed = 0,     ///< never bypassed by a modifier
  Allowed = 1,        ///< bypassed by an NCCI-associated modifier
  NotApplicable = 9,  ///< the edit does not apply
};

/// One row: when both codes are billed the same day, column 2 is denied
/// unless the indicator allows a bypass.
struct PtpRow {
  model::Code column1;
  model::Code column2;
  /// First date of service the row applies to.
  model::Date effective;
  /// Last date of service it applies to (CMS's deletion date); kEndOfTime when none.
  model::Date deletion = model::kEndOfTime;
  PtpIndicator indicator = PtpIndicator::NotAllowed;
  /// CMS's `*`: the pair existed before 1996 (the effective date is then 19960101).
  bool before1996 = false;
  /// Index of the rationale in PtpRows::rationales.
  std::uint32_t rationale = 0;
  /// 1-based line of the row in the file it was read from, for diagnostics.
  std::uint32_t line = 0;
};

/// A PTP table: its rows and their rationale texts.
using PtpRows = TableRows<PtpRow>;

/// What a PTP reader returns.
using PtpRead = TableRead<PtpRows>;

}  // namespace edict::tables
