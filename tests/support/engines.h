// Test helpers that compile ruleset text and run claims on BOTH back ends,
// failing the test if the interpreter and the JIT disagree on anything.
// Every behavioural test goes through here.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/ir/program.h"
#include "core/model/claim.h"
#include "core/model/edit.h"
#include "core/model/history.h"
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

/// Evaluates each claim with its history (`histories[i]` for `claims[i]`;
/// null: none) on both engines, REQUIREs identical edits, and returns them.
std::vector<model::Edit> evaluateBoth(const ir::Program& program,
                                      const std::vector<model::Claim>& claims,
                                      const std::vector<const model::ClaimHistory*>& histories);

/// Evaluates every claim with the one `history` on both engines (as above).
std::vector<model::Edit> evaluateWithHistory(const ir::Program& program,
                                             const std::vector<model::Claim>& claims,
                                             const model::ClaimHistory& history);

/// Claims recorded as a run with history records them: each judged (by the
/// interpreter) with what was recorded before it of its patient at its
/// payer, then its lines kept with their outcome (model::outcomeLines).
class HistoryBook {
 public:
  explicit HistoryBook(const ir::Program& program) : program_(program) {}
  /// Judges `claim` with its history so far and records its lines.
  void record(const model::Claim& claim);
  /// The history of `claim`'s patient at its payer (empty when none).
  [[nodiscard]] const model::ClaimHistory& of(const model::Claim& claim) const;

 private:
  const ir::Program& program_;
  std::map<std::pair<std::string, std::string>, model::ClaimHistory> byPatient_;
};

/// Runs the program's own tests (`test` blocks) on both engines: per test,
/// `passed`, or its name and failures; REQUIREs the engines to agree.
std::vector<std::string> runTestsBoth(const ir::Program& program);

/// The edits as JSON Lines text, for readable comparisons.
std::string asJsonl(const std::vector<model::Edit>& edits);

}  // namespace edict::testing
