// The whole timed-unit check of one patient, provider and date: pool the
// minutes, allocate units under the payer's method, compare with what was
// billed, and say what each line may keep. One entry point for the evaluator
// and the interpreter, and everything `edict explain` needs to say why.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/units/allocation.h"
#include "core/units/distribute.h"
#include "core/units/timed_line.h"

namespace edict::units {

/// The result of checking one date's timed lines.
struct TimingCheck {
  /// Minutes per code over the lines with minutes (poolMinutes()): what the
  /// allocation was made from.
  std::vector<CodeMinutes> minutes;
  /// The canonical allocation, with each code's reasons.
  Allocation allocation;
  /// Billed units per code over the lines with minutes.
  std::vector<CodeUnits> billed;
  /// Whether `billed` is one of the correct assignments.
  bool billedIsCorrect = false;
  /// Units each code may keep (allowedUnits()).
  std::vector<CodeUnits> allowed;
  /// One entry per input line: modify a line when 0 < allowed < billed, deny
  /// it when allowed is 0 < billed.
  std::vector<LineUnits> lines;
};

/// Checks `lines` (the timed lines of one patient, provider and date).
TimingCheck checkTiming(Method method, std::span<const TimedLine> lines);

/// The same into `out`, replacing every field. Every vector of `out` keeps
/// its memory: a caller that checks day after day with one TimingCheck (the
/// evaluator's claim cache) allocates nothing once its buffers have grown
/// to the largest day.
void checkTiming(Method method, std::span<const TimedLine> lines, TimingCheck& out);

}  // namespace edict::units
