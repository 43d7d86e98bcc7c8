// The per-code methods: each code's units from its own minutes alone.
#include <algorithm>

#include "units/allocation.h"
#include "units/unit_table.h"

namespace edict::units {

namespace {

template <typename UnitsOf>
Allocation allocateEach(Method method, std::span<const CodeMinutes> codes, UnitsOf unitsOf) {
  Allocation a;
  a.method = method;
  for (const CodeMinutes& c : codes) {
    CodeShare share;
    share.code = c.code;
    share.minutes = std::max<std::int64_t>(c.minutes, 0);
    share.lines = c.lines;
    share.fullUnits = share.minutes / kMinutesPerUnit;
    share.leftover = share.minutes % kMinutesPerUnit;
    share.units = unitsOf(share.minutes);
    share.why = Why::OwnMinutes;
    a.totalMinutes += share.minutes;
    a.totalUnits += share.units;
    a.fullUnits += share.fullUnits;
    a.codes.push_back(share);
  }
  std::sort(a.codes.begin(), a.codes.end(),
            [](const CodeShare& x, const CodeShare& y) { return x.code < y.code; });
  return a;
}

}  // namespace

Allocation allocatePerCode(std::span<const CodeMinutes> codes) {
  return allocateEach(Method::PerCode, codes, unitsForMinutes);
}

Allocation allocateRounded(std::span<const CodeMinutes> codes) {
  return allocateEach(Method::Rounded, codes, roundedUnits);
}

}  // namespace edict::units
