// CMS total time (the "8-minute rule"), Medicare Claims Processing Manual
// ch. 5 §20.2: "When more than one service represented by 15 minute timed
// codes is performed in a single day, the total number of minutes of service
// ... determines the number of timed units billed." The manual's examples
// assign one unit per full 15 minutes of a code first, then the remaining
// units to the services with the most minutes left over.
#include <algorithm>
#include <numeric>

#include "units/allocation.h"
#include "units/unit_table.h"

namespace edict::units {

Allocation allocateTotalTime(std::span<const CodeMinutes> codes) {
  Allocation a;
  a.method = Method::TotalTime;
  for (const CodeMinutes& c : codes) {
    CodeShare share;
    share.code = c.code;
    share.minutes = std::max<std::int64_t>(c.minutes, 0);
    share.lines = c.lines;
    share.fullUnits = share.minutes / kMinutesPerUnit;
    share.leftover = share.minutes % kMinutesPerUnit;
    share.units = share.fullUnits;
    a.totalMinutes += share.minutes;
    a.fullUnits += share.fullUnits;
    a.codes.push_back(share);
  }
  std::sort(a.codes.begin(), a.codes.end(),
            [](const CodeShare& x, const CodeShare& y) { return x.code < y.code; });
  a.totalUnits = unitsForMinutes(a.totalMinutes);
  a.remainingUnits = a.totalUnits - a.fullUnits;

  // Codes with a leftover, largest first; equal leftovers in code order.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < a.codes.size(); ++i)
    if (a.codes[i].leftover > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return a.codes[x].leftover > a.codes[y].leftover;
  });
  // remainingUnits <= order.size() always (see allocation.h); the clamp only
  // keeps a broken invariant from indexing out of range.
  const auto remaining = static_cast<std::size_t>(
      std::clamp<std::int64_t>(a.remainingUnits, 0, static_cast<std::int64_t>(order.size())));
  if (remaining > 0) a.threshold = a.codes[order[remaining - 1]].leftover;
  for (std::size_t k = 0; k < remaining; ++k) ++a.codes[order[k]].units;

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
  return a;
}

}  // namespace edict::units
