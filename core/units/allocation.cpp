#include "core/units/allocation.h"

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

void allocate(Method method, std::span<const CodeMinutes> codes, Allocation& out) {
  switch (method) {
    case Method::TotalTime: allocateTotalTime(codes, out); return;
    case Method::PerCode: allocatePerCode(codes, out); return;
    case Method::Rounded: allocateRounded(codes, out); return;
  }
  out.reset(Method::TotalTime);  // not a method: an empty allocation
}

void Allocation::reset(Method newMethod) {
  std::vector<CodeShare> keep = std::move(codes);
  keep.clear();
  *this = Allocation{};
  method = newMethod;
  codes = std::move(keep);
}

Allocation allocate(Method method, std::span<const CodeMinutes> codes) {
  Allocation a;
  allocate(method, codes, a);
  return a;
}

}  // namespace edict::units
