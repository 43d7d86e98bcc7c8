// The timed-unit arithmetic as text for people: what `edict explain` prints
// for a day's timing check (minutes per code, the total, the units and why).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/units/timing_check.h"

namespace edict::explain {

/// A plain-text account of the check, one fact per line, for people.
std::string explainTiming(const units::TimingCheck& check, std::span<const units::TimedLine> lines);

/// The same, naming each line by its number on the claim (`lineNumbers`, one
/// per line) rather than by its place in `lines`.
std::string explainTiming(const units::TimingCheck& check, std::span<const units::TimedLine> lines,
                          std::span<const std::uint32_t> lineNumbers);

}  // namespace edict::explain
