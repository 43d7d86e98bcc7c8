// The one thing the evaluator needs from a back end: the truth of rule N's
// predicate on a frame (and, for `modify` rules, the allowed units). The
// interpreter and the JIT both implement it.
#pragma once

#include <cstdint>

#include "core/engine/eval_frame.h"

namespace edict::engine {

/// Evaluates compiled rule predicates; implemented by each back end.
/// Implementations are safe to call from several threads at once.
class PredicateEngine {
 public:
  virtual ~PredicateEngine() = default;
  /// True when the predicate of `rule` (index into Program::rules) holds.
  [[nodiscard]] virtual bool holds(std::uint32_t rule, const EvalFrame& frame) const = 0;
  /// The allowed units of a `modify` rule; only called for rules that have units.
  [[nodiscard]] virtual std::int64_t units(std::uint32_t rule, const EvalFrame& frame) const = 0;
  /// Whether the evaluator may leave out asking a pair-table rule about a
  /// pair that ir::PairTable::mayHaveRow() rejects (the rule's predicate, a
  /// row lookup, is false for it). False by default, and for the interpreter,
  /// which stays the unfiltered oracle the filter is checked against.
  [[nodiscard]] virtual bool prefiltersPairs() const { return false; }
};

}  // namespace edict::engine
