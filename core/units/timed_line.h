// The inputs of timed-unit checks: the timed lines of one patient, provider
// and date of service, and the per-code sums the methods work on.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/model/code.h"

namespace edict::units {

/// One claim line of a timed code.
struct TimedLine {
  model::Code code;
  /// Minutes from documentation; absent (or negative) lines cannot be checked
  /// and are left out of every sum.
  std::optional<std::int32_t> minutes;
  std::int32_t billedUnits = 0;
};

/// A line with minutes takes part in the timing check.
inline bool hasMinutes(const TimedLine& line) {
  return line.minutes && *line.minutes >= 0;
}

/// The minutes of one code, pooled over its lines: a code billed on several
/// lines of one date is one service.
struct CodeMinutes {
  model::Code code;
  std::int64_t minutes = 0;
  /// How many lines were pooled.
  std::uint32_t lines = 0;
};

/// A number of units of one code.
struct CodeUnits {
  model::Code code;
  std::int64_t units = 0;

  friend bool operator==(const CodeUnits&, const CodeUnits&) = default;
};

/// Minutes per code over the lines with minutes, sorted by code.
std::vector<CodeMinutes> poolMinutes(std::span<const TimedLine> lines);

/// The same into `out`, replacing its contents. Keeps `out`'s memory, so a
/// caller that checks day after day with one buffer stops allocating.
void poolMinutes(std::span<const TimedLine> lines, std::vector<CodeMinutes>& out);

/// Billed units per code over the lines with minutes, sorted by code.
std::vector<CodeUnits> poolBilledUnits(std::span<const TimedLine> lines);

/// The same into `out`, replacing its contents and keeping its memory.
void poolBilledUnits(std::span<const TimedLine> lines, std::vector<CodeUnits>& out);

}  // namespace edict::units
