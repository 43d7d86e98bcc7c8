#include "units/timed_line.h"

#include <algorithm>

namespace edict::units {

namespace {

// Sums `value(line)` per code over the lines with minutes, sorted by code.
template <typename Out, typename Add>
std::vector<Out> poolByCode(std::span<const TimedLine> lines, Add add) {
  std::vector<Out> out;
  for (const TimedLine& line : lines) {
    if (!hasMinutes(line)) continue;
    auto it = std::lower_bound(out.begin(), out.end(), line.code,
                               [](const Out& o, model::Code c) { return o.code < c; });
    if (it == out.end() || it->code != line.code) it = out.insert(it, Out{line.code});
    add(*it, line);
  }
  return out;
}

}  // namespace

std::vector<CodeMinutes> poolMinutes(std::span<const TimedLine> lines) {
  return poolByCode<CodeMinutes>(lines, [](CodeMinutes& c, const TimedLine& line) {
    c.minutes += *line.minutes;
    ++c.lines;
  });
}

std::vector<CodeUnits> poolBilledUnits(std::span<const TimedLine> lines) {
  return poolByCode<CodeUnits>(lines, [](CodeUnits& c, const TimedLine& line) {
    c.units += std::max<std::int32_t>(line.billedUnits, 0);
  });
}

}  // namespace edict::units
