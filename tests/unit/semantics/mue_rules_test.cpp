// Medically unlikely edits end to end, on both back ends: `limit`
// statements for each adjudication indicator, `limits from` edict's TSV and
// the CMS file layout, the row in force on the date of service, layering,
// and the fields of MUE records.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/engines.h"

using edict::testing::asJsonl;
using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;
using edict::testing::diagnosticsOf;
using edict::testing::evaluateBoth;

namespace {

const std::string kData = std::string(EDICT_TEST_DATA) + "/units/";

/// A line: code, units, date and (optionally) its own rendering provider.
struct L {
  const char* code;
  int units;
  const char* date = "2026-11-02";
  const char* provider = "";
};

std::string claimOf(const std::vector<L>& lines) {
  std::string out = R"({"id":"C","provider":{"npi":"1"},"lines":[)";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const L& l = lines[i];
    out += fmt::format(R"({}{{"code":"{}","units":{},"date":"{}"{}}})", i == 0 ? "" : ",", l.code,
                       l.units, l.date,
                       *l.provider ? fmt::format(R"(,"provider":{{"npi":"{}"}})", l.provider) : "");
  }
  return out + "]}\n";
}

std::vector<edict::model::Edit> run(const edict::ir::Program& program,
                                    const std::vector<L>& lines) {
  return evaluateBoth(program, claimsFromJsonl(claimOf(lines)));
}

/// "line:rule:action:billed->allowed" per edit.
std::vector<std::string> edits(const edict::ir::Program& program, const std::vector<L>& lines) {
  std::vector<std::string> out;
  for (const auto& e : run(program, lines))
    out.push_back(fmt::format("{}:{}:{}:{}->{}", *e.line, e.rule,
                              edict::model::actionName(e.action), *e.billedUnits, *e.allowedUnits));
  return out;
}

using Edits = std::vector<std::string>;

edict::ir::Program limits(const std::string& statements) {
  return compileOrFail("ruleset t version \"1\"\n" + statements);
}

}  // namespace

TEST_CASE("MUE indicator 1: each line alone; a line over the value is denied whole", "[mue]") {
  const auto p = limits("limit 97110 max 4 per line\n");
  CHECK(edits(p, {{"97110", 4}}).empty());
  CHECK(edits(p, {{"97110", 5}}) == Edits{"1:mue_97110:deny:5->0"});
  // Two lines of one code on one date are not summed.
  CHECK(edits(p, {{"97110", 3}, {"97110", 3}}).empty());
  CHECK(edits(p, {{"97110", 3}, {"97110", 6}}) == Edits{"2:mue_97110:deny:6->0"});
  const auto e = run(p, {{"97110", 5}});
  CHECK(e[0].mueIndicator == 1);
  CHECK_FALSE(e[0].appealable);
  CHECK(e[0].reason == "CO-96");
  CHECK(e[0].remark == "N362");
  CHECK(e[0].message ==
        "97110: 5 units billed, 0 allowed: at most 4 units on one line, so the line is "
        "denied (MUE, indicator 1: Line Edit)");
}

TEST_CASE("MUE indicator 2: units summed over the date; earlier lines keep theirs", "[mue]") {
  const auto p = limits("limit 97035 max 2 per day policy\n");
  CHECK(edits(p, {{"97035", 2}}).empty());
  CHECK(edits(p, {{"97035", 3}}) == Edits{"1:mue_97035:modify:3->2"});
  // Two lines of one code on one date: the second gets what the first left.
  CHECK(edits(p, {{"97035", 1}, {"97035", 2}}) == Edits{"2:mue_97035:modify:2->1"});
  CHECK(edits(p, {{"97035", 2}, {"97035", 1}}) == Edits{"2:mue_97035:deny:1->0"});
  CHECK(edits(p, {{"97035", 3}, {"97035", 1}}) ==
        Edits{"1:mue_97035:modify:3->2", "2:mue_97035:deny:1->0"});
  // Other dates and other providers have their own limit.
  CHECK(edits(p, {{"97035", 2}, {"97035", 2, "2026-11-03"}}).empty());
  CHECK(edits(p, {{"97035", 2}, {"97035", 2, "2026-11-02", "2"}}).empty());
  // Other codes between them do not matter.
  CHECK(edits(p, {{"97035", 1}, {"97110", 5}, {"97035", 2}}) == Edits{"3:mue_97035:modify:2->1"});
  const auto e = run(p, {{"97035", 2}, {"97035", 1}});
  CHECK(e[0].mueIndicator == 2);
  CHECK_FALSE(e[0].appealable);
  CHECK(e[0].relatedLines == std::vector<std::uint32_t>{1});
  CHECK(e[0].message ==
        "97035: 1 unit billed, 0 allowed: at most 2 units a day, 2 on earlier "
        "lines (MUE, indicator 2: Date of Service Edit: Policy)");
  // `per day` alone is the policy kind.
  CHECK(edits(limits("limit 97035 max 2 per day\n"), {{"97035", 2}, {"97035", 1}}) ==
        Edits{"2:mue_97035:deny:1->0"});
}

TEST_CASE("MUE indicator 3: summed like 2, and the denial may be appealed", "[mue]") {
  for (const char* statement : {"limit 97035 max 2 per day clinical \"Clinical: Data\"\n",
                                "limit 97035 max 2 indicator 3 \"Clinical: Data\"\n"}) {
    const auto p = limits(statement);
    CHECK(edits(p, {{"97035", 2}, {"97035", 1}}) == Edits{"2:mue_97035:deny:1->0"});
    const auto e = run(p, {{"97035", 1}, {"97035", 2}});
    REQUIRE(e.size() == 1);
    CHECK(e[0].mueIndicator == 3);
    CHECK(e[0].appealable);
    CHECK(
        asJsonl(e) ==
        R"j({"claim":"C","line":2,"rule":"mue_97035","action":"modify","reason":"CO-96",)j"
        R"j("message":"97035: 2 units billed, 1 allowed: at most 2 units a day, 1 on earlier lines )j"
        R"j((MUE, indicator 3: Date of Service Edit: Clinical)","related_lines":[1],)j"
        R"j("billed_units":2,"allowed_units":1,"indicator":3,"rationale":"Clinical: Data",)j"
        R"j("remark":"N362","appealable":true,"ruleset":"t","version":"1"})j"
        "\n");
  }
}

TEST_CASE("limit statements: id, reason and message clauses; a limit of 0", "[mue]") {
  const auto p = limits(
      "limit 97035 max 1 per line reason CO-151 id ultrasound message \"{line.code} capped at "
      "{allowed_units}\"\nlimit 97039 max 0 per day\n");
  const auto e = run(p, {{"97035", 2}, {"97039", 1}});
  REQUIRE(e.size() == 2);
  CHECK(e[0].rule == "ultrasound");
  CHECK(e[0].reason == "CO-151");
  CHECK(e[0].message == "97035 capped at 0");
  CHECK(e[1].rule == "mue_97039");
  CHECK(e[1].action == edict::model::Action::Deny);
}

TEST_CASE("limits from a TSV table: the row in force on the date of service", "[mue][table]") {
  const auto p = compileOrFail("ruleset t version \"1\"\nlimits from \"mue_quarters.tsv\"\n",
                               kData + "t.edict");
  // 97035: 2 a day until 2026-06-30, 3 from 2026-07-01; nothing before 2026.
  CHECK(edits(p, {{"97035", 3, "2026-06-30"}}) == Edits{"1:mue_97035:modify:3->2"});
  CHECK(edits(p, {{"97035", 3, "2026-07-01"}}).empty());
  CHECK(edits(p, {{"97035", 9, "2025-12-31"}}).empty());
  CHECK(edits(p, {{"97110", 7}, {"97163", 1}, {"97163", 1}}) ==
        Edits{"1:mue_97110:deny:7->0", "3:mue_97163:deny:1->0"});
  CHECK(edits(p, {{"97530", 99}}).empty());  // no row, no limit
  const auto e = run(p, {{"97110", 7}});
  CHECK(e[0].rationale == "Nature of Service/Procedure");
}

TEST_CASE("limits from the CMS MUE file layout", "[mue][table]") {
  // The excerpt: Latin-1, a quoted notice over several lines, a header cell
  // with a line break, indicator and label in one cell. Its name carries no
  // date, so `since` gives it.
  const std::string ruleset =
      "ruleset t version \"1\"\n"
      "limits from \"../ncci/mue-practitioner-excerpt.csv\" format cms_mue since 2026-07-01\n";
  const auto p = compileOrFail(ruleset, kData + "t.edict");
  REQUIRE(p.mueTables.size() == 1);
  CHECK(p.mueTables[0].rows.size() == 7);
  // 0001U: 1 unit a day, indicator 2; 0009U: 2, indicator 3.
  CHECK(edits(p, {{"0001U", 1}, {"0001U", 1}}) == Edits{"2:mue_0001U:deny:1->0"});
  CHECK(edits(p, {{"0009U", 3}}) == Edits{"1:mue_0009U:modify:3->2"});
  CHECK(edits(p, {{"0001U", 2, "2026-06-30"}}).empty());
  const auto e = run(p, {{"0009U", 3}});
  CHECK(e[0].rationale == "Nature of Analyte");
  CHECK(e[0].appealable);
  // Without a date the file cannot be used.
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "limits from \"../ncci/mue-practitioner-excerpt.csv\"\n",
                           kData + "t.edict"),
             Catch::Contains("give the effective date with `since YYYY-MM-DD`"));
}

TEST_CASE("a payer overrides or disables single MUE rows of an inherited table",
          "[mue][layering]") {
  const auto p = compileOrFail(
      "ruleset p version \"1\"\nextends \"base_limits.edict\"\n"
      "override limit 97035 max 4 per day clinical\ndisable mue_97110\n",
      kData + "p.edict");
  CHECK(edits(p, {{"97035", 4}}).empty());
  CHECK(edits(p, {{"97035", 5}}) == Edits{"1:mue_97035:modify:5->4"});
  CHECK(edits(p, {{"97110", 9}}).empty());
  CHECK(edits(p, {{"97163", 2}}) == Edits{"1:mue_97163:modify:2->1"});
  const auto none = compileOrFail(
      "ruleset p version \"1\"\nextends \"base_limits.edict\"\ndisable mues_mue_quarters\n",
      kData + "p.edict");
  CHECK(edits(none, {{"97163", 2}}).empty());
}

TEST_CASE("a code limited twice is an error", "[mue][check]") {
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\nlimits from \"mue_quarters.tsv\"\n"
                           "limit 97035 max 4 per line\n",
                           kData + "t.edict"),
             Catch::Contains("error[E0230]: `97035` is already limited by `mues_mue_quarters`"));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\nlimit 97035 max 4 per line\n"
                           "limit 97035 max 2 per day\n"),
             Catch::Contains("error[E0230]: `97035` is already limited by `mue_97035` (line 2)"));
  // Limits of one code whose dates overlap are limited twice on a date.
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "limit 97035 max 4 per day since 2026-01-01 until 2026-06-30\n"
                           "limit 97035 max 2 per day since 2026-06-01\n"),
             Catch::Contains("error[E0230]: `97035` is already limited on 2026-06-01 by "
                             "`mue_97035` (line 2)"));
  CHECK_THAT(diagnosticsOf("ruleset t version \"1\"\n"
                           "limit 97035 max 4 per day since 2026-07-01 until 2026-06-30\n"),
             Catch::Contains("error[E0204]: the limit ends on 2026-06-30 before it starts on "
                             "2026-07-01"));
}

TEST_CASE("limit since and until: the limit in force on the date of service decides",
          "[mue][dates]") {
  const auto p = limits(
      "limit 97035 max 2 per day since 2026-01-01 until 2026-06-30\n"
      "limit 97035 max 4 per day since 2026-07-01 until 2026-12-31\n"
      "limit 97110 max 1 per line until 2025-12-31\n");
  CHECK(edits(p, {{"97035", 3, "2026-03-02"}}) == Edits{"1:mue_97035:modify:3->2"});
  CHECK(edits(p, {{"97035", 3, "2026-08-03"}}).empty());
  CHECK(edits(p, {{"97035", 5, "2026-08-03"}}) == Edits{"1:mue_97035:modify:5->4"});
  // No limit in force: before the first, after the last.
  CHECK(edits(p, {{"97035", 9, "2025-12-31"}}).empty());
  CHECK(edits(p, {{"97035", 9, "2027-01-01"}}).empty());
  CHECK(edits(p, {{"97110", 2, "2025-12-31"}}) == Edits{"1:mue_97110:deny:2->0"});
  CHECK(edits(p, {{"97110", 2, "2026-01-01"}}).empty());
  // A day limit counts the day's lines, on each date with its own limit.
  CHECK(edits(p, {{"97035", 2, "2026-06-30"}, {"97035", 2, "2026-07-01"}}).empty());
}
