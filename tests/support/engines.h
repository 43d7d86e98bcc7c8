// Test helpers that compile ruleset text and run claims on BOTH back ends,
// failing the test if the interpreter and the JIT disagree on anything.
// Every behavioural test goes through here.
#pragma once

#include <string>
#include <vector>

#include "core/ir/program.h"
#include "core/model/claim.h"
#include "core/model/edit.h"
#include "frontend/diag/diagnostic_sink.h"

namespace edict::testing {

/// Compiles `text`; fails the test (with the rendered diagnostics) on errors.
ir::Program compileOrFail(const std::string& text, const std::string& path = "test.edict");

/// Compiles `text` and returns every diagnostic, rendered, joined.
std::string diagnosticsOf(const std::string& text, const std::string& file = "test.edict");

/// Parses claims from JSON Lines text; fails the test on a reject.
std::vector<model::Claim> claimsFromJsonl(const std::string& jsonl);

/// Evaluates `claims` with the interpreter and the JIT, REQUIREs identical
/// edits, and returns them.
std::vector<model::Edit> evaluateBoth(const ir::Program& program,
                                      const std::vector<model::Claim>& claims);

/// The edits as JSON Lines text, for readable comparisons.
std::string asJsonl(const std::vector<model::Edit>& edits);

}  // namespace edict::testing
