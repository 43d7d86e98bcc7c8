#include "playground/test_answer.h"

#include <fmt/format.h>

#include <charconv>

#include "service/catalogue/test_run.h"

namespace edict::playground {

unsigned lineIn(const std::string& origin, const std::string& path) {
  const std::size_t colon = origin.rfind(':');
  if (colon == std::string::npos || origin.compare(0, colon, path) != 0 || colon != path.size())
    return 0;
  unsigned line = 0;
  const char* end = origin.data() + origin.size();
  const auto [rest, error] = std::from_chars(origin.data() + colon + 1, end, line);
  return error == std::errc() && rest == end ? line : 0;
}

Json testAnswer(const Workspace& workspace, std::string ruleset) {
  CheckedText checked = checkText(workspace, std::move(ruleset), true);
  Json& answer = checked.answer;
  answer["ran"] = false;
  if (!checked.compilation.program) {
    answer["problem"] = "the ruleset has errors; its tests did not run";
    return checked.finish();
  }
  const service::TestRuns runs = service::runTestsOnBothEngines(*checked.compilation.program);
  if (!runs.problem.empty()) {
    answer["problem"] = runs.problem + "; the tests did not run";
    return checked.finish();
  }
  answer["ran"] = true;
  Json tests = Json::array();
  std::size_t passed = 0;
  for (const service::TestRun& result : runs.tests) {
    Json edits = Json::array();
    for (const model::Edit& e : result.outcome.edits) edits.push_back(run::describeEdit(e));
    const unsigned line = lineIn(result.test->origin, workspace.files().ruleset.path);
    tests.push_back(Json{{"name", result.test->name},
                         {"origin", result.test->origin},
                         {"line", line == 0 ? Json() : Json(line)},
                         {"passed", result.outcome.passed},
                         {"failures", result.outcome.failures},
                         {"edits", std::move(edits)}});
    if (result.outcome.passed) ++passed;
  }
  const std::size_t failed = runs.tests.size() - passed;
  answer["tests"] = std::move(tests);
  answer["passed"] = passed;
  answer["failed"] = failed;
  answer["summary"] = fmt::format("{} passed, {} failed", passed, failed);
  return checked.finish();
}

}  // namespace edict::playground
