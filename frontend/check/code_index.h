// Which codes a line must have for a condition to hold: read off the
// condition's IR so that the evaluator only offers a line the rules that can
// match its code, and so that a condition no code satisfies is reported.
#pragma once

#include <optional>
#include <vector>

#include "core/ir/program.h"
#include "frontend/check/check_context.h"

namespace edict::check {

/// The code ranges the line's code must fall in for `predicate` to hold, or
/// nullopt when the condition does not constrain the code.
std::optional<CodeRanges> lineCodeConstraint(const ir::Program& program, ir::ExprId predicate);

/// The codes of `ranges` as an index list; nullopt when there are too many
/// to list (the rule is then tried on every line).
std::optional<std::vector<model::Code>> indexCodes(const CodeRanges& ranges);

}  // namespace edict::check
