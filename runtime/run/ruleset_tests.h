// Runs a ruleset's own tests (`test` blocks): evaluates each example claim
// and compares the edits with the expectations. Every actual edit must be
// expected (nothing fires by surprise) and every expectation met.
#pragma once

#include <string>
#include <vector>

#include "core/ir/program.h"
#include "runtime/eval/evaluator.h"

namespace edict::run {

/// What one test did.
struct TestOutcome {
  bool passed = true;
  /// One line per problem: an expectation not met, or an edit not expected.
  std::vector<std::string> failures;
  std::vector<model::Edit> edits;
};

/// Runs `test` with `evaluator`.
TestOutcome runTest(const ir::TestCase& test, const eval::Evaluator& evaluator);

/// An edit as a test report shows it: `line 2 deny rule R reason CO-236`.
std::string describeEdit(const model::Edit& edit);

}  // namespace edict::run
