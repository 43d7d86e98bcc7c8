// Times the predicates alone, the part of evaluation the JIT compiles: every
// call the evaluator would make to a back end on the benchmark claims is
// prepared in advance (flat line views, same-day groups, the line and other
// line of each call), then only the calls are timed. Comparing the JIT with
// the interpreter this way separates what code generation buys from the
// shared evaluator's cost around it (views, rule lookup, edit records).
#pragma once

#include "eval/predicate_engine.h"
#include "harness/claim_set.h"
#include "harness/throughput.h"
#include "ir/program.h"

namespace edict::bench {

/// The prepared calls of `set` under `program`.
class PredicateCalls {
 public:
  PredicateCalls(const ir::Program& program, const ClaimSet& set);

  /// Makes every call on `engine`, in passes until `minSeconds` of CPU;
  /// `claims` counts calls and `edits` the calls that held.
  [[nodiscard]] Throughput measure(const eval::PredicateEngine& engine, double minSeconds) const;

  [[nodiscard]] std::size_t size() const { return calls_.size(); }

 private:
  struct Call {
    std::uint32_t rule;
    std::uint32_t claim;  ///< index into views_
    std::int32_t line;    ///< index into that claim's lines; -1 for claim rules
    std::int32_t other;   ///< index of the other line, or -1
  };
  struct ClaimViews {
    std::vector<eval::LineView> lines;
    eval::ClaimView claim{};
  };
  std::vector<ClaimViews> views_;
  std::vector<Call> calls_;
};

}  // namespace edict::bench
