// Which billed assignments are correct, and what to allow when one is not.
#include <algorithm>

#include "core/units/allocation.h"

namespace edict::units {

namespace {

std::int64_t unitsOf(std::span<const CodeUnits> billed, model::Code code) {
  std::int64_t units = 0;
  for (const CodeUnits& b : billed)
    if (b.code == code) units += b.units;
  return units;
}

}  // namespace

bool isCorrect(const Allocation& a, std::span<const CodeUnits> billed) {
  for (const CodeUnits& b : billed)
    if (a.find(b.code) == nullptr && b.units != 0) return false;
  if (a.method != Method::TotalTime) {
    return std::all_of(a.codes.begin(), a.codes.end(),
                       [&](const CodeShare& s) { return unitsOf(billed, s.code) == s.units; });
  }
  // Total time: every code has its full units, at most one more, and only
  // on a leftover; exactly remainingUnits extras; and no code without an
  // extra has a larger leftover than a code with one. Given the count, the
  // last condition is: extras have leftover >= threshold, others <= threshold.
  std::int64_t extras = 0;
  for (const CodeShare& s : a.codes) {
    const std::int64_t extra = unitsOf(billed, s.code) - s.fullUnits;
    if (extra < 0 || extra > 1) return false;
    if (extra == 1) {
      if (s.leftover == 0 || s.leftover < a.threshold) return false;
      ++extras;
    } else if (a.remainingUnits > 0 && s.leftover > a.threshold) {
      return false;
    }
  }
  return extras == a.remainingUnits;
}

void allowedUnits(const Allocation& a, std::span<const CodeUnits> billed,
                  std::vector<CodeUnits>& allowed) {
  allowed.clear();
  for (const CodeShare& s : a.codes) allowed.push_back({s.code, s.units});
  if (a.method == Method::TotalTime && a.ambiguous) {
    // Hand the tied remaining units out again: tied codes billed with the
    // extra unit first, then the others, each group in code order.
    std::int64_t slots = 0;
    for (std::size_t i = 0; i < a.codes.size(); ++i) {
      const CodeShare& s = a.codes[i];
      if (s.leftover == a.threshold) {
        slots += s.units - s.fullUnits;
        allowed[i].units = s.fullUnits;
      }
    }
    for (int pass = 0; pass < 2 && slots > 0; ++pass) {
      for (std::size_t i = 0; i < a.codes.size() && slots > 0; ++i) {
        const CodeShare& s = a.codes[i];
        if (s.leftover != a.threshold || allowed[i].units > s.fullUnits) continue;
        const bool billedExtra = unitsOf(billed, s.code) > s.fullUnits;
        if (pass == 0 && !billedExtra) continue;
        ++allowed[i].units;
        --slots;
      }
    }
  }
  for (CodeUnits& c : allowed)
    c.units = std::min(c.units, std::max<std::int64_t>(unitsOf(billed, c.code), 0));
}

std::vector<CodeUnits> allowedUnits(const Allocation& a, std::span<const CodeUnits> billed) {
  std::vector<CodeUnits> allowed;
  allowedUnits(a, billed, allowed);
  return allowed;
}

}  // namespace edict::units
