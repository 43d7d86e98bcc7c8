// Behaviour of general rules, modifier rules, sets and messages, run on both
// back ends (tests/support/engines.h requires them to agree).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/engines.h"

using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;
using edict::testing::evaluateBoth;

namespace {

/// Runs `rules` (after a header) on one claim and returns "line:rule:action" per edit.
std::vector<std::string> run(const std::string& rules, const std::string& claim) {
  auto program = compileOrFail("ruleset t version \"1\"\n" + rules);
  std::vector<std::string> out;
  for (const auto& e : evaluateBoth(program, claimsFromJsonl(claim)))
    out.push_back(fmt::format("{}:{}:{}", e.line ? std::to_string(*e.line) : "claim", e.rule,
                              edict::model::actionName(e.action)));
  return out;
}

using Edits = std::vector<std::string>;

std::string claimOf(const std::string& lines, const std::string& extra = "") {
  return fmt::format(R"({{"id":"C","provider":{{"npi":"1"}}{}{},"lines":[{}]}})",
                     extra.empty() ? "" : ",", extra, lines);
}

std::string line(const std::string& code, const std::string& more = "",
                 const std::string& date = "2026-11-02") {
  return fmt::format(R"({{"code":"{}","date":"{}"{}{}}})", code, date, more.empty() ? "" : ",",
                     more);
}

}  // namespace

TEST_CASE("a rule compares the line's code, units and modifiers", "[rules]") {
  const std::string rules =
      "modifiers xmods = 59 XE XS XP XU\n"
      "rule group_needs_59: when line.code == 97110 and same_day.has(97150) and "
      "not line.modifiers.any(xmods) deny line reason CO-236\n";
  CHECK(run(rules, claimOf(line("97110") + "," + line("97150"))) == Edits{"1:group_needs_59:deny"});
  CHECK(run(rules, claimOf(line("97110", R"("modifiers":["XS"])") + "," + line("97150"))).empty());
  CHECK(run(rules, claimOf(line("97110") + "," + line("97150", "", "2026-11-03"))).empty());
  CHECK(run(rules, claimOf(line("97110"))).empty());
}

TEST_CASE("same_day counts the other lines of the day, not the line itself", "[rules]") {
  const std::string rules =
      "rule twice: when line.code == 97110 and same_day.count(97110) >= 1 flag line\n"
      "rule unit_sum: when line.code == 97530 and same_day.units(97110..97112) > 3 flag line\n";
  CHECK(run(rules, claimOf(line("97110"))).empty());
  CHECK(run(rules, claimOf(line("97110") + "," + line("97110"))) ==
        Edits{"1:twice:flag", "2:twice:flag"});
  CHECK(run(rules, claimOf(line("97110", R"("units":2)") + "," + line("97112", R"("units":2)") +
                           "," + line("97530"))) == Edits{"3:unit_sum:flag"});
}

TEST_CASE("code sets take ranges, names and except", "[rules][sets]") {
  const std::string rules =
      "codes evals = 97161..97168\n"
      "codes therapy = 97010..97799 except evals 97150\n"
      "rule t: when line.code in therapy flag line\n";
  CHECK(run(rules, claimOf(line("97110") + "," + line("97150") + "," + line("97163") + "," +
                           line("97799") + "," + line("G0283"))) == Edits{"1:t:flag", "4:t:flag"});
  CHECK(run("rule n: when line.code not in (97110, 97112..97116) flag line\n",
            claimOf(line("97110") + "," + line("97113") + "," + line("97530"))) ==
        Edits{"3:n:flag"});
}

TEST_CASE("modifier rules require or forbid modifiers on codes", "[rules][modifiers]") {
  const std::string require = "require modifier GP GO GN on 97110..97799\n";
  CHECK(run(require, claimOf(line("97110", R"("modifiers":["GP"])") + "," + line("97112") + "," +
                             line("99213"))) == Edits{"2:require_modifier_GP_on_97110:deny"});
  const std::string forbid = "forbid modifier 59 on 97150 reason CO-4 id no59\n";
  CHECK(run(forbid, claimOf(line("97150", R"("modifiers":["59"])"))) == Edits{"1:no59:deny"});
  const std::string inContext =
      "require modifier 59 XE XS XP XU on 97110 when same_day.has(97150) id x_on_97110\n";
  CHECK(run(inContext, claimOf(line("97110"))).empty());
  CHECK(run(inContext, claimOf(line("97110") + "," + line("97150"))) == Edits{"1:x_on_97110:deny"});
}

TEST_CASE("claim fields: payer, place of service, diagnoses, patient", "[rules][claim]") {
  const std::string rules =
      "rule pos: when claim.place_of_service in (\"12\", \"13\") and claim.payer == \"ACME\" "
      "deny claim reason CO-5\n"
      "rule dx: when claim.diagnoses.any(\"M54.5*\") flag claim\n"
      "rule child: when patient.age < 18 deny line reason CO-6\n"
      "rule sex: when patient.sex == M and line.code == 76801 deny line reason CO-7\n";
  const std::string lines = line("97110") + "," + line("76801");
  CHECK(run(rules, claimOf(lines, R"("payer":"ACME","place_of_service":"12")")) ==
        Edits{"claim:pos:deny"});
  CHECK(run(rules, claimOf(lines, R"("payer":"OTHER","place_of_service":"12")")).empty());
  CHECK(run(rules, claimOf(lines, R"("diagnoses":["M54.50"])")) == Edits{"claim:dx:flag"});
  CHECK(run(rules, claimOf(lines, R"("diagnoses":["M54.4"])")).empty());
  CHECK(run(rules, claimOf(lines, R"("patient":{"birth_date":"2010-11-03","sex":"M"})")) ==
        Edits{"1:child:deny", "2:child:deny", "2:sex:deny"});
  // Turns 18 on 2026-11-02, the date of service.
  CHECK(run(rules, claimOf(lines, R"("patient":{"birth_date":"2008-11-02","sex":"F"})")).empty());
}

TEST_CASE("a comparison with an absent value is unknown: neither it nor its negation holds",
          "[rules][absent]") {
  const std::string rules =
      "rule short: when line.minutes < 8 flag line\n"
      "rule not_short: when not (line.minutes < 8) flag line\n"
      "rule young: when patient.age < 65 flag line\n"
      "rule not_young: when not (patient.age < 65) flag line\n"
      "rule born_late: when patient.birth_date != 1950-01-01 flag line\n";
  CHECK(run(rules, claimOf(line("97110"))).empty());
  CHECK(run(rules, claimOf(line("97110", R"("minutes":5)"))) == Edits{"1:short:flag"});
  CHECK(run(rules, claimOf(line("97110", R"("minutes":9)"))) == Edits{"1:not_short:flag"});
  CHECK(run(rules, claimOf(line("97110"), R"("patient":{"birth_date":"1950-01-01"})")) ==
        Edits{"1:not_young:flag"});
}

TEST_CASE("unknown conditions combine by three-valued logic", "[rules][absent]") {
  // Unknown or true is true; unknown and false is false, so its `not` is true.
  const std::string rules =
      "rule either: when line.minutes > 60 or line.code == 97110 flag line\n"
      "rule neither: when not (line.minutes > 60 and line.code == 97110) flag line\n"
      "rule unknown: when not (line.minutes > 60 or line.code == 97110) flag line\n";
  CHECK(run(rules, claimOf(line("97110"))) == Edits{"1:either:flag"});
  CHECK(run(rules, claimOf(line("97112"))) == Edits{"1:neither:flag"});
  CHECK(run(rules, claimOf(line("97112", R"("minutes":30)"))) ==
        (Edits{"1:neither:flag", "1:unknown:flag"}));
}

TEST_CASE("`is known` says what a claim without the value gets", "[rules][absent]") {
  const std::string rules =
      "rule no_birth_date: when patient.birth_date is not known flag claim\n"
      "rule child_or_unknown: when patient.age < 18 or patient.age is not known flag line\n"
      "rule timed: when line.minutes is known and line.minutes >= 8 flag line\n"
      "rule cap: when line.code == 97112 and line.minutes is known\n"
      "  modify line units line.minutes - 8 reason CO-151\n";
  CHECK(run(rules, claimOf(line("97112", R"("units":4)"))) ==
        (Edits{"claim:no_birth_date:flag", "1:child_or_unknown:flag"}));
  CHECK(run(rules, claimOf(line("97112", R"("units":4,"minutes":10)"),
                           R"("patient":{"birth_date":"1950-01-01"})")) ==
        (Edits{"1:timed:flag", "1:cap:modify"}));
  CHECK(edict::testing::diagnosticsOf(
            "ruleset t version \"1\"\nrule r: when line.units is known flag line\n")
            .find("error[E0231]") != std::string::npos);
}

TEST_CASE("units that read an absent value have none: the rule does not fire",
          "[rules][absent][modify]") {
  const std::string rules =
      "rule cap: when line.code == 97112 modify line units line.minutes - 8 reason CO-151\n";
  CHECK(run(rules, claimOf(line("97112", R"("units":4)"))).empty());
  CHECK(run(rules, claimOf(line("97112", R"("units":4,"minutes":9)"))) == Edits{"1:cap:modify"});
}

TEST_CASE("modify reduces units, or denies when none are allowed", "[rules][modify]") {
  const std::string rules =
      "rule cap: when line.code == 97110 modify line units 4 - same_day.units(97110) "
      "reason CO-151 message \"{line.units} units billed, {allowed_units} allowed\"\n";
  auto program = compileOrFail("ruleset t version \"1\"\n" + rules);
  auto edits = evaluateBoth(program, claimsFromJsonl(claimOf(line("97110", R"("units":6)"))));
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].action == edict::model::Action::Modify);
  CHECK(edits[0].billedUnits == 6);
  CHECK(edits[0].allowedUnits == 4);
  CHECK(edits[0].message == "6 units billed, 4 allowed");
}

TEST_CASE("a number in a message may name what it counts, singular for one", "[rules][messages]") {
  const std::string rules =
      "rule cap: when line.code == 97110 modify line units 1 reason CO-151 "
      "message \"{line.units units} billed, {allowed_units units} allowed, {line.minutes "
      "minutes}\"\n";
  auto program = compileOrFail("ruleset t version \"1\"\n" + rules);
  auto edits =
      evaluateBoth(program, claimsFromJsonl(claimOf(line("97110", R"("units":2,"minutes":1)") +
                                                    "," + line("97110", R"("units":3)"))));
  REQUIRE(edits.size() == 2);
  CHECK(edits[0].message == "2 units billed, 1 unit allowed, 1 minute");
  CHECK(edits[1].message == "3 units billed, 1 unit allowed, no minutes");
  CHECK(edict::testing::diagnosticsOf("ruleset t version \"1\"\nrule r: when line.code == 97110 "
                                      "flag line message \"{line.code codes}\"\n")
            .find("only a number can name what it counts") != std::string::npos);
}

TEST_CASE("modify leaves lines that bill no more than allowed", "[rules][modify]") {
  const std::string rules =
      "rule cap: when line.code == 97110 modify line units 4 - same_day.units(97110) "
      "reason CO-151 message \"{line.units} units billed, {allowed_units} allowed\"\n";
  CHECK(run(rules, claimOf(line("97110", R"("units":3)"))).empty());
  CHECK(run(rules, claimOf(line("97110", R"("units":2)") + "," + line("97110", R"("units":5)"))) ==
        (Edits{"1:cap:deny", "2:cap:modify"}));
}

TEST_CASE("dates compare and take days", "[rules][dates]") {
  const std::string rules =
      "rule late: when line.date >= 2026-11-01 and line.date - 30 < 2026-10-05 flag line\n";
  CHECK(run(rules, claimOf(line("97110", "", "2026-11-02"))) == Edits{"1:late:flag"});
  CHECK(run(rules, claimOf(line("97110", "", "2026-11-05"))).empty());
  CHECK(run(rules, claimOf(line("97110", "", "2026-10-31"))).empty());
}

TEST_CASE("charges compare in whole currency units", "[rules]") {
  CHECK(run("rule big: when line.charge > 100 review line reason CO-45\n",
            claimOf(line("97110", R"("charge":100.5)"))) == Edits{"1:big:review"});
  CHECK(run("rule big: when line.charge > 100 review line reason CO-45\n",
            claimOf(line("97110", R"("charge":100.0)")))
            .empty());
}

TEST_CASE("edits come claim-level first, then by line, then in ruleset order", "[rules]") {
  const std::string rules =
      "rule b: when line.code == 97110 flag line\n"
      "pair 97110 97112 indicator 0 since 2020-01-01\n"
      "rule a: when line.units > 0 flag line\n"
      "rule c: when claim.lines.count(97110) > 0 flag claim\n";
  CHECK(run(rules, claimOf(line("97112") + "," + line("97110"))) ==
        Edits{"claim:c:flag", "1:ptp_97110_97112:deny", "1:a:flag", "2:b:flag", "2:a:flag"});
}
