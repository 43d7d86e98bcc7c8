// A ruleset's `effective DATE until DATE`, on both engines: lines dated
// outside them are left out of the claim (no rule judges them, none sees
// them as another line of the day or of the claim) and each gets one flag
// record saying so; a claim with no line in effect gets only those.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "backends/interp/interpreter.h"
#include "runtime/eval/evaluator.h"
#include "runtime/run/ruleset_tests.h"
#include "support/engines.h"

using namespace edict;

namespace {

const char* const kRules =
    "ruleset dated version \"3\" effective 2026-01-01 until 2026-06-30\n"
    "pair 97140 97530 indicator 0 since 2020-01-01\n"
    "rule busy: when claim.lines.count(97110 97140 97530) >= 2 flag claim\n"
    "rule any_line: when line.code == 97110 flag line\n";

std::vector<std::string> edits(const std::string& jsonl) {
  std::vector<std::string> out;
  for (const model::Edit& e :
       testing::evaluateBoth(testing::compileOrFail(kRules), testing::claimsFromJsonl(jsonl)))
    out.push_back(fmt::format("{}:{}:{}", e.line ? std::to_string(*e.line) : "claim", e.rule,
                              model::actionName(e.action)));
  return out;
}

std::string claim(const std::string& dates) {
  return R"({"id":"C","lines":[)" + dates + "]}\n";
}

using Edits = std::vector<std::string>;

}  // namespace

TEST_CASE("lines inside the effective dates are edited as usual", "[effective][rules]") {
  CHECK(edits(claim(
            R"({"code":"97140","date":"2026-01-01"},{"code":"97530","date":"2026-01-01"})")) ==
        (Edits{"claim:busy:flag", "2:ptp_97140_97530:deny"}));
  CHECK(edits(claim(R"({"code":"97110","date":"2026-06-30"})")) == Edits{"1:any_line:flag"});
}

TEST_CASE("a claim dated outside the effective dates gets only flag records",
          "[effective][rules]") {
  CHECK(edits(claim(
            R"({"code":"97140","date":"2025-12-31"},{"code":"97530","date":"2025-12-31"})")) ==
        (Edits{"1:effective_dates:flag", "2:effective_dates:flag"}));
  CHECK(edits(claim(R"({"code":"97110","date":"2026-07-01"})")) == Edits{"1:effective_dates:flag"});
  const auto records = testing::evaluateBoth(
      testing::compileOrFail(kRules),
      testing::claimsFromJsonl(claim(R"({"code":"97110","date":"2025-03-02"})")));
  REQUIRE(records.size() == 1);
  CHECK(records[0].message ==
        "line 1 is dated 2025-03-02, before dated 3 takes effect (2026-01-01): the ruleset did not "
        "edit it");
  CHECK(records[0].reason.empty());
  CHECK(records[0].relatedLines.empty());
}

TEST_CASE("lines outside the dates are not other lines of the claim or the day",
          "[effective][rules]") {
  // Line 1 is out: it neither counts for the claim rule nor pairs with line 2.
  CHECK(edits(claim(R"({"code":"97140","date":"2025-12-31"},{"code":"97530","date":"2026-01-02"},)"
                    R"({"code":"97110","date":"2026-01-02"})")) ==
        (Edits{"claim:busy:flag", "1:effective_dates:flag", "3:any_line:flag"}));
  CHECK(edits(claim(
            R"({"code":"97140","date":"2026-07-01"},{"code":"97530","date":"2026-06-30"})")) ==
        (Edits{"1:effective_dates:flag"}));
}

TEST_CASE("a ruleset without dates edits every date; an extending one has its own dates",
          "[effective][layering]") {
  const auto undated = testing::compileOrFail(
      "ruleset t version \"1\"\nrule any_line: when line.code == 97110 flag line\n");
  CHECK(testing::evaluateBoth(
            undated, testing::claimsFromJsonl(claim(R"({"code":"97110","date":"1999-01-01"})")))
            .size() == 1);
  CHECK_FALSE(undated.effectiveFrom.has_value());
}

TEST_CASE("a test may expect the record of a line outside the dates", "[effective][tests]") {
  const auto program =
      testing::compileOrFail(std::string(kRules) +
                             "test \"before the ruleset\" {\n  claim date 2025-11-02 { 97110 }\n"
                             "  expect line 1 flag rule effective_dates\n}\n");
  REQUIRE(program.tests.size() == 1);
  const interp::Interpreter interpreter(program);
  const eval::Evaluator evaluator(program, interpreter);
  CHECK(run::runTest(program.tests[0], evaluator).passed);
  CHECK(
      testing::diagnosticsOf("ruleset t version \"1\"\nrule r: when line.code == 97110 flag line\n"
                             "test \"x\" {\n  claim date 2025-11-02 { 97110 }\n"
                             "  expect line 1 flag rule effective_dates\n}\n")
          .find("no rule of this ruleset has the id `effective_dates`") != std::string::npos);
}
