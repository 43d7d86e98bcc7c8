#include "core/engine/claim_cache.h"

#include "core/engine/unit_limits.h"

namespace edict::engine {

DayTiming& ClaimCache::day(ir::UnitMethod method, const ir::CodeSet& timed,
                           const EvalFrame& frame) {
  const std::uint32_t group = frame.line->group;
  // A claim has a few days and usually one timed-code set: a scan is enough.
  for (std::size_t i = 0; i < used_; ++i) {
    DayTiming& d = days_[i];
    if (d.group == group && d.timed == &timed && d.method == method) return d;
  }
  if (used_ == days_.size()) days_.emplace_back();
  DayTiming& d = days_[used_++];
  checkDay(method, timed, frame, d);
  return d;
}

}  // namespace edict::engine
