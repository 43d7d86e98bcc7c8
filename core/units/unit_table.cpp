#include "core/units/unit_table.h"

namespace edict::units {

// Written as whole units plus a partial one, so no sum can overflow.
std::int64_t unitsForMinutes(std::int64_t minutes) {
  if (minutes <= 0) return 0;
  return minutes / kMinutesPerUnit + (minutes % kMinutesPerUnit >= kMinutesForPartialUnit ? 1 : 0);
}

std::int64_t roundedUnits(std::int64_t minutes) {
  if (minutes <= 0) return 0;
  // The remainder is at least half a unit: 2 * r >= 15.
  return minutes / kMinutesPerUnit + (2 * (minutes % kMinutesPerUnit) >= kMinutesPerUnit ? 1 : 0);
}

}  // namespace edict::units
