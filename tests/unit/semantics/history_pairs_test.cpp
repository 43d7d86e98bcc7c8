// Claim history in pair and daily-limit edits, on both engines: the paid
// lines of the patient's earlier claims (a model::ClaimHistory built here)
// count as other lines of the same patient, provider and date; the line of
// the claim being judged, the later one, is the one edited, and its record
// names the prior claim and line.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "runtime/write/jsonl_writer.h"
#include "support/engines.h"
#include "support/prior_lines.h"

using namespace edict;

namespace {

using testing::historyOf;
using P = testing::Prior;

/// Claim B of provider 1: one line per `lines` entry (`CODE` or `CODE MOD`), on `date`.
std::vector<model::Claim> claimB(const std::vector<std::string>& lines,
                                 const char* date = "2026-11-02", int units = 1) {
  std::string json;
  for (const std::string& l : lines) {
    const auto space = l.find(' ');
    const std::string code = l.substr(0, space);
    const std::string mods =
        space == std::string::npos ? "" : fmt::format(R"("{}")", l.substr(space + 1));
    json += fmt::format(R"({}{{"code":"{}","modifiers":[{}],"units":{},"date":"{}"}})",
                        json.empty() ? "" : ",", code, mods, units, date);
  }
  return testing::claimsFromJsonl(
      fmt::format(R"({{"id":"B","provider":{{"npi":"1"}},"lines":[{}]}})", json) + "\n");
}

/// `line:rule:action:related` per edit; related as `2 A:1`.
std::vector<std::string> edits(const ir::Program& program, const std::vector<model::Claim>& claims,
                               const model::ClaimHistory& history) {
  std::vector<std::string> out;
  for (const model::Edit& e : testing::evaluateWithHistory(program, claims, history))
    out.push_back(fmt::format("{}:{}:{}:{}", e.line ? std::to_string(*e.line) : "-", e.rule,
                              model::actionName(e.action), testing::relatedText(e)));
  return out;
}

using Edits = std::vector<std::string>;

const char* const kPair = R"(ruleset t version "1"
pair 97140 97530 modifier allowed "Mutually exclusive procedures" since 2020-01-01
)";

}  // namespace

TEST_CASE("97140 on claim A, 97530 on claim B: B's line is denied, related to A's", "[history]") {
  const auto program = testing::compileOrFail(kPair);
  const auto history = historyOf({{"A", 1, "97140"}});
  const auto result = testing::evaluateWithHistory(program, claimB({"97530"}), history);
  REQUIRE(result.size() == 1);
  CHECK(result[0].rule == "ptp_97140_97530");
  CHECK(result[0].reason == "CO-236");
  CHECK(result[0].action == model::Action::Deny);
  CHECK(result[0].relatedLines.empty());
  REQUIRE(result[0].relatedPrior.size() == 1);
  CHECK(result[0].relatedPrior[0].claimId == "A");
  CHECK(result[0].relatedPrior[0].line == 1);
  CHECK_THAT(write::formatJsonLine(result[0]),
             Catch::Contains(R"("related_lines":[{"claim":"A","line":1}])"));
  CHECK(result[0].message ==
        "97530 is not paid with 97140 on the same date of service: Mutually exclusive procedures");
}

TEST_CASE("a prior line of another provider or date, or denied, is no pair", "[history]") {
  const auto program = testing::compileOrFail(kPair);
  P otherProvider{"A", 1, "97140"};
  otherProvider.provider = "2";
  CHECK(edits(program, claimB({"97530"}), historyOf({otherProvider})).empty());
  CHECK(edits(program, claimB({"97530"}), historyOf({{"A", 1, "97140", "2026-11-03"}})).empty());
  P denied{"A", 1, "97140"};
  denied.allowed = 0;
  CHECK(edits(program, claimB({"97530"}), historyOf({denied})).empty());
  // Without history, the same claim gets nothing either.
  CHECK(testing::evaluateBoth(program, claimB({"97530"})).empty());
}

TEST_CASE("bypass modifiers work across claims as within one", "[history]") {
  const auto program = testing::compileOrFail(kPair);
  P with59{"A", 1, "97140"};
  with59.modifiers = {"59"};
  CHECK(edits(program, claimB({"97530"}), historyOf({with59})).empty());
  CHECK(edits(program, claimB({"97530 59"}), historyOf({{"A", 1, "97140"}})).empty());
  P left{"A", 1, "97140"};
  left.modifiers = {"LT"};
  CHECK(edits(program, claimB({"97530 RT"}), historyOf({left})).empty());
  CHECK(edits(program, claimB({"97530 LT"}), historyOf({left})) ==
        Edits{"1:ptp_97140_97530:deny:A:1"});
  // Indicator 0: nothing bypasses it.
  const auto strict = testing::compileOrFail(R"(ruleset t version "1"
pair 97140 97530 modifier not allowed since 2020-01-01
)");
  CHECK(edits(strict, claimB({"97530 59"}), historyOf({with59})) ==
        Edits{"1:ptp_97140_97530:deny:A:1"});
}

TEST_CASE("the later line is edited: column 1 after a paid column 2 is denied", "[history]") {
  const auto program = testing::compileOrFail(kPair);
  const auto result =
      testing::evaluateWithHistory(program, claimB({"97140"}), historyOf({{"A", 2, "97530"}}));
  REQUIRE(result.size() == 1);
  CHECK(result[0].line == 1u);
  CHECK(result[0].rule == "ptp_97140_97530");
  CHECK(result[0].relatedPrior.size() == 1);
  CHECK(result[0].message ==
        "97140 is not paid: 97530 was paid on the same date of service (claim A line 2), and "
        "97530 is not paid with 97140 on the same date of service: Mutually exclusive procedures");
  // Both directions and the claim's own lines at once, each edit in rule order.
  CHECK(edits(program, claimB({"97140", "97530"}),
              historyOf({{"A", 1, "97140"}, {"A", 2, "97530"}})) ==
        Edits{"1:ptp_97140_97530:deny:A:2", "2:ptp_97140_97530:deny:1 A:1"});
}

TEST_CASE("pair tables reach prior lines both ways round", "[history]") {
  // Within the table's rule, the edits where the line is column 2 come first.
  const auto program = testing::compileOrFail(R"(ruleset t version "1"
pairs from "ptp_therapy.csv" bypass 59 XS LT RT
)",
                                              std::string(EDICT_TEST_DATA) + "/tables/t.edict");
  CHECK(edits(program, claimB({"97530"}), historyOf({{"A", 1, "97140"}})) ==
        Edits{"1:ptp_97140_97530:deny:A:1"});
  CHECK(edits(program, claimB({"97140"}), historyOf({{"A", 1, "97530"}, {"C", 3, "98941"}})) ==
        Edits{"1:ptp_98941_97140:deny:C:3", "1:ptp_97140_97530:deny:A:1"});
  P with59{"A", 1, "97140"};
  with59.modifiers = {"59"};
  CHECK(edits(program, claimB({"97530"}), historyOf({with59})).empty());
}

TEST_CASE("a claim's own earlier record, or the claim it replaces, is not its history",
          "[history]") {
  const auto program = testing::compileOrFail(kPair);
  CHECK(edits(program, claimB({"97530"}), historyOf({{"B", 1, "97140"}})).empty());
  auto replacement = claimB({"97530"});
  replacement[0].frequency = model::ClaimFrequency::Replacement;
  replacement[0].replaces = std::string("A");
  CHECK(edits(program, replacement, historyOf({{"A", 1, "97140"}})).empty());
}

TEST_CASE("MUE per day (indicators 2 and 3) sums the day's units across claims", "[history]") {
  const auto program = testing::compileOrFail(R"(ruleset t version "1"
limit 97110 max 4 per day
limit 97035 max 2 per day clinical
limit 97750 max 8 per line
units 97161 one per day
)");
  P three{"A", 1, "97110"};
  three.allowed = 3;
  const auto result =
      testing::evaluateWithHistory(program, claimB({"97110"}, "2026-11-02", 2), historyOf({three}));
  REQUIRE(result.size() == 1);
  CHECK(result[0].rule == "mue_97110");
  CHECK(result[0].action == model::Action::Modify);
  CHECK(*result[0].billedUnits == 2);
  CHECK(*result[0].allowedUnits == 1);
  CHECK(result[0].relatedPrior.size() == 1);
  CHECK_THAT(result[0].message, Catch::Contains("at most 4 units a day, 3 on earlier claims"));
  // Summed over several earlier claims of the day and the claim's own lines.
  P two{"C", 4, "97035"};
  two.allowed = 1;
  CHECK(edits(program, claimB({"97035", "97035"}), historyOf({{"A", 2, "97035"}, two})) ==
        Edits{"1:mue_97035:deny:A:2 C:4", "2:mue_97035:deny:1 A:2 C:4"});
  // Another provider's, or another day's: not counted.
  P elsewhere = three;
  elsewhere.provider = "9";
  CHECK(edits(program, claimB({"97110"}, "2026-11-02", 2), historyOf({elsewhere})).empty());
  // Indicator 1 judges each line alone.
  P eight{"A", 1, "97750"};
  eight.allowed = 8;
  CHECK(edits(program, claimB({"97750"}, "2026-11-02", 8), historyOf({eight})).empty());
  // One unit a day of an untimed code: an evaluation paid that day already.
  CHECK(edits(program, claimB({"97161"}), historyOf({{"A", 1, "97161"}})) ==
        Edits{"1:units_97161:deny:A:1"});
}
