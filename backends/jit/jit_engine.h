// The LLVM ORC back end: owns an LLJIT instance, compiles a program's
// predicates to native code and answers PredicateEngine queries with them.
// The code is added under one ORC ResourceTracker and removed with it when
// the engine is destroyed (a service's old ruleset, once unused).
// LLVM types stay behind this interface; callers see only edict types.
#pragma once

#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/engine/predicate_engine.h"
#include "core/ir/program.h"

namespace edict::jit {

/// Raised when LLVM cannot build or compile the module (never for bad user
/// input: the checker has refused that before).
class JitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Natively compiled predicates of one program.
class JitEngine final : public engine::PredicateEngine {
 public:
  /// Generates, optimizes (O2) and compiles every rule of `program` for this
  /// machine's CPU, then links it in. `program` must outlive the engine.
  static std::unique_ptr<JitEngine> compile(const ir::Program& program);
  /// Links object code compiled from `program` (jit::compileObject, or an
  /// artifact's) without generating any: its data symbols are bound to
  /// `program`'s tables. `program` must outlive the engine.
  static std::unique_ptr<JitEngine> load(const ir::Program& program, std::string_view object);
  ~JitEngine() override;
  JitEngine(const JitEngine&) = delete;
  JitEngine& operator=(const JitEngine&) = delete;

  [[nodiscard]] bool holds(std::uint32_t rule, const engine::EvalFrame& frame) const override {
    return predicates_[rule](&frame);
  }
  [[nodiscard]] std::int64_t units(std::uint32_t rule,
                                   const engine::EvalFrame& frame) const override {
    return units_[rule](&frame);
  }
  /// True: its pair lookups are filtered anyway (edictPairIndicator), so the
  /// evaluator may spare it the calls the filter answers.
  [[nodiscard]] bool prefiltersPairs() const override { return true; }

 private:
  struct Impl;
  JitEngine();
  std::unique_ptr<Impl> impl_;
  std::vector<engine::PredicateFn> predicates_;
  /// Indexed by rule; null for rules without `modify ... units`.
  std::vector<engine::UnitsFn> units_;
};

}  // namespace edict::jit
