#include "core/units/distribute.h"

#include <algorithm>

namespace edict::units {

void distributeToLines(std::span<const TimedLine> lines, std::span<const CodeUnits> allowedPerCode,
                       std::vector<LineUnits>& out) {
  out.clear();
  for (const TimedLine& line : lines)
    out.push_back({line.billedUnits, line.billedUnits, hasMinutes(line)});

  for (const CodeUnits& allowed : allowedPerCode) {
    std::int64_t billed = 0;
    for (const TimedLine& line : lines)
      if (line.code == allowed.code && hasMinutes(line))
        billed += std::max<std::int32_t>(line.billedUnits, 0);
    std::int64_t excess = billed - std::max<std::int64_t>(allowed.units, 0);
    for (std::size_t i = lines.size(); i-- > 0 && excess > 0;) {
      if (lines[i].code != allowed.code || !out[i].checked || out[i].billed <= 0) continue;
      const std::int64_t cut = std::min<std::int64_t>(excess, out[i].billed);
      out[i].allowed = static_cast<std::int32_t>(out[i].billed - cut);
      excess -= cut;
    }
  }
}

std::vector<LineUnits> distributeToLines(std::span<const TimedLine> lines,
                                         std::span<const CodeUnits> allowedPerCode) {
  std::vector<LineUnits> out;
  distributeToLines(lines, allowedPerCode, out);
  return out;
}

}  // namespace edict::units
