// The arithmetic of claim history (docs/language.md, "Claim history"):
// `history.count` and `history.units`, and frequency limits (`limit CODES
// max N [units] per 30 days | per calendar year`). The interpreter calls
// these directly; generated code calls the same functions through host
// symbols (edict_history_total, edict_frequency_units), so the policy is
// written once and both engines read the same prefetched history.
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/eval_frame.h"
#include "core/ir/program.h"

namespace edict::engine {

/// Whether a prior line dated `date` counts for `history.count(..., within
/// WINDOW)` on a line dated `lineDate`: at most `window` days before or
/// after it, or in its calendar year (ir::kCalendarYear).
bool withinWindow(std::int64_t window, std::int32_t lineDate, std::int32_t date);

/// HistoryCount (`units` false: how many prior lines) or HistoryUnits (their
/// allowed units) of the prior lines with a code in `codes` within `window`
/// of `frame.line`'s date. 0 when the frame has no history.
std::int64_t historyTotal(const ir::CodeSet& codes, std::int64_t window, bool units,
                          const EvalFrame& frame);

/// The prior lines historyTotal() counts, as indices into frame.history->lines.
std::vector<std::uint32_t> historyLinesCounted(const ir::CodeSet& codes, std::int64_t window,
                                               const EvalFrame& frame);

/// A frequency limit: at most `max` services (lines) or units of `codes` paid
/// to one patient in any `window` consecutive days, or in a calendar year.
struct FrequencyLimit {
  const ir::CodeSet* codes = nullptr;
  std::int64_t window = 0;
  std::int64_t max = 0;
  bool units = false;
};

/// What a frequency limit decided for one line.
struct FrequencyCheck {
  /// The units the line may keep: its billed units when the limit leaves
  /// room (a services limit pays a line whole or not at all), else fewer.
  std::int64_t allowed = 0;
  /// The window that decided (of those holding the line's date, the one
  /// already fullest; the earliest of equals), inclusive days.
  std::int32_t first = 0;
  std::int32_t last = 0;
  /// What was paid in it before this line: services or units.
  std::int64_t used = 0;
  /// Those lines: earlier lines of the claim (positions) and prior lines
  /// (indices into frame.history->lines).
  std::vector<std::uint32_t> claimLines;
  std::vector<std::uint32_t> priorLines;
};

/// Judges `frame.line` under `limit`. Counted are the prior lines with a
/// code of the limit (they were paid: allowed units > 0) and the claim's
/// earlier lines of those codes with what this limit allows them, each
/// judged the same way in claim order; the line keeps what the fullest
/// window containing its date leaves.
FrequencyCheck frequencyCheck(const FrequencyLimit& limit, const EvalFrame& frame);

/// frequencyCheck(...).allowed, computed once per claim and limit when the
/// frame has a cache (ClaimCache::frequency), else afresh.
std::int64_t frequencyAllowed(const FrequencyLimit& limit, const EvalFrame& frame);

/// The units every line of the claim (by position, from 1; 0 for lines of
/// other codes) may keep under `limit`: what frequencyAllowed() caches.
std::vector<std::int64_t> frequencyAllowedByPosition(const FrequencyLimit& limit,
                                                     const EvalFrame& frame);

}  // namespace edict::engine
