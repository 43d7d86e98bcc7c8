// The static checker: validates every value of an AST, binds names, checks
// types, applies layering (extends, include, override, disable) and reports
// all the problems it finds, not just the first.
#pragma once

#include <functional>
#include <optional>

#include "frontend/ast/ruleset.h"
#include "frontend/check/checked_ruleset.h"
#include "frontend/check/table_cache.h"
#include "frontend/diag/diagnostic_sink.h"

namespace edict::check {

/// Loads and checks the ruleset a header names (`extends`/`include`), path
/// as written; reports its own problems and returns nullopt on failure.
using RulesetResolver =
    std::function<std::optional<CheckedRuleset>(const ast::Word& path, std::string_view why)>;

/// Checks `ruleset`. Returns the checked form when there were no errors
/// (warnings allowed); every problem goes to `sink`. `resolve` is called for
/// `extends` and `include`; it may be empty when neither is used. `tables`,
/// when given, keeps the tables read across checks (table_cache.h).
std::optional<CheckedRuleset> checkRuleset(const ast::Ruleset& ruleset, diag::DiagnosticSink& sink,
                                           const RulesetResolver& resolve = {},
                                           TableCache* tables = nullptr);

/// The same check, for an editor: `out` receives every statement that was
/// valid even when others were not (what hover and go-to-definition show
/// while the analyst is still typing). True when there were no errors.
bool checkRulesetInto(const ast::Ruleset& ruleset, diag::DiagnosticSink& sink,
                      const RulesetResolver& resolve, TableCache* tables, CheckedRuleset& out);

}  // namespace edict::check
