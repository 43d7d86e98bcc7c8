// The one thing the evaluator needs from a back end: the truth of rule N's
// predicate on a frame. The interpreter and the JIT both implement it.
#pragma once

#include <cstdint>

#include "eval/eval_frame.h"

namespace edict::eval {

/// Evaluates compiled rule predicates; implemented by each back end.
class PredicateEngine {
 public:
  virtual ~PredicateEngine() = default;
  /// True when the predicate of `rule` (index into Program::rules) holds.
  [[nodiscard]] virtual bool holds(std::uint32_t rule, const EvalFrame& frame) const = 0;
};

}  // namespace edict::eval
