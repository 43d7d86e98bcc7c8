// Minutes to 15-minute units, the table every timed-unit method starts from.
// Medicare Claims Processing Manual, ch. 5 §20.2: "1 unit: >= 8 minutes
// through 22 minutes; 2 units: >= 23 through 37; 3 units: >= 38 through 52;
// ... 8 units: >= 113 through 127. The pattern remains the same for treatment
// times in excess of 2 hours."
#pragma once

#include <cstdint>

namespace edict::units {

/// Minutes in one timed unit.
inline constexpr std::int64_t kMinutesPerUnit = 15;
/// Minutes from which a partial unit counts: just past the midpoint of 15.
inline constexpr std::int64_t kMinutesForPartialUnit = 8;

/// The CMS table: 0 below 8 minutes, 1 for 8-22, 2 for 23-37, 3 for 38-52,
/// and one more unit per further 15 minutes. Zero and negative minutes give 0.
std::int64_t unitsForMinutes(std::int64_t minutes);

/// Rounding to the nearest 15 minutes, halves up: round(minutes / 15). The
/// AMA's CPT rule is the same idea ("a unit of time is attained when the
/// midpoint is passed"). With whole minutes the half (7.5) never occurs, so
/// this equals unitsForMinutes() for every minute count; it is kept as its
/// own definition because payers state it that way.
std::int64_t roundedUnits(std::int64_t minutes);

}  // namespace edict::units
