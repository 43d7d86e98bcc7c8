// Lowering: a checked ruleset becomes the rule IR that both back ends run.
// This is where policy meets mechanics: a PTP row becomes a predicate over a
// line and another line of the same day, with the NCCI bypass spelled out.
#pragma once

#include "core/ir/program.h"
#include "frontend/check/checked_ruleset.h"

namespace edict::lower {

/// Lowers `ruleset` to IR. Rows with indicator 9 produce no rule.
ir::Program lowerToIr(const check::CheckedRuleset& ruleset);

}  // namespace edict::lower
