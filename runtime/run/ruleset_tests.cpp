#include "runtime/run/ruleset_tests.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::run {

namespace {

bool meets(const model::Edit& edit, const ir::Expectation& x) {
  if (x.line != edit.line) return false;
  if (edit.action != x.action) return false;
  if (x.rule && *x.rule != edit.rule) return false;
  if (x.reason && *x.reason != edit.reason) return false;
  if (x.allowedUnits && x.allowedUnits != edit.allowedUnits) return false;
  return true;
}

}  // namespace

std::string describeEdit(const model::Edit& edit) {
  std::string out = edit.line ? fmt::format("line {}", *edit.line) : "claim";
  out += fmt::format(" {} rule {}", model::actionName(edit.action), edit.rule);
  if (!edit.reason.empty()) out += " reason " + edit.reason;
  if (edit.allowedUnits) out += fmt::format(" units {}", *edit.allowedUnits);
  return out;
}

TestOutcome runTest(const ir::TestCase& test, const eval::Evaluator& evaluator) {
  TestOutcome outcome;
  evaluator.evaluate(test.claim, outcome.edits, test.history ? &*test.history : nullptr);
  const auto& edits = outcome.edits;
  std::vector<bool> matched(edits.size(), false);
  using Kind = ir::Expectation::Kind;
  for (const ir::Expectation& x : test.expectations) {
    switch (x.kind) {
      case Kind::Nothing:
        if (!edits.empty()) outcome.failures.push_back("expected no edit");
        std::fill(matched.begin(), matched.end(), true);  // reported once, above
        break;
      case Kind::LineNothing:
        for (std::size_t i = 0; i < edits.size(); ++i)
          if (edits[i].line == x.line) {
            outcome.failures.push_back(fmt::format("expected nothing on line {}, got: {}", *x.line,
                                                   describeEdit(edits[i])));
            matched[i] = true;
          }
        break;
      case Kind::NoRule:
        for (std::size_t i = 0; i < edits.size(); ++i)
          if (edits[i].rule == *x.rule) {
            outcome.failures.push_back(
                fmt::format("expected no edit by {}, got: {}", *x.rule, describeEdit(edits[i])));
            matched[i] = true;
          }
        break;
      case Kind::Edit: {
        std::size_t i = 0;
        while (i < edits.size() && (matched[i] || !meets(edits[i], x))) ++i;
        if (i < edits.size()) {
          matched[i] = true;
          break;
        }
        // The edits of that line are shown here, so not again as unexpected.
        std::string got;
        for (std::size_t k = 0; k < edits.size(); ++k)
          if (edits[k].line == x.line && !matched[k]) {
            got.append(got.empty() ? "" : "; ").append(describeEdit(edits[k]));
            matched[k] = true;
          }
        outcome.failures.push_back(fmt::format("expected: {}\n    actual:   {}", x.text,
                                               got.empty() ? "no edit there" : got));
      }
    }
  }
  for (std::size_t i = 0; i < edits.size(); ++i)
    if (!matched[i]) outcome.failures.push_back("not expected: " + describeEdit(edits[i]));
  outcome.passed = outcome.failures.empty();
  return outcome;
}

}  // namespace edict::run
