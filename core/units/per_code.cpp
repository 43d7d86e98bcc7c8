// The per-code methods: each code's units from its own minutes alone.
#include <algorithm>

#include "core/units/allocation.h"
#include "core/units/unit_table.h"

namespace edict::units {

namespace {

template <typename UnitsOf>
void allocateEach(Method method, std::span<const CodeMinutes> codes, UnitsOf unitsOf,
                  Allocation& a) {
  a.reset(method);
  for (const CodeMinutes& c : codes) {
    // Filled in place: a share built on the stack and then copied in was
    // written field by field and read back as wide moves, a store-forwarding
    // stall per field that made this loop most of the allocation's time.
    CodeShare& share = a.codes.emplace_back();
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
  }
  // poolMinutes() gives the codes sorted already; other callers may not.
  const auto byCode = [](const CodeShare& x, const CodeShare& y) { return x.code < y.code; };
  if (!std::is_sorted(a.codes.begin(), a.codes.end(), byCode))
    std::sort(a.codes.begin(), a.codes.end(), byCode);
}

}  // namespace

void allocatePerCode(std::span<const CodeMinutes> codes, Allocation& out) {
  allocateEach(Method::PerCode, codes, unitsForMinutes, out);
}

Allocation allocatePerCode(std::span<const CodeMinutes> codes) {
  Allocation a;
  allocatePerCode(codes, a);
  return a;
}

void allocateRounded(std::span<const CodeMinutes> codes, Allocation& out) {
  allocateEach(Method::Rounded, codes, roundedUnits, out);
}

Allocation allocateRounded(std::span<const CodeMinutes> codes) {
  Allocation a;
  allocateRounded(codes, a);
  return a;
}

}  // namespace edict::units
