// Timed units written again, plainly, for the hand-written baseline of the
// shipped rulesets: the CMS 8-minute rule (Medicare Claims Processing Manual
// ch. 5 §20.2) and the AMA per-code rule, on one patient's, provider's and
// date's timed lines. Nothing of edict's core/units: this is the arithmetic
// as a payer's engineer would write it from the manual.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace edict::bench {

/// One timed line of a day that has minutes.
struct TimedService {
  std::uint32_t code = 0;  ///< model::Code::packed
  std::int32_t minutes = 0;
  std::int32_t billed = 0;
};

/// How minutes become units.
enum class TimedMethod : std::uint8_t {
  TotalTime,  ///< CMS: the day's minutes pooled
  PerCode,    ///< AMA: each code's own minutes
};

/// The units of one day's timed services.
class TimedDay {
 public:
  /// Works out the day of `services` (in claim order) under `method`.
  void check(TimedMethod method, std::span<const TimedService> services);

  /// The units the i-th service of check()'s input may keep.
  [[nodiscard]] std::int32_t allowed(std::size_t service) const { return lineAllowed_[service]; }

  /// Appends the account edits quote: `47 timed minutes on 2026-11-02 = 3
  /// units by CMS total time: 97110 23 min -> 1, 97112 24 min -> 2`, or
  /// `units per code from its own minutes on 2026-11-02: ...`.
  void describe(std::int32_t date, std::string& out) const;

 private:
  struct CodeTotal {
    std::uint32_t code;
    std::int64_t minutes;
    std::int64_t billed;
    std::int64_t full;      ///< whole 15 minutes
    std::int64_t leftover;  ///< minutes past them
    std::int64_t units;     ///< what the rule gives the code
    std::int64_t allowed;   ///< what the code may keep of what was billed
  };

  void totalTime();
  void perCode();

  TimedMethod method_ = TimedMethod::TotalTime;
  std::vector<CodeTotal> codes_;  ///< sorted by code
  std::vector<std::uint32_t> byLeftover_;
  std::vector<std::int32_t> lineAllowed_;
  std::int64_t totalMinutes_ = 0;
  std::int64_t totalUnits_ = 0;
};

/// 0 below 8 minutes, 1 for 8-22, 2 for 23-37, ...: one unit a full 15
/// minutes, and one for a remainder of 8 or more.
inline std::int64_t unitsForMinutes(std::int64_t minutes) {
  if (minutes < 8) return 0;
  return minutes / 15 + (minutes % 15 >= 8 ? 1 : 0);
}

}  // namespace edict::bench
