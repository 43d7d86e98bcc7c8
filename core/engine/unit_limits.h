// The unit arithmetic of `units` and `limit` rules on the flat claim views:
// which lines of a day are checked together, and how many units a line may
// keep. The interpreter calls these directly; JIT code calls the timed-units
// function through a host symbol and generates the limit logic inline (the
// tests require both to agree), so there is one definition of the policy.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/eval_frame.h"
#include "core/ir/program.h"
#include "core/units/timing_check.h"

namespace edict::engine {

/// The edict_units method of an IR unit method.
units::Method unitsMethod(ir::UnitMethod method);

/// The timed lines checked with `frame.line`: the lines of its day (same
/// patient, provider and date) whose code is in `timed`, in claim order.
/// `positions` receives their claim line numbers.
std::vector<units::TimedLine> timedLinesOfDay(const ir::CodeSet& timed, const EvalFrame& frame,
                                              std::vector<std::uint32_t>& positions);

struct DayTiming;

/// Checks the timed lines of `frame.line`'s day that have minutes
/// (timedLinesOfDay() without the lines no check counts) under `method`
/// into `day`, reusing its memory.
void checkDay(ir::UnitMethod method, const ir::CodeSet& timed, const EvalFrame& frame,
              DayTiming& day);

/// The units `frame.line` may keep when the minutes of its day's timed lines
/// become units by `method` (units::checkTiming); its billed units when it
/// has no minutes (such a line cannot be checked). The day's check comes
/// from `frame.cache` when the frame has one, else it is computed here.
std::int64_t timedAllowedUnits(ir::UnitMethod method, const ir::CodeSet& timed,
                               const EvalFrame& frame);

/// The units of `frame.line`'s code billed on earlier lines of its day: what
/// a per-day limit has already given away when it reaches this line.
std::int64_t earlierUnitsOfCode(const EvalFrame& frame);

/// The units a line billing `billed` may keep under a per-day limit of
/// `perDay` after `earlier` units went to earlier lines: earlier lines keep
/// theirs, this one gets what is left, between 0 and `billed`.
std::int64_t dayLimitAllowed(std::int64_t perDay, std::int64_t earlier, std::int64_t billed);

/// The units a line billing `billed` may keep under MUE `row`: indicator 1
/// judges the line alone and denies it whole when it bills more than the
/// value; indicators 2 and 3 are per-day limits (dayLimitAllowed()).
std::int64_t mueAllowed(const ir::MueTable::Row& row, std::int64_t earlier, std::int64_t billed);

/// One line for an edit message: the day's timed minutes and units, e.g.
/// `47 timed minutes on 2026-11-02 = 3 units by CMS total time: 97110 23
/// min -> 1, 97112 24 min -> 2`. Made once per day when the frame has a
/// cache, and then the text lives there (valid until the cache is cleared);
/// without a cache it is made into `storage`. No copy either way: edits
/// quote it into their own messages.
std::string_view timingSummary(ir::UnitMethod method, const ir::CodeSet& timed,
                               const EvalFrame& frame, std::string& storage);

/// CMS's label of an MUE adjudication indicator (`Date of Service Edit: Clinical`).
std::string_view mueIndicatorLabel(std::uint8_t indicator);

}  // namespace edict::engine
