// Ranges in conditions (dates, numbers, amounts), named sets of places of
// service and of diagnoses, and the built-in code set `all`, on both engines.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/engines.h"

using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;
using edict::testing::diagnosticsOf;
using edict::testing::evaluateBoth;

namespace {

/// "line:rule" per edit of `claim` under `rules` (after a header).
std::vector<std::string> run(const std::string& rules, const std::string& claim) {
  const auto program = compileOrFail("ruleset t version \"1\"\n" + rules);
  std::vector<std::string> out;
  for (const auto& e : evaluateBoth(program, claimsFromJsonl(claim)))
    out.push_back(fmt::format("{}:{}", e.line ? std::to_string(*e.line) : "claim", e.rule));
  return out;
}

using Edits = std::vector<std::string>;

std::string claim(const std::string& lines, const std::string& extra = "") {
  return fmt::format(R"({{"id":"C"{}{},"lines":[{}]}})", extra.empty() ? "" : ",", extra, lines) +
         "\n";
}

}  // namespace

TEST_CASE("a date range in a condition holds from its first date through its last",
          "[ranges][dates]") {
  const std::string rules =
      "rule first_half: when line.date in 2026-01-01..2026-06-30 flag line\n"
      "rule not_first_half: when line.date not in 2026-01-01..2026-06-30 flag line\n"
      "rule quarters: when line.date in (2026-01-01..2026-03-31, 2026-12-24) flag line\n";
  const std::string lines =
      R"({"code":"97110","date":"2025-12-31"},{"code":"97110","date":"2026-01-01"},)"
      R"({"code":"97110","date":"2026-06-30"},{"code":"97110","date":"2026-07-01"},)"
      R"({"code":"97110","date":"2026-12-24"})";
  CHECK(run(rules, claim(lines)) ==
        (Edits{"1:not_first_half", "2:first_half", "2:quarters", "3:first_half", "4:not_first_half",
               "5:not_first_half", "5:quarters"}));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "rule r: when line.date in 2026-06-30..2026-01-01 flag line\n"),
             Catch::Contains("error[E0204]: the range `2026-06-30..2026-01-01` is empty"));
}

TEST_CASE("number and amount ranges; an absent value is in no range", "[ranges][absent]") {
  const std::string rules =
      "rule working_age: when patient.age in 18..64 and patient.age is known flag line\n"
      "rule small_bill: when line.units in (1, 3..4) and line.charge in 10..50 flag line\n";
  const std::string lines = R"({"code":"97110","units":3,"charge":50.0,"date":"2026-11-02"},)"
                            R"({"code":"97110","units":2,"charge":20.0,"date":"2026-11-02"})";
  CHECK(run(rules, claim(lines, R"("patient":{"birth_date":"1962-11-02"})")) ==
        (Edits{"1:working_age", "1:small_bill", "2:working_age"}));
  CHECK(run(rules, claim(lines, R"("patient":{"birth_date":"1961-11-02"})")) ==
        Edits{"1:small_bill"});
  CHECK(run(rules, claim(lines)) == Edits{"1:small_bill"});
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "rule r: when line.units in 5..2 flag line\n"),
             Catch::Contains("error[E0203]: the range `5..2` is empty"));
}

TEST_CASE("named sets of places of service", "[sets][places]") {
  const std::string rules =
      "places home = \"12\" 13\n"
      "places facility = 19 21 22 23 except home 23\n"
      "rule at_home: when line.place_of_service in home flag line\n"
      "rule not_facility: when claim.place_of_service not in facility flag claim\n";
  CHECK(run(rules, claim(R"({"code":"97110","date":"2026-11-02","place_of_service":"13"},)"
                         R"({"code":"97110","date":"2026-11-02"})",
                         R"("place_of_service":"23")")) ==
        (Edits{"claim:not_facility", "1:at_home"}));
  CHECK(run(rules, claim(R"({"code":"97110","date":"2026-11-02"})", R"("place_of_service":"22")"))
            .empty());
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\nplaces home = \"12\" 1\n"
                           "rule r: when line.place_of_service in home flag line\n"),
             Catch::Contains("error[E0111]: `1` is not a place of service"));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\nplaces home = \"12\"\n"
                           "rule r: when claim.payer in home flag claim\n"),
             Catch::Contains("`home` is a set of places of service, and `claim.payer` is not"));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\nplaces home = \"12\"\n"
                           "rule r: when line.place_of_service in hom flag line\n"),
             Catch::Contains("did you mean `home`?"));
}

TEST_CASE("named sets of diagnoses", "[sets][diagnoses]") {
  const std::string rules =
      "diagnoses low_back = \"M54.5*\" \"M54.4*\"\n"
      "diagnoses spine = low_back \"M48.06\"\n"
      "rule back: when claim.diagnoses.any(spine) flag claim\n"
      "rule low_back_or_knee: when claim.diagnoses.any(low_back, \"S83.5*\") flag claim\n";
  const std::string line = R"({"code":"97110","date":"2026-11-02"})";
  CHECK(run(rules, claim(line, R"("diagnoses":["M54.50"])")) ==
        (Edits{"claim:back", "claim:low_back_or_knee"}));
  CHECK(run(rules, claim(line, R"("diagnoses":["M48.06"])")) == Edits{"claim:back"});
  CHECK(run(rules, claim(line, R"("diagnoses":["S83.511"])")) == Edits{"claim:low_back_or_knee"});
  CHECK(run(rules, claim(line, R"("diagnoses":["Z00.00"])")).empty());
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\ndiagnoses d = \"M5450\"\n"
                           "rule r: when claim.diagnoses.any(d) flag claim\n"),
             Catch::Contains("error[E0110]: `M5450` is not a diagnosis code or pattern"));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "rule r: when claim.diagnoses.any(\"m54.50\") flag claim\n"),
             Catch::Contains("write it in capitals: `M54.50`"));
}

TEST_CASE("the built-in code set `all`: a claim-wide units total", "[sets][codes]") {
  const std::string rules =
      "rule many_units: when claim.lines.units(all) > 6 review claim reason CO-151\n"
      "rule busy_day: when same_day.count(all) >= 2 flag line\n";
  CHECK(run(rules, claim(R"({"code":"97110","units":4,"date":"2026-11-02"},)"
                         R"({"code":"G0283","units":3,"date":"2026-11-03"})")) ==
        Edits{"claim:many_units"});
  CHECK(run(rules, claim(R"({"code":"97110","units":1,"date":"2026-11-02"},)"
                         R"({"code":"0591T","units":1,"date":"2026-11-02"},)"
                         R"({"code":"99213","units":1,"date":"2026-11-02"})")) ==
        (Edits{"1:busy_day", "2:busy_day", "3:busy_day"}));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\ncodes all = 97110\n"
                           "rule r: when line.code in all flag line\n"),
             Catch::Contains("a set named `all` already exists"));
}
