// Times the predicates alone, the part of evaluation the JIT compiles: every
// call the evaluator would make to a back end on the benchmark claims is
// prepared in advance (flat line views, same-day groups, the line and other
// line of each call), then only the calls are timed. Comparing the JIT with
// the interpreter this way separates what code generation buys from the
// shared evaluator's cost around it (views, rule lookup, edit records).
#pragma once

#include "core/engine/predicate_engine.h"
#include "core/ir/program.h"
#include "harness/claim_set.h"
#include "harness/throughput.h"

namespace edict::bench {

/// The prepared calls of `set` under `program`.
class PredicateCalls {
 public:
  PredicateCalls(const ir::Program& program, const ClaimSet& set);

  /// Makes every call on `engine`, in passes until `minSeconds` of CPU;
  /// `claims` counts calls and `edits` the calls that held.
  [[nodiscard]] Throughput measure(const engine::PredicateEngine& engine, double minSeconds) const;

  [[nodiscard]] std::size_t size() const { return calls_.size(); }

 private:
  struct Call {
    std::uint32_t rule;
    std::uint32_t claim;  ///< index into views_
    std::int32_t line;    ///< index into that claim's lines; -1 for claim rules
    std::int32_t other;   ///< index of the other line, or -1
  };
  struct ClaimViews {
    std::vector<engine::LineView> lines;
    engine::ClaimView claim{};
  };
  std::vector<ClaimViews> views_;
  std::vector<Call> calls_;
};

}  // namespace edict::bench
