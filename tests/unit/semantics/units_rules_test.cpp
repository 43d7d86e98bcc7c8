// `units` statements end to end, on both back ends: timed codes under CMS
// total time, per code and nearest 15 minutes; untimed codes at one unit a
// day; minutes on an untimed code reject the claim. The arithmetic itself
// is tested in tests/unit/core/units; here it is the language, the engines and
// the edits.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "core/units/unit_table.h"
#include "support/engines.h"

using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;
using edict::testing::evaluateBoth;

namespace {

const char* const kTimed =
    "codes timed = 97110 97112 97116 97140 97530 97535 97750 97760..97763 97035\n"
    "codes evaluations = 97161..97168\n";

/// The ruleset: the timed codes by `method`, evaluations one unit a day.
edict::ir::Program rulesetFor(const std::string& method) {
  return compileOrFail(
      fmt::format("ruleset t version \"1\"\n{}units timed by {}\n"
                  "units evaluations one per day\n",
                  kTimed, method));
}

/// A line: code, billed units and minutes (-1: none).
struct L {
  const char* code;
  int units;
  int minutes = -1;
  const char* date = "2026-11-02";
};

std::string claimOf(const std::vector<L>& lines) {
  std::string out = R"({"id":"C","provider":{"npi":"1"},"lines":[)";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const L& l = lines[i];
    out += fmt::format(R"({}{{"code":"{}","units":{},"date":"{}"{}}})", i == 0 ? "" : ",", l.code,
                       l.units, l.date,
                       l.minutes >= 0 ? fmt::format(R"(,"minutes":{})", l.minutes) : "");
  }
  return out + "]}\n";
}

/// "line:action:allowed" for each edit of `lines` under `program`.
std::vector<std::string> edits(const edict::ir::Program& program, const std::vector<L>& lines) {
  std::vector<std::string> out;
  for (const auto& e : evaluateBoth(program, claimsFromJsonl(claimOf(lines))))
    out.push_back(fmt::format("{}:{}:{}", e.line ? std::to_string(*e.line) : "claim",
                              edict::model::actionName(e.action),
                              e.allowedUnits ? std::to_string(*e.allowedUnits) : "-"));
  return out;
}

using Edits = std::vector<std::string>;

}  // namespace

TEST_CASE("minutes to units at every boundary, on every method", "[units][language]") {
  // 7/8, 22/23, 37/38, ... up to 10 units: one code alone gives the same
  // units under every method. Billed 99 units, so the allowed units show.
  for (const char* method : {"total_time", "per_code", "nearest_15"}) {
    const auto program = rulesetFor(method);
    for (int units = 0; units <= 10; ++units) {
      for (int minutes : {15 * units + 7, 15 * units + 8}) {
        const auto expected = edict::units::unitsForMinutes(minutes);
        INFO(method << ": " << minutes << " minutes");
        CHECK(expected == (minutes % 15 >= 8 ? units + 1 : units));
        CHECK(edits(program, {{"97110", 99, minutes}}) ==
              Edits{fmt::format("1:{}:{}", expected == 0 ? "deny" : "modify", expected)});
        // Billing exactly the table's units is never edited.
        if (expected > 0)
          CHECK(edits(program, {{"97110", static_cast<int>(expected), minutes}}).empty());
      }
    }
  }
}

TEST_CASE("the seed example: 97112 24 and 97110 23 minutes are 2 + 1 units", "[units][language]") {
  const auto program = rulesetFor("total_time");
  CHECK(edits(program, {{"97112", 2, 24}, {"97110", 1, 23}}).empty());
  // 1 + 2 is not a correct assignment: 97110 is cut to 1; 97112 billed
  // fewer than it could and keeps them.
  CHECK(edits(program, {{"97112", 1, 24}, {"97110", 2, 23}}) == Edits{"2:modify:1"});
  CHECK(edits(program, {{"97112", 3, 24}, {"97110", 3, 23}}) == Edits{"1:modify:2", "2:modify:1"});
  // The message shows the arithmetic.
  const auto e =
      evaluateBoth(program, claimsFromJsonl(claimOf({{"97112", 1, 24}, {"97110", 2, 23}})));
  REQUIRE(e.size() == 1);
  CHECK(e[0].rule == "units_timed");
  CHECK(e[0].reason == "CO-151");
  CHECK(e[0].message ==
        "97110: 2 units billed, 1 allowed: 47 timed minutes on 2026-11-02 = 3 units by CMS total "
        "time: 97110 23 min -> 1, 97112 24 min -> 2");
  CHECK(e[0].relatedLines == std::vector<std::uint32_t>{1});
  CHECK(*e[0].billedUnits == 2);
}

TEST_CASE("equal leftovers: every correct assignment passes", "[units][language]") {
  const auto program = rulesetFor("total_time");
  // 97112 20 + 97110 20 = 40 minutes = 3 units; either code may have 2.
  CHECK(edits(program, {{"97112", 2, 20}, {"97110", 1, 20}}).empty());
  CHECK(edits(program, {{"97112", 1, 20}, {"97110", 2, 20}}).empty());
  // 2 + 2 is one unit too many: the tie goes to the lower code, 97110.
  CHECK(edits(program, {{"97112", 2, 20}, {"97110", 2, 20}}) == Edits{"1:modify:1"});
  // Three codes of 7 minutes: 21 minutes = 1 unit, for any one of them.
  for (int first = 0; first < 3; ++first) {
    std::vector<L> lines{{"97110", 0, 7}, {"97112", 0, 7}, {"97140", 0, 7}};
    lines[static_cast<std::size_t>(first)].units = 1;
    CHECK(edits(program, lines).empty());
  }
  CHECK(edits(program, {{"97110", 1, 7}, {"97112", 1, 7}, {"97140", 1, 7}}) ==
        Edits{"2:deny:0", "3:deny:0"});
}

TEST_CASE("a code billed on two lines is one service in the rules", "[units][language]") {
  const auto program = rulesetFor("total_time");
  // 97110 10 + 10 minutes = 20 = 1 unit, not 1 + 1: the last line gives way.
  CHECK(edits(program, {{"97110", 1, 10}, {"97110", 1, 10}}) == Edits{"2:deny:0"});
  CHECK(edits(program, {{"97110", 1, 10}, {"97110", 1, 13}}).empty());
  // Per code pools the lines of one code too.
  CHECK(edits(rulesetFor("per_code"), {{"97110", 1, 10}, {"97110", 1, 10}}) == Edits{"2:deny:0"});
}

TEST_CASE("timed and untimed codes on one claim", "[units][language]") {
  const auto program = rulesetFor("total_time");
  // The evaluation is not timed: its line takes no part in the pool.
  CHECK(edits(program, {{"97163", 1}, {"97110", 2, 23}, {"97112", 1, 15}}).empty());
  CHECK(edits(program, {{"97163", 2}, {"97110", 2, 23}, {"97112", 1, 15}}) == Edits{"1:modify:1"});
  // Codes that are neither timed nor untimed are never edited.
  CHECK(edits(program, {{"98941", 3}, {"97110", 2, 23}}).empty());
}

TEST_CASE("lines without minutes are not checked", "[units][language]") {
  const auto program = rulesetFor("total_time");
  CHECK(edits(program, {{"97110", 4}}).empty());
  // 97110 has no minutes: it is left out of the pool and keeps its units.
  CHECK(edits(program, {{"97110", 4}, {"97112", 1, 20}}).empty());
  CHECK(edits(program, {{"97110", 4}, {"97112", 2, 20}}) == Edits{"2:modify:1"});
}

TEST_CASE("the days of a claim are checked apart", "[units][language]") {
  const auto program = rulesetFor("total_time");
  // 20 minutes a day: 1 unit each day, not 40 minutes = 3 units.
  CHECK(edits(program, {{"97110", 2, 20, "2026-11-02"}, {"97110", 2, 20, "2026-11-03"}}) ==
        Edits{"1:modify:1", "2:modify:1"});
}

TEST_CASE("the three methods on the same claims", "[units][language]") {
  const auto total = rulesetFor("total_time");
  const auto perCode = rulesetFor("per_code");
  const auto nearest = rulesetFor("nearest_15");
  // 97110 33 + 97140 7 = 40 minutes: total time 2 + 1; per code 2 + 0.
  const std::vector<L> a{{"97110", 2, 33}, {"97140", 1, 7}};
  CHECK(edits(total, a).empty());
  CHECK(edits(perCode, a) == Edits{"2:deny:0"});
  CHECK(edits(nearest, a) == Edits{"2:deny:0"});
  // 97110 5 + 97140 4 = 9 minutes: 1 unit pooled (the larger leftover), none per code.
  const std::vector<L> b{{"97110", 1, 5}, {"97140", 1, 4}};
  CHECK(edits(total, b) == Edits{"2:deny:0"});
  CHECK(edits(perCode, b) == Edits{"1:deny:0", "2:deny:0"});
  CHECK(edits(nearest, b) == Edits{"1:deny:0", "2:deny:0"});
  // The seed example is 2 + 2 per code (24 and 23 minutes each reach 2).
  const std::vector<L> seed{{"97112", 2, 24}, {"97110", 2, 23}};
  CHECK(edits(total, seed) == Edits{"2:modify:1"});
  CHECK(edits(perCode, seed).empty());
  CHECK(edits(nearest, seed).empty());
  // The methods agree wherever each code alone has 8 minutes or more left
  // over or none: 97110 30, 97112 38.
  const std::vector<L> c{{"97110", 3, 30}, {"97112", 3, 38}};
  CHECK(edits(total, c) == Edits{"1:modify:2"});
  CHECK(edits(perCode, c) == Edits{"1:modify:2"});
  CHECK(edits(nearest, c) == Edits{"1:modify:2"});
}

TEST_CASE("untimed codes are one unit a day, earlier lines first", "[units][language]") {
  const auto program = rulesetFor("total_time");
  CHECK(edits(program, {{"97163", 1}}).empty());
  CHECK(edits(program, {{"97163", 3}}) == Edits{"1:modify:1"});
  CHECK(edits(program, {{"97163", 1}, {"97163", 1}}) == Edits{"2:deny:0"});
  // Each code has its own unit, each day too.
  CHECK(edits(program, {{"97163", 1}, {"97164", 1}}).empty());
  CHECK(edits(program, {{"97163", 1, -1, "2026-11-02"}, {"97163", 1, -1, "2026-11-03"}}).empty());
  const auto e = evaluateBoth(program, claimsFromJsonl(claimOf({{"97163", 1}, {"97163", 1}})));
  REQUIRE(e.size() == 1);
  CHECK(e[0].rule == "units_evaluations");
  CHECK(e[0].relatedLines == std::vector<std::uint32_t>{1});
  // The wording of every units and limit edit, one unit in the singular.
  CHECK(e[0].message ==
        "97163: 1 unit billed, 0 allowed: at most 1 unit a day, 1 on earlier lines");
}

TEST_CASE("timed edits say the day's arithmetic, one unit in the singular", "[units][language]") {
  const auto e =
      evaluateBoth(rulesetFor("total_time"), claimsFromJsonl(claimOf({{"97110", 2, 20}})));
  REQUIRE(e.size() == 1);
  CHECK(e[0].message ==
        "97110: 2 units billed, 1 allowed: 20 timed minutes on 2026-11-02 = 1 unit by CMS total "
        "time: 97110 20 min -> 1");
}

TEST_CASE("minutes on an untimed code reject the claim, naming line and field",
          "[units][language]") {
  const auto program = rulesetFor("total_time");
  const auto e = evaluateBoth(
      program, claimsFromJsonl(claimOf({{"97110", 3, 20}, {"97163", 1, 30}, {"97163", 1}})));
  // One record, and no other edit: the claim is not evaluated.
  REQUIRE(e.size() == 1);
  CHECK(e[0].action == edict::model::Action::Reject);
  CHECK(e[0].reason == "invalid-input");
  CHECK_FALSE(e[0].line.has_value());
  CHECK(e[0].rule == "units_evaluations");
  CHECK(e[0].message ==
        "test.jsonl:1: lines[1].minutes: line 2 bills 97163, an untimed code (one unit a day, "
        "rule units_evaluations); minutes belong only on timed codes");
  // Minutes on a code no `units` statement names are fine.
  CHECK(edits(program, {{"98941", 1, 15}}).empty());
}

TEST_CASE("a payer changes the method with override, or drops a rule with disable",
          "[units][language][layering]") {
  const auto perCode = compileOrFail(
      "ruleset p version \"1\"\nextends \"base_units.edict\"\noverride units timed by per_code\n"
      "disable units_evaluations\n",
      std::string(EDICT_TEST_DATA) + "/units/payer.edict");
  const std::vector<L> a{{"97110", 2, 33}, {"97140", 1, 7}, {"97163", 2}};
  CHECK(edits(perCode, a) == Edits{"2:deny:0"});
  // Without the untimed rule, minutes on an evaluation are no longer an error.
  CHECK(edits(perCode, {{"97163", 2, 30}}).empty());
  const auto inherited = compileOrFail("ruleset p version \"1\"\nextends \"base_units.edict\"\n",
                                       std::string(EDICT_TEST_DATA) + "/units/payer.edict");
  CHECK(edits(inherited, a) == Edits{"3:modify:1"});
}

TEST_CASE("units statements: ids, reasons and messages", "[units][language]") {
  const auto program = compileOrFail(
      "ruleset t version \"1\"\n"
      "units 97110 97112 by per_code reason CO-150 id therapy_minutes\n"
      "  message \"{line.code} {line.units}->{allowed_units} ({timing})\"\n");
  const auto e = evaluateBoth(program, claimsFromJsonl(claimOf({{"97110", 2, 10}})));
  REQUIRE(e.size() == 1);
  CHECK(e[0].rule == "therapy_minutes");
  CHECK(e[0].reason == "CO-150");
  CHECK(e[0].message ==
        "97110 2->1 (units per code from its own minutes on 2026-11-02: 97110 10 min -> 1)");
}

TEST_CASE("timed-unit messages write the day's date as model::Date::iso does",
          "[units][language]") {
  // The summary writes the date itself rather than through Date::iso() (a
  // fmt::format per day); the two must agree on every date a claim can have.
  const char* const dates[] = {"1900-03-01", "1969-12-31", "1970-01-01", "2000-02-29",
                               "2026-11-02", "2099-12-31", "2199-12-31"};
  for (const char* method : {"total_time", "per_code", "nearest_15"}) {
    const auto program = rulesetFor(method);
    for (const char* date : dates) {
      INFO(method << " " << date);
      const auto e = evaluateBoth(
          program, claimsFromJsonl(claimOf({{"97112", 1, 24, date}, {"97110", 3, 23, date}})));
      REQUIRE(e.size() == 1);
      const auto iso = edict::model::Date::parseIso(date);
      REQUIRE(iso);
      CHECK(e[0].message.find(fmt::format(" on {}", iso->iso())) != std::string::npos);
    }
  }
}
