// The reference interpreter of the rule IR: a direct tree walk, written for
// obviousness rather than speed. It is the oracle the JIT is tested against.
#pragma once

#include <bitset>
#include <vector>

#include "core/engine/predicate_engine.h"
#include "core/ir/program.h"
#include "core/model/code.h"

namespace edict::interp {

/// Evaluates predicates by walking the IR of `program`.
class Interpreter final : public engine::PredicateEngine {
 public:
  /// `program` must outlive the interpreter.
  explicit Interpreter(const ir::Program& program);

  [[nodiscard]] bool holds(std::uint32_t rule, const engine::EvalFrame& frame) const override;
  [[nodiscard]] std::int64_t units(std::uint32_t rule,
                                   const engine::EvalFrame& frame) const override;

  /// The value of any expression on `frame` (booleans are 0 or 1).
  [[nodiscard]] std::int64_t value(ir::ExprId id, const engine::EvalFrame& frame) const;

 private:
  [[nodiscard]] bool inSet(std::uint32_t set, std::uint16_t modifier) const;
  [[nodiscard]] std::int64_t aggregate(const ir::Expr& e, const engine::EvalFrame& frame) const;
  [[nodiscard]] bool anyIn(std::int32_t set, const engine::LineView& line) const;
  [[nodiscard]] bool sitesDiffer(std::uint32_t set, const engine::EvalFrame& frame) const;
  [[nodiscard]] bool pairTableHolds(const ir::PairTable& table,
                                    const engine::EvalFrame& frame) const;

  const ir::Program& program_;
  std::vector<std::bitset<model::kModifierSpace>> sets_;
};

}  // namespace edict::interp
