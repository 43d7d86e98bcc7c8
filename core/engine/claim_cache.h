// What the evaluator works out once per claim rather than once per line: the
// timed-unit check of a day, and what a frequency limit allows each line. Every timed line of a day
// asks for the same allocation of the day's minutes, and each of its edits quotes it; computed per
// line, a day of n timed lines was allocated n times and more. The cache is reached through
// EvalFrame::cache, so both back ends (the interpreter calls engine::timedAllowedUnits directly,
// generated code through a host symbol) read the same entries: one definition, identical results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/engine/eval_frame.h"
#include "core/engine/history_limits.h"
#include "core/ir/program.h"
#include "core/units/timed_line.h"
#include "core/units/timing_check.h"

namespace edict::engine {

/// The timed-unit check of one day's timed lines under one method.
struct DayTiming {
  /// Which day, which codes and which method the check is of.
  std::uint32_t group = 0;
  const ir::CodeSet* timed = nullptr;
  ir::UnitMethod method = ir::UnitMethod::TotalTime;
  /// The day's lines with a code in `timed` and with minutes, in claim
  /// order, and their line numbers. Lines without minutes take no part in
  /// the check (they keep their units), so they are not collected.
  std::vector<units::TimedLine> lines;
  std::vector<std::uint32_t> positions;
  units::TimingCheck check;
  /// The one-line account edits quote (timingSummary()), made on first use
  /// (`hasSummary`). A string and a flag rather than an optional, so that the
  /// text's memory, like every buffer here, is reused by the next claim.
  std::string summary;
  bool hasSummary = false;
};

/// What one frequency limit allows each line of the claim.
struct FrequencyAllowances {
  const ir::CodeSet* codes = nullptr;
  std::int64_t window = 0;
  std::int64_t max = 0;
  bool units = false;
  /// By line position (index 0 unused).
  std::vector<std::int64_t> allowed;
};

/// Day checks of the claim being evaluated. Not thread-safe: each thread
/// evaluating claims has its own. Entries are only valid for the views they
/// were computed on; the evaluator clears the cache at every claim.
class ClaimCache {
 public:
  /// Forgets every entry (the next claim's days are other days).
  void clear() {
    used_ = 0;
    frequencyUsed_ = 0;
  }

  /// The check of `frame.line`'s day under (`method`, `timed`), computed on
  /// its first use since clear().
  DayTiming& day(ir::UnitMethod method, const ir::CodeSet& timed, const EvalFrame& frame);

  /// What `limit` allows each line of the claim (frequencyAllowedByPosition),
  /// computed on its first use since clear(): a limit judges the claim's
  /// lines in order, each after the ones before it, so it is done once.
  const std::vector<std::int64_t>& frequency(const FrequencyLimit& limit, const EvalFrame& frame);

 private:
  /// The first `used_` are this claim's; the rest keep their memory for reuse.
  std::vector<DayTiming> days_;
  std::size_t used_ = 0;
  std::vector<FrequencyAllowances> frequency_;
  std::size_t frequencyUsed_ = 0;
};

}  // namespace edict::engine
