// A ruleset's own tests (its `test` blocks) run as `edict test` runs them:
// on the JIT and on the interpreter, the edits of each test compared
// between the two, a disagreement failing the test. `edict test` and the
// playground both run tests through here, so they agree on every outcome.
#pragma once

#include <string>
#include <vector>

#include "core/ir/program.h"
#include "runtime/run/ruleset_tests.h"

namespace edict::service {

/// One test and what it did (the JIT's edits; the interpreter's agreed).
struct TestRun {
  const ir::TestCase* test = nullptr;
  run::TestOutcome outcome;
};

/// The tests of a program, in the order written.
struct TestRuns {
  std::vector<TestRun> tests;
  /// Empty, or why no test ran (the JIT failed on the program).
  std::string problem;
};

/// Runs every test of `program` on both engines; the results point into
/// `program`, which must outlive them.
TestRuns runTestsOnBothEngines(const ir::Program& program);

}  // namespace edict::service
