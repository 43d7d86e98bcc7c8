#include "core/units/timing_check.h"

namespace edict::units {

void checkTiming(Method method, std::span<const TimedLine> lines, TimingCheck& out) {
  poolMinutes(lines, out.minutes);
  allocate(method, out.minutes, out.allocation);
  poolBilledUnits(lines, out.billed);
  out.billedIsCorrect = isCorrect(out.allocation, out.billed);
  allowedUnits(out.allocation, out.billed, out.allowed);
  distributeToLines(lines, out.allowed, out.lines);
}

TimingCheck checkTiming(Method method, std::span<const TimedLine> lines) {
  TimingCheck check;
  checkTiming(method, lines, check);
  return check;
}

}  // namespace edict::units
