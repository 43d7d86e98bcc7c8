// A ruleset compiled for the benchmark with each phase timed on its own:
// read, parse, check (which reads imported tables), lower, JIT (code
// generation, O2 and native code), and the evaluators' rule index. The
// phases are called one by one, as compiler/driver/compile.cpp does, so the
// figures are those of the real pipeline with no timing hook inside it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "eval/evaluator.h"
#include "interp/interpreter.h"
#include "ir/program.h"
#include "jit/jit_engine.h"

namespace edict::bench {

/// Seconds spent in each phase.
struct PhaseTimes {
  double read = 0;
  double parse = 0;
  double check = 0;  ///< includes reading `pairs from` tables
  double lower = 0;
  double jit = 0;    ///< code generation, optimization and native code
  double index = 0;  ///< building the JIT evaluator's rule index
  [[nodiscard]] double total() const { return read + parse + check + lower + jit + index; }
};

/// One ruleset, compiled for both back ends.
struct CompiledRuleset {
  /// Heap-allocated so that engines and evaluators can keep references.
  std::unique_ptr<ir::Program> program;
  std::unique_ptr<jit::JitEngine> jit;
  std::unique_ptr<interp::Interpreter> interpreter;
  std::unique_ptr<eval::Evaluator> jitEvaluator;
  std::unique_ptr<eval::Evaluator> interpEvaluator;
  PhaseTimes times;
  std::size_t pairTableRows = 0;
};

/// Compiles the ruleset at `path`, with `extraText` appended to its text
/// (a `pairs from` line for the NCCI-scale figures; relative paths in it
/// are read from `path`'s directory). Diagnostics go to standard error;
/// throws std::runtime_error when there are errors.
CompiledRuleset compileRuleset(const std::string& path, const std::string& extraText = {});

/// The process's resident memory now and at its peak, in MiB (Linux
/// /proc/self/status VmRSS and VmHWM; 0 where unavailable).
struct Memory {
  double residentMiB = 0;
  double peakMiB = 0;
};
Memory processMemory();

}  // namespace edict::bench
