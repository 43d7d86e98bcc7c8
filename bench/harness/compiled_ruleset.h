// A ruleset compiled for the benchmark with each phase timed on its own:
// read, parse, check (which reads imported tables), lower, JIT (code
// generation, O2 and native code), and the evaluators' rule index. The
// phases are called one by one, as frontend/driver/compile.cpp does, so the
// figures are those of the real pipeline with no timing hook inside it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "core/ir/program.h"
#include "runtime/eval/evaluator.h"

namespace edict::bench {

/// Seconds one phase took: wall clock, and CPU time of the process (what
/// the phase costs when the machine is shared with other work).
struct Phase {
  double wall = 0;
  double cpu = 0;
};

/// Each phase of compiling a ruleset.
struct PhaseTimes {
  Phase read;
  Phase parse;
  Phase check;  ///< includes reading `pairs from` tables
  Phase lower;
  Phase jit;    ///< code generation, optimization and native code
  Phase index;  ///< building the JIT evaluator's rule index
  [[nodiscard]] Phase total() const {
    Phase t;
    for (const Phase& p : {read, parse, check, lower, jit, index}) {
      t.wall += p.wall;
      t.cpu += p.cpu;
    }
    return t;
  }
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
  std::size_t mueTableRows = 0;
};

/// Compiles the ruleset at `path`, with `extraText` appended to its text
/// (`pairs from` and `limits from` lines for the NCCI-scale figures;
/// relative paths in them are read from `path`'s directory). Diagnostics go to standard error;
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
