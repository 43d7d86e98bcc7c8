// From units allowed per code back to claim lines. A code billed on several
// lines is reduced from its last line backward: the earliest lines, usually
// the ones first entered for the visit, keep their units, and the result does
// not depend on anything but line order.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/units/timed_line.h"

namespace edict::units {

/// The outcome of one line.
struct LineUnits {
  std::int32_t billed = 0;
  /// Never above `billed`; equal to it on lines that were not checked.
  std::int32_t allowed = 0;
  /// False for lines without minutes: they get no timing edit.
  bool checked = false;
};

/// Allowed units per line (one per input line, same order). For each code of
/// `allowedPerCode` whose lines with minutes bill more in total, the excess
/// is taken from those lines, last line first, down to 0 per line. Codes not
/// in `allowedPerCode` and lines without minutes keep their billed units.
std::vector<LineUnits> distributeToLines(std::span<const TimedLine> lines,
                                         std::span<const CodeUnits> allowedPerCode);

/// The same into `out`, replacing its contents and keeping its memory.
void distributeToLines(std::span<const TimedLine> lines, std::span<const CodeUnits> allowedPerCode,
                       std::vector<LineUnits>& out);

}  // namespace edict::units
