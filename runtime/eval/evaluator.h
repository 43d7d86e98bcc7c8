// Applies one compiled ruleset to claims: indexes rules by procedure code,
// builds the same-day groups, asks a back end which predicates hold and
// turns those into edit records. The same evaluator drives both back ends,
// so they can only differ in predicate truth, which the tests compare.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "eval/predicate_engine.h"
#include "ir/program.h"
#include "model/claim.h"
#include "model/edit.h"

namespace edict::eval {

/// Evaluates claims against one program with one predicate engine.
/// Thread-compatible: one instance per thread, or const use only.
class Evaluator {
 public:
  /// `program` and `engine` must outlive the evaluator.
  Evaluator(const ir::Program& program, const PredicateEngine& engine);

  /// Appends the edits `claim` triggers to `out`, ordered by line, then by
  /// rule order in the ruleset.
  void evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const;

 private:
  void buildViews(const model::Claim& claim, std::vector<LineView>& views) const;

  const ir::Program& program_;
  const PredicateEngine& engine_;
  /// code -> indices of rules whose lineCodes contain it, in rule order.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> rulesByCode_;
};

}  // namespace edict::eval
