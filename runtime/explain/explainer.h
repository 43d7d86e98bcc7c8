// `edict explain`: why each edit fired on a claim, with the values it read,
// and why a named rule did not fire. Re-evaluates each part of a rule's
// condition with the reference interpreter on the very frames the
// evaluator used, so the explanation and the decision cannot drift apart.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ir/program.h"
#include "core/model/claim.h"
#include "core/model/history.h"

namespace edict::explain {

/// What to explain.
struct ExplainRequest {
  /// Also explain why the rule with this id (or `ptp_C1_C2` of a table) did
  /// not fire, line by line.
  std::optional<std::string> whyNot;
  /// The patient's history to judge the claim with (core/model/history.h),
  /// or null: the claim alone. Edits it made fire name its lines.
  const model::ClaimHistory* history = nullptr;
};

/// Every id an edit of `program` can carry, sorted: its rules' ids, and the
/// `ptp_C1_C2` and `mue_CODE` ids of the rows of tables read from files.
std::vector<std::string> editIds(const ir::Program& program);

/// The explanation of `claim` under `program`, as text for people.
std::string explainClaim(const ir::Program& program, const model::Claim& claim,
                         const ExplainRequest& request);

}  // namespace edict::explain
