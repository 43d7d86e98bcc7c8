// CMS total time (the "8-minute rule"), Medicare Claims Processing Manual
// ch. 5 §20.2: "When more than one service represented by 15 minute timed
// codes is performed in a single day, the total number of minutes of service
// ... determines the number of timed units billed." The manual's examples
// assign one unit per full 15 minutes of a code first, then the remaining
// units to the services with the most minutes left over.
#include <algorithm>
#include <array>

#include "core/units/code_shares.h"

namespace edict::units {

void allocateTotalTime(std::span<const CodeMinutes> codes, Allocation& out) {
  Allocation& a = out;
  // First the full 15-minute units of each code; the total decides the rest.
  shareMinutes(
      Method::TotalTime, codes, [](const CodeShare& share) { return share.fullUnits; }, a);
  a.totalUnits = unitsForMinutes(a.totalMinutes);
  a.remainingUnits = a.totalUnits - a.fullUnits;

  // The remaining units go to the codes with a leftover, largest first and
  // equal leftovers in code order. Leftovers are 0..14, so instead of
  // sorting the codes (a buffer per day) count them per leftover: walking
  // down from 14, the threshold is the leftover at which the count reaches
  // the remaining units; every code above it gets a unit, and the first
  // `atThreshold` codes at it, in code order. That is exactly the first
  // `remaining` codes of the sorted order.
  // 32-bit counts (a day's codes come from its lines, whose numbers are
  // 32-bit): 60 bytes clear in a few vector stores, where 120 took a
  // `rep stos` whose start-up was a sixth of the allocation's time.
  std::array<std::uint32_t, kMinutesPerUnit> withLeftover{};
  std::int64_t leftovers = 0;
  for (const CodeShare& s : a.codes)
    if (s.leftover > 0) {
      ++withLeftover[static_cast<std::size_t>(s.leftover)];
      ++leftovers;
    }
  // remainingUnits <= leftovers always (see allocation.h); the clamp only
  // keeps a broken invariant from handing out units no code can take.
  const std::int64_t remaining = std::clamp<std::int64_t>(a.remainingUnits, 0, leftovers);
  std::int64_t atThreshold = 0;
  if (remaining > 0) {
    std::int64_t above = 0;  // codes with a leftover above the one looked at
    for (std::int64_t r = kMinutesPerUnit - 1; r > 0; --r) {
      const std::int64_t here = withLeftover[static_cast<std::size_t>(r)];
      if (above + here >= remaining) {
        a.threshold = r;
        atThreshold = remaining - above;
        break;
      }
      above += here;
    }
  }
  for (CodeShare& s : a.codes) {
    if (remaining == 0 || s.leftover < a.threshold) continue;
    if (s.leftover == a.threshold) {
      if (atThreshold == 0) continue;
      --atThreshold;
    }
    ++s.units;
  }

  std::int64_t tied = 0;
  std::int64_t tiedWithUnit = 0;
  for (const CodeShare& s : a.codes) {
    if (remaining > 0 && s.leftover == a.threshold) {
      ++tied;
      if (s.units > s.fullUnits) ++tiedWithUnit;
    }
  }
  a.ambiguous = tied > tiedWithUnit;

  for (CodeShare& s : a.codes) {
    const bool extra = s.units > s.fullUnits;
    const bool atTie = a.ambiguous && s.leftover == a.threshold;
    if (s.leftover == 0)
      s.why = Why::NoLeftover;
    else if (remaining == 0)
      s.why = Why::NoRemainingUnits;
    else if (extra)
      s.why = atTie ? Why::TieWon : Why::LargestLeftover;
    else
      s.why = atTie ? Why::TieLost : Why::SmallerLeftover;
  }
}

Allocation allocateTotalTime(std::span<const CodeMinutes> codes) {
  Allocation a;
  allocateTotalTime(codes, a);
  return a;
}

}  // namespace edict::units
