#include "core/units/timed_line.h"

#include <algorithm>

namespace edict::units {

namespace {

// Sums `add(entry, line)` per code over the lines with minutes into `out`,
// sorted by code. A day has a handful of codes: insertion into the sorted
// buffer beats a map, and the buffer's memory is the caller's to reuse.
template <typename Out, typename Add>
void poolByCode(std::span<const TimedLine> lines, std::vector<Out>& out, Add add) {
  out.clear();
  for (const TimedLine& line : lines) {
    if (!hasMinutes(line)) continue;
    auto it = std::lower_bound(out.begin(), out.end(), line.code,
                               [](const Out& o, model::Code c) { return o.code < c; });
    if (it == out.end() || it->code != line.code) {
      // Made in place rather than from a temporary: copying a temporary in
      // read back fields just written, a store-forwarding stall each time.
      it = out.emplace(it);
      it->code = line.code;
    }
    add(*it, line);
  }
}

void addMinutes(CodeMinutes& c, const TimedLine& line) {
  c.minutes += *line.minutes;
  ++c.lines;
}

void addUnits(CodeUnits& c, const TimedLine& line) {
  c.units += std::max<std::int32_t>(line.billedUnits, 0);
}

}  // namespace

void poolMinutes(std::span<const TimedLine> lines, std::vector<CodeMinutes>& out) {
  poolByCode(lines, out, addMinutes);
}

std::vector<CodeMinutes> poolMinutes(std::span<const TimedLine> lines) {
  std::vector<CodeMinutes> out;
  poolMinutes(lines, out);
  return out;
}

void poolBilledUnits(std::span<const TimedLine> lines, std::vector<CodeUnits>& out) {
  poolByCode(lines, out, addUnits);
}

std::vector<CodeUnits> poolBilledUnits(std::span<const TimedLine> lines) {
  std::vector<CodeUnits> out;
  poolBilledUnits(lines, out);
  return out;
}

}  // namespace edict::units
