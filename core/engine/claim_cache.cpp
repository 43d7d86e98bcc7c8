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

const std::vector<std::int64_t>& ClaimCache::frequency(const FrequencyLimit& limit,
                                                       const EvalFrame& frame) {
  for (std::size_t i = 0; i < frequencyUsed_; ++i) {
    const FrequencyAllowances& f = frequency_[i];
    if (f.codes == limit.codes && f.window == limit.window && f.max == limit.max &&
        f.units == limit.units)
      return f.allowed;
  }
  if (frequencyUsed_ == frequency_.size()) frequency_.emplace_back();
  FrequencyAllowances& f = frequency_[frequencyUsed_++];
  f.codes = limit.codes;
  f.window = limit.window;
  f.max = limit.max;
  f.units = limit.units;
  f.allowed = frequencyAllowedByPosition(limit, frame);
  return f.allowed;
}

}  // namespace edict::engine
