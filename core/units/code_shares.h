// The opening every allocation method shares (per_code.cpp, total_time.cpp):
// one share per code from its pooled minutes, in code order.
#pragma once

#include <algorithm>
#include <span>

#include "core/units/allocation.h"
#include "core/units/unit_table.h"

namespace edict::units {

/// Resets `a` for `method` and gives it one share per entry of `codes`: the
/// code's minutes (a negative count as 0), its lines, its full 15-minute
/// units and the minutes left over, and `unitsOf(share)` as its units; with
/// the totals of minutes, units and full units, and the shares sorted by code.
template <typename UnitsOf>
void shareMinutes(Method method, std::span<const CodeMinutes> codes, UnitsOf unitsOf,
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
    share.units = unitsOf(share);
    a.totalMinutes += share.minutes;
    a.totalUnits += share.units;
    a.fullUnits += share.fullUnits;
  }
  // poolMinutes() gives the codes sorted already; other callers may not.
  const auto byCode = [](const CodeShare& x, const CodeShare& y) { return x.code < y.code; };
  if (!std::is_sorted(a.codes.begin(), a.codes.end(), byCode))
    std::sort(a.codes.begin(), a.codes.end(), byCode);
}

}  // namespace edict::units
