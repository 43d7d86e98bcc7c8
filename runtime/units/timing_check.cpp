#include "units/timing_check.h"

namespace edict::units {

TimingCheck checkTiming(Method method, std::span<const TimedLine> lines) {
  TimingCheck check;
  const std::vector<CodeMinutes> minutes = poolMinutes(lines);
  check.allocation = allocate(method, minutes);
  check.billed = poolBilledUnits(lines);
  check.billedIsCorrect = isCorrect(check.allocation, check.billed);
  check.allowed = allowedUnits(check.allocation, check.billed);
  check.lines = distributeToLines(lines, check.allowed);
  return check;
}

}  // namespace edict::units
