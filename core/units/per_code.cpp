// The per-code methods: each code's units from its own minutes alone (every
// share keeps its default reason, Why::OwnMinutes).
#include "core/units/code_shares.h"

namespace edict::units {

void allocatePerCode(std::span<const CodeMinutes> codes, Allocation& out) {
  shareMinutes(
      Method::PerCode, codes, [](const CodeShare& share) { return unitsForMinutes(share.minutes); },
      out);
}

Allocation allocatePerCode(std::span<const CodeMinutes> codes) {
  Allocation a;
  allocatePerCode(codes, a);
  return a;
}

void allocateRounded(std::span<const CodeMinutes> codes, Allocation& out) {
  shareMinutes(
      Method::Rounded, codes, [](const CodeShare& share) { return roundedUnits(share.minutes); },
      out);
}

Allocation allocateRounded(std::span<const CodeMinutes> codes) {
  Allocation a;
  allocateRounded(codes, a);
  return a;
}

}  // namespace edict::units
