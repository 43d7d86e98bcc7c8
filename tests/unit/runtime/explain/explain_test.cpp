// `edict explain`: each edit with the conditions and values it read; why a
// rule did not fire.
#include <catch2/catch.hpp>

#include "runtime/explain/explainer.h"
#include "support/engines.h"

using namespace edict;

namespace {

const char* const kRules =
    "ruleset t version \"1\"\n"
    "modifiers distinct = 59 XS\n"
    "pair 98941 97140 modifier allowed \"Standards\" since 2020-01-01 bypass distinct\n"
    "rule cap: when line.code == 97110 and line.units > 4 modify line units 4 reason CO-151\n";

std::string explainOne(const std::string& claim, std::optional<std::string> whyNot = std::nullopt) {
  auto program = testing::compileOrFail(kRules);
  auto claims = testing::claimsFromJsonl(claim);
  return explain::explainClaim(program, claims.at(0), explain::ExplainRequest{whyNot});
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("explain shows the rule, the pair row and each condition with its values", "[explain]") {
  const std::string text = explainOne(
      R"({"id":"E1","lines":[{"code":"98941","date":"2026-11-02"},{"code":"97140","modifiers":["GP"],"date":"2026-11-02"}]})");
  INFO(text);
  CHECK(has(text, "line 2: deny ptp_98941_97140 reason CO-236 (test.edict:3)"));
  CHECK(has(text,
            "NCCI pair: column 1 98941, column 2 97140, modifier indicator 1, from 2020-01-01 with "
            "no end"));
  CHECK(has(text, "with line 1 (98941):"));
  CHECK(has(text, "yes  line.date >= 2020-01-01    [line.date = 2026-11-02]"));
  CHECK(has(text, "line.modifiers = GP, other.modifiers = none"));
}

TEST_CASE("explain shows the units of a modify edit", "[explain]") {
  const std::string text =
      explainOne(R"({"id":"E2","lines":[{"code":"97110","units":6,"date":"2026-11-02"}]})");
  INFO(text);
  CHECK(has(text, "units: 6 billed, 4 allowed"));
  CHECK(has(text, "yes  line.units > 4    [line.units = 6]"));
}

TEST_CASE("why-not names the condition that failed, line by line", "[explain]") {
  const std::string text = explainOne(
      R"({"id":"E3","lines":[{"code":"98941","date":"2026-11-02"},{"code":"97140","modifiers":["XS"],"date":"2026-11-02"},{"code":"97110","units":2,"date":"2026-11-02"}]})",
      "ptp_98941_97140");
  INFO(text);
  CHECK(has(text, "no edit fired"));
  CHECK(has(text, "line 1 (98941): the rule is not about this code"));
  CHECK(has(text, "line 2 (97140) with line 1 (98941):"));
  CHECK(has(text, "NO   not (line.modifiers.any(59 XS) or other.modifiers.any(59 XS))"));
  const std::string cap =
      explainOne(R"({"id":"E4","lines":[{"code":"97110","units":2,"date":"2026-11-02"}]})", "cap");
  CHECK(has(cap, "NO   line.units > 4    [line.units = 2]"));
  CHECK(has(explainOne(R"({"id":"E5","lines":[{"code":"97110","date":"2026-11-02"}]})", "nope"),
            "no rule of this ruleset has that id"));
}

TEST_CASE("explain shows the counts and sums a rule judged, and whose block is whose",
          "[explain]") {
  auto program = testing::compileOrFail(
      "ruleset t version \"1\"\n"
      "places home = \"12\"\n"
      "rule many: when claim.lines.units(all) > 6 review claim reason CO-151\n"
      "rule home: when line.place_of_service in home and line.place_of_service != \"99\"\n"
      "  flag line\n"
      "rule cap: when line.code == 97110 modify line units 4 - same_day.units(97110) reason "
      "CO-151\n");
  auto claims = testing::claimsFromJsonl(
      R"({"id":"E6","place_of_service":"11","lines":[{"code":"97110","units":3,"date":"2026-11-02"},)"
      R"({"code":"97110","units":4,"date":"2026-11-02","place_of_service":"12"}]})");
  const std::string text = explain::explainClaim(program, claims.at(0), {});
  INFO(text);
  CHECK(has(text, "many applies because:"));
  CHECK(has(text, "yes  claim.lines.units(all) > 6    [claim.lines.units(all) = 7]"));
  // A text the rules never name reads as the claim gives it, not as "(none)".
  CHECK(has(text, "[line.place_of_service = \"12\"]"));
  CHECK(has(text, "allowed units: 4 - same_day.units(97110) = 0    [same_day.units(97110) = 4]"));
  CHECK(has(text, "cap applies because:"));
}
