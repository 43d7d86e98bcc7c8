#include "units/allocation.h"

#include <algorithm>

namespace edict::units {

std::string_view methodName(Method method) {
  switch (method) {
    case Method::TotalTime: return "total_time";
    case Method::PerCode: return "per_code";
    case Method::Rounded: return "nearest_15";
  }
  return "";
}

const CodeShare* Allocation::find(model::Code code) const {
  auto it = std::lower_bound(codes.begin(), codes.end(), code,
                             [](const CodeShare& s, model::Code c) { return s.code < c; });
  return it != codes.end() && it->code == code ? &*it : nullptr;
}

Allocation allocate(Method method, std::span<const CodeMinutes> codes) {
  switch (method) {
    case Method::TotalTime: return allocateTotalTime(codes);
    case Method::PerCode: return allocatePerCode(codes);
    case Method::Rounded: return allocateRounded(codes);
  }
  return {};
}

}  // namespace edict::units
