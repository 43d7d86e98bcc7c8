// How the timed minutes of one patient, provider and date become units per
// code, under the method a payer chose, with the reasons for each code's
// share: the structure `edict explain` prints.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/model/code.h"
#include "core/units/timed_line.h"

namespace edict::units {

/// The timed-unit methods of the brief (§1 item 3).
enum class Method : std::uint8_t {
  /// CMS "8-minute rule": the pooled minutes of all timed codes set the
  /// total units (Medicare Claims Processing Manual ch. 5 §20.2).
  TotalTime,
  /// AMA "substantial portion": each code alone, by unitsForMinutes().
  PerCode,
  /// Each code alone, rounded to the nearest 15 minutes (roundedUnits()).
  Rounded,
};

/// `total_time`, `per_code` or `nearest_15`: the method's name in the language.
std::string_view methodName(Method method);

/// Why a code got its units.
enum class Why : std::uint8_t {
  OwnMinutes,        ///< per code or rounded: from the code's own minutes alone
  NoLeftover,        ///< total time: whole 15-minute blocks only
  NoRemainingUnits,  ///< total time: the total allows no unit beyond the full ones
  LargestLeftover,   ///< total time: a remaining unit, for one of the largest leftovers
  TieWon,            ///< total time: a remaining unit on a tie; another tied code may take it
  TieLost,           ///< total time: tied, but the tie-break gave the unit to another code
  SmallerLeftover,   ///< total time: the remaining units went to larger leftovers
};

/// One code's share of the units.
struct CodeShare {
  model::Code code;
  /// Minutes pooled over the code's lines, and how many lines.
  std::int64_t minutes = 0;
  std::uint32_t lines = 0;
  /// Total time: one unit per full 15 minutes, and the minutes left over.
  std::int64_t fullUnits = 0;
  std::int64_t leftover = 0;
  /// The units of the canonical allocation.
  std::int64_t units = 0;
  Why why = Why::OwnMinutes;
};

/// The canonical allocation of one date's timed minutes, with its reasons.
struct Allocation {
  Method method = Method::TotalTime;
  /// Sorted by code.
  std::vector<CodeShare> codes;
  std::int64_t totalMinutes = 0;
  /// Sum of the codes' units; under total time, unitsForMinutes(totalMinutes).
  std::int64_t totalUnits = 0;
  /// Total time: the sum of full units, and the units left to assign.
  std::int64_t fullUnits = 0;
  std::int64_t remainingUnits = 0;
  /// Total time: the smallest leftover that gets a remaining unit (0 when none).
  std::int64_t threshold = 0;
  /// Whether another assignment is equally correct (equal leftovers at the threshold).
  bool ambiguous = false;

  /// The share of `code`, or nullptr.
  [[nodiscard]] const CodeShare* find(model::Code code) const;

  /// Empties the allocation for `method`: every field as in a new one, but
  /// `codes` keeps its memory for the next day.
  void reset(Method newMethod);
};

/// The canonical allocation of `codes` (one entry per code) under `method`.
Allocation allocate(Method method, std::span<const CodeMinutes> codes);

/// The same into `out`, replacing every field. `out.codes` keeps its memory:
/// the evaluator checks day after day with one Allocation and, once the
/// buffer has grown to the largest day, allocates nothing. Every allocate*
/// function below has such a form; the returning one is a wrapper of it.
void allocate(Method method, std::span<const CodeMinutes> codes, Allocation& out);

/// CMS total time. Each code first gets one unit per full 15 minutes; the
/// remaining units (total minus full) go one each to the codes with the most
/// minutes left over. Equal leftovers at the cut are broken by code order
/// (lowest code first) in the canonical allocation; isCorrect() accepts every
/// choice among them.
///
/// The remaining units never outnumber the codes with a leftover, so no code
/// ever needs two: with F full units and leftovers r_i (each 1..14, k of
/// them, sum S), total minutes are 15F + S and total units are
/// F + floor((S + 7) / 15); so remaining = floor((S + 7) / 15)
/// <= floor((14k + 7) / 15) <= k for every k >= 1, and 0 when k = 0.
Allocation allocateTotalTime(std::span<const CodeMinutes> codes);

/// allocateTotalTime() into `out`, keeping `out.codes`' memory.
void allocateTotalTime(std::span<const CodeMinutes> codes, Allocation& out);

/// AMA per code: each code gets unitsForMinutes() of its own minutes.
Allocation allocatePerCode(std::span<const CodeMinutes> codes);

/// allocatePerCode() into `out`, keeping `out.codes`' memory.
void allocatePerCode(std::span<const CodeMinutes> codes, Allocation& out);

/// Rounding: each code gets roundedUnits() of its own minutes.
Allocation allocateRounded(std::span<const CodeMinutes> codes);

/// allocateRounded() into `out`, keeping `out.codes`' memory.
void allocateRounded(std::span<const CodeMinutes> codes, Allocation& out);

/// Whether `billed` (units per code; codes not listed count as 0) is exactly
/// one of the correct assignments of `allocation`'s method. A billed code
/// that has no minutes in the allocation must have 0 units.
bool isCorrect(const Allocation& allocation, std::span<const CodeUnits> billed);

/// The units each code of the allocation may keep given what was billed: the
/// correct assignment closest to `billed`, capped by it. Under total time,
/// remaining units on a tie go first to tied codes billed with them, so that
/// a correct assignment is never reduced. One entry per allocated code, in
/// the allocation's order.
std::vector<CodeUnits> allowedUnits(const Allocation& allocation,
                                    std::span<const CodeUnits> billed);

/// allowedUnits() into `out`, replacing its contents and keeping its memory.
void allowedUnits(const Allocation& allocation, std::span<const CodeUnits> billed,
                  std::vector<CodeUnits>& out);

}  // namespace edict::units
