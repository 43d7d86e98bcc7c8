// The static checker: validates every value of an AST, binds names, fills
// defaults and reports all problems it finds (not just the first).
#pragma once

#include <optional>

#include "ast/ruleset.h"
#include "check/checked_ruleset.h"
#include "diag/diagnostic_sink.h"

namespace edict::check {

/// Checks `ruleset`. Returns the checked form when there were no errors
/// (warnings allowed); every problem goes to `sink`.
std::optional<CheckedRuleset> checkRuleset(const ast::Ruleset& ruleset, diag::DiagnosticSink& sink);

}  // namespace edict::check
