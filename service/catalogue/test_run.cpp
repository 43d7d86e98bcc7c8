#include "service/catalogue/test_run.h"

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "runtime/eval/evaluator.h"
#include "runtime/write/jsonl_writer.h"

namespace edict::service {

namespace {

std::string recordsOf(const std::vector<model::Edit>& edits) {
  std::string out;
  for (const model::Edit& e : edits) out += write::formatJsonLine(e) + "\n";
  return out;
}

}  // namespace

TestRuns runTestsOnBothEngines(const ir::Program& program) {
  TestRuns runs;
  if (program.tests.empty()) return runs;
  const interp::Interpreter interpreter(program);
  std::unique_ptr<jit::JitEngine> jit;
  try {
    jit = jit::JitEngine::compile(program);
  } catch (const jit::JitError& e) {
    runs.problem = std::string("the JIT failed: ") + e.what();
    return runs;
  }
  const eval::Evaluator byJit(program, *jit);
  const eval::Evaluator byInterpreter(program, interpreter);
  for (const ir::TestCase& test : program.tests) {
    run::TestOutcome outcome = run::runTest(test, byJit);
    const std::string jitText = recordsOf(outcome.edits);
    const std::string interpText = recordsOf(run::runTest(test, byInterpreter).edits);
    if (jitText != interpText) {
      outcome.passed = false;
      outcome.failures.push_back("the JIT and the interpreter disagree:\n    jit:    " + jitText +
                                 "    interp: " + interpText);
    }
    runs.tests.push_back({&test, std::move(outcome)});
  }
  return runs;
}

}  // namespace edict::service
