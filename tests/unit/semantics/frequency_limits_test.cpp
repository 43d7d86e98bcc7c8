// Frequency limits and the history functions of conditions, on both
// engines: `limit CODES max N [units] per N days | per calendar year` and
// `history.has|count|units(CODES, within ...)`, judged against a
// model::ClaimHistory built here, and against the claim's own lines.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "support/engines.h"
#include "support/prior_lines.h"
#include "support/scratch.h"

using namespace edict;

namespace {

using testing::historyOf;

/// A line of claim B: code, date, units.
struct L {
  const char* code;
  const char* date;
  int units = 1;
};

std::vector<model::Claim> claimB(const std::vector<L>& lines) {
  std::string json;
  for (const L& l : lines)
    json += fmt::format(R"({}{{"code":"{}","units":{},"date":"{}"}})", json.empty() ? "" : ",",
                        l.code, l.units, l.date);
  return testing::claimsFromJsonl(
      fmt::format(R"({{"id":"B","provider":{{"npi":"1"}},"lines":[{}]}})", json) + "\n");
}

/// `line:rule:action:billed->allowed:related` per edit, related as `1 A:1`.
std::vector<std::string> edits(const ir::Program& program, const std::vector<L>& lines,
                               const std::optional<model::ClaimHistory>& history) {
  const auto claims = claimB(lines);
  const auto result = history ? testing::evaluateWithHistory(program, claims, *history)
                              : testing::evaluateBoth(program, claims);
  std::vector<std::string> out;
  for (const model::Edit& e : result) {
    std::string units;
    if (e.billedUnits) units = fmt::format("{}->{}", *e.billedUnits, *e.allowedUnits);
    out.push_back(fmt::format("{}:{}:{}:{}:{}", *e.line, e.rule, model::actionName(e.action), units,
                              testing::relatedText(e)));
  }
  return out;
}

using Edits = std::vector<std::string>;

ir::Program rules(const std::string& statements) {
  return testing::compileOrFail("ruleset t version \"1\"\n" + statements);
}

}  // namespace

TEST_CASE("one evaluation in 30 days: day 29 is denied, days 30 and 31 are paid", "[history]") {
  const auto program = rules("limit 97161..97163 max 1 per 30 days\n");
  const auto history = historyOf({{"A", 1, "97163", "2026-10-01"}});
  const auto claims = claimB({{"97161", "2026-10-30"}});
  const auto result = testing::evaluateWithHistory(program, claims, history);
  REQUIRE(result.size() == 1);
  CHECK(result[0].rule == "freq_97161_30_days");
  CHECK(result[0].reason == "CO-119");
  CHECK(result[0].action == model::Action::Deny);
  CHECK(result[0].message ==
        "97161: 1 unit billed, 0 allowed: at most 1 service in any 30 days, and 1 was paid from "
        "2026-10-01 through 2026-10-30");
  CHECK(edits(program, {{"97161", "2026-10-31"}}, history).empty());
  CHECK(edits(program, {{"97161", "2026-11-01"}}, history).empty());
  // A claim for an earlier date that arrives later: the later-judged line is edited.
  CHECK(edits(program, {{"97162", "2026-09-02"}}, history) ==
        Edits{"1:freq_97161_30_days:deny:1->0:A:1"});
  CHECK(edits(program, {{"97162", "2026-09-01"}}, history).empty());
  // A services limit pays a line whole: two units of one evaluation are one service.
  CHECK(edits(program, {{"97161", "2026-11-02", 2}}, history).empty());
  // Denied prior lines were not paid.
  CHECK(edits(program, {{"97161", "2026-10-30"}},
              historyOf({{"A", 1, "97163", "2026-10-01", "1", 0}}))
            .empty());
}

TEST_CASE("the claim's own lines count in order, each with what the limit allowed it",
          "[history]") {
  const auto program = rules("limit 97161..97163 max 1 per 30 days\n");
  const std::vector<L> three{
      {"97161", "2026-10-01"}, {"97163", "2026-10-11"}, {"97163", "2026-11-05"}};
  // Line 2 is 10 days after line 1; line 3 is 35 days after line 1 and
  // counts only what was paid: line 2 was not.
  CHECK(edits(program, three, std::nullopt) == Edits{"2:freq_97161_30_days:deny:1->0:1"});
  CHECK(edits(program, three, model::ClaimHistory{}) == Edits{"2:freq_97161_30_days:deny:1->0:1"});
  // With an evaluation paid on 2026-09-05, line 1 goes too; line 2, 36
  // days after it, is paid, and then line 3 is within 30 days of line 2.
  CHECK(edits(program, three, historyOf({{"A", 1, "97161", "2026-09-05"}})) ==
        Edits{"1:freq_97161_30_days:deny:1->0:A:1", "3:freq_97161_30_days:deny:1->0:2"});
}

TEST_CASE("twelve units in any 7 days: the line keeps what the fullest week leaves", "[history]") {
  const auto program = rules("limit 97110 max 12 units per 7 days\n");
  const auto history = historyOf({{"A", 1, "97110", "2026-11-01", "1", 10}});
  CHECK(edits(program, {{"97110", "2026-11-05", 4}}, history) ==
        Edits{"1:freq_97110_7_days:modify:4->2:A:1"});
  CHECK(edits(program, {{"97110", "2026-11-07", 4}}, history) ==
        Edits{"1:freq_97110_7_days:modify:4->2:A:1"});
  CHECK(edits(program, {{"97110", "2026-11-08", 4}}, history).empty());
  // The claim's own lines: 6 + 6 fill the week, the third line gets none.
  CHECK(edits(program,
              {{"97110", "2026-11-02", 6}, {"97110", "2026-11-03", 6}, {"97110", "2026-11-04", 2}},
              std::nullopt) == Edits{"3:freq_97110_7_days:deny:2->0:1 2"});
  // The fullest window decides: 8 units on 11-01 and 3 on 11-09 are never
  // in one week, but each is in a week with 11-05.
  const auto twoSides =
      historyOf({{"A", 1, "97110", "2026-11-01", "1", 8}, {"C", 1, "97110", "2026-11-09", "1", 3}});
  CHECK(edits(program, {{"97110", "2026-11-05", 6}}, twoSides) ==
        Edits{"1:freq_97110_7_days:modify:6->4:A:1"});
}

TEST_CASE("a calendar year counts the year of the line's date", "[history]") {
  const auto program = rules(R"(codes evaluations = 97161..97163
limit evaluations max 2 per calendar year
)");
  const auto history =
      historyOf({{"A", 1, "97161", "2026-02-10"}, {"C", 1, "97162", "2026-06-10"}});
  CHECK(edits(program, {{"97163", "2026-11-02"}}, history) ==
        Edits{"1:freq_evaluations_calendar_year:deny:1->0:A:1 C:1"});
  CHECK(edits(program, {{"97163", "2027-01-04"}}, history).empty());
  CHECK(edits(program, {{"97163", "2025-12-31"}}, history).empty());
  const auto result =
      testing::evaluateWithHistory(program, claimB({{"97163", "2026-11-02"}}), history);
  REQUIRE(result.size() == 1);
  CHECK_THAT(result[0].message,
             Catch::EndsWith("at most 2 services a calendar year, and 2 were paid in 2026"));
}

TEST_CASE("history.has, history.count and history.units read the paid lines", "[history]") {
  const auto program = rules(R"(rule repeat_evaluation: when line.code in 97161..97163
  and history.count(97161..97163, within 60 days) >= 1
  review line reason CO-119
rule heavy_week: when line.code == 97110 and history.units(97110, within 7 days) + line.units > 12
  flag line
rule evaluated_this_year: when line.code == 97164 and not history.has(97161..97163, within calendar year)
  deny line reason CO-50
)");
  const auto history = historyOf({{"A", 1, "97161", "2026-09-20"},
                                  {"A", 2, "97110", "2026-10-28", "1", 9},
                                  {"C", 1, "97110", "2026-11-09", "1", 2}});
  CHECK(edits(program, {{"97163", "2026-11-02"}}, history) ==
        Edits{"1:repeat_evaluation:review::A:1"});
  CHECK(edits(program, {{"97163", "2026-11-20"}}, history).empty());  // 61 days
  CHECK(edits(program, {{"97110", "2026-11-02", 4}}, history) ==
        Edits{"1:heavy_week:flag::A:2 C:1"});
  CHECK(edits(program, {{"97110", "2026-11-02", 1}}, history).empty());
  CHECK(edits(program, {{"97164", "2026-11-02"}}, history).empty());
  CHECK(edits(program, {{"97164", "2027-01-05"}}, history) ==
        Edits{"1:evaluated_this_year:deny::"});
  // No history: nothing was paid before.
  CHECK(edits(program, {{"97164", "2026-11-02"}}, std::nullopt) ==
        Edits{"1:evaluated_this_year:deny::"});
}

TEST_CASE("frequency limits are rules: override and disable reach them by id", "[history]") {
  testing::ScratchDir dir("edict-frequency-layering");
  dir.write("base.edict", R"(ruleset base version "1"
limit 97161..97163 max 1 per 30 days
limit 97110 max 12 units per 7 days
)");
  dir.write("payer.edict", R"(ruleset payer version "1"
extends "base.edict"
override limit 97161..97163 max 2 per 30 days reason CO-151
disable freq_97110_7_days
)");
  diag::DiagnosticSink sink;
  auto compiled = driver::compileFile((dir.path() / "payer.edict").string(), sink);
  REQUIRE(compiled.program);
  const auto history =
      historyOf({{"A", 1, "97163", "2026-10-01"}, {"A", 2, "97110", "2026-11-01", "1", 12}});
  CHECK(edits(*compiled.program, {{"97161", "2026-10-20"}, {"97110", "2026-11-02"}}, history)
            .empty());
  CHECK(edits(*compiled.program, {{"97161", "2026-10-20"}, {"97161", "2026-10-21"}}, history) ==
        Edits{"2:freq_97161_30_days:deny:1->0:1 A:1"});
}

TEST_CASE("windows and history functions are checked", "[history]") {
  const auto errors = [](const std::string& text) {
    return testing::diagnosticsOf("ruleset t version \"1\"\n" + text);
  };
  CHECK_THAT(errors("limit 97161 max 1 per 0 days\n"), Catch::Contains("error[E0112]"));
  CHECK_THAT(errors("limit 97161 max 1 per -3 days\n"), Catch::Contains("-3 days holds no date"));
  CHECK_THAT(errors("limit 97161 max 1 per 4000 days\n"), Catch::Contains("longer than ten years"));
  CHECK_THAT(errors("limit 97161 max 1 per calendar yaer\n"),
             Catch::Contains("did you mean `calendar year`?"));
  CHECK_THAT(errors("limit 97163..97161 max 1 per 30 days\n"), Catch::Contains("error[E0203]"));
  CHECK_THAT(errors("rule r: when history.count(97161) > 0 flag line\n"),
             Catch::Contains("needs a window of dates"));
  CHECK_THAT(errors("rule r: when history.count(97161, within 30 days) > 0 flag claim\n"),
             Catch::Contains("error[E0213]"));
  CHECK_THAT(errors("rule r: when same_day.count(97161, within 30 days) > 0 flag line\n"),
             Catch::Contains("takes no window"));
  CHECK_THAT(errors("limit 97161 max 1 per 30 days\nlimit 97161 max 2 per 30 days\n"),
             Catch::Contains("error[E0208]"));
  CHECK(errors("limit 97161 max 1 per 30 days\nlimit 97161 max 3 per calendar year\n").empty());
}
