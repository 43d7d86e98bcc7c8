// Lowering on its own: a checked ruleset in, the rule IR out. Each case
// parses and checks a few lines (the phases before lowering), calls
// lower::lowerToIr, and looks at the rules it made: their scope, the codes
// they are indexed by, their ids, reasons and actions, and their predicate
// read back as text (ir::exprText). What the IR then does on claims is the
// back ends' tests' business.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/ir/expr_text.h"
#include "frontend/check/checker.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/lower/lower_to_ir.h"
#include "frontend/parse/parser.h"

using namespace edict;

namespace {

/// `text` parsed, checked and lowered; fails the test on any diagnostic.
ir::Program lowered(const std::string& text, const std::string& path = "t.edict") {
  source::SourceFile file(path, text);
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast.has_value());
  auto checked = check::checkRuleset(*ast, sink);
  INFO((sink.all().empty() ? std::string() : sink.all().front().message));
  REQUIRE(checked.has_value());
  REQUIRE(sink.errorCount() == 0);
  return lower::lowerToIr(*checked);
}

/// The codes as text, in order.
std::vector<std::string> codesOf(const std::vector<model::Code>& codes) {
  std::vector<std::string> out;
  for (const model::Code& c : codes) out.push_back(c.text());
  return out;
}

using Codes = std::vector<std::string>;

const ir::Rule& ruleNamed(const ir::Program& p, const std::string& id) {
  auto it =
      std::find_if(p.rules.begin(), p.rules.end(), [&](const ir::Rule& r) { return r.id == id; });
  REQUIRE(it != p.rules.end());
  return *it;
}

constexpr const char* kHeader = "ruleset t version \"1\"\n";

}  // namespace

TEST_CASE("a pair becomes a rule over the column-2 line and a same-day column-1 line", "[lower]") {
  auto p = lowered(std::string(kHeader) +
                   "pair 97140 97530 modifier allowed \"Mutually exclusive procedures\" "
                   "since 2020-01-01\n");
  REQUIRE(p.rules.size() == 1);
  const ir::Rule& r = p.rules[0];
  CHECK(r.id == "ptp_97140_97530");
  CHECK(r.scope == ir::RuleScope::LineWithOther);
  CHECK(r.action == model::Action::Deny);
  CHECK(r.reason == "CO-236");
  // Indexed by the denied line's code; the other line is filtered by code.
  CHECK(codesOf(r.lineCodes) == Codes{"97530"});
  CHECK(codesOf(r.otherCodes) == Codes{"97140"});
  CHECK_FALSE(r.anyCode);
  CHECK_FALSE(r.pairTable.has_value());
  // Indicator 1: the NCCI-associated modifiers bypass it, anatomic ones only
  // when the two lines name different sites.
  CHECK(ir::exprText(p, r.predicate) ==
        "(line.code == 97530 and other.code == 97140 and line.date >= 2020-01-01 and not "
        "(line.modifiers.any(24 25 27 57 58 59 78 79 91 XE XP XS XU) or "
        "other.modifiers.any(24 25 27 57 58 59 78 79 91 XE XP XS XU) or line and other name "
        "different sites (E1 E2 E3 E4 F1 F2 F3 F4 F5 F6 F7 F8 F9 FA LC LD LM LT RC RI RT T1 T2 "
        "T3 T4 T5 T6 T7 T8 T9 TA)))");
  CHECK(r.detail ==
        "NCCI pair: column 1 97140, column 2 97530, modifier indicator 1, from 2020-01-01 "
        "with no end");
}

TEST_CASE("a pair's indicator and dates decide its predicate; indicator 9 makes no rule",
          "[lower]") {
  auto p = lowered(std::string(kHeader) +
                   "modifiers distinct_region = 59 XS\n"
                   "pair 97110 97112 indicator 0 since 2020-01-01 until 2024-12-31\n"
                   "pair 98941 97140 modifier allowed since 2020-01-01 bypass distinct_region\n"
                   "pair 97150 97161 indicator 9 since 2020-01-01\n");
  REQUIRE(p.rules.size() == 2);
  // Indicator 0: no bypass at all; `until` is the last date it applies.
  CHECK(ir::exprText(p, p.rules[0].predicate) ==
        "(line.code == 97112 and other.code == 97110 and line.date >= 2020-01-01 and "
        "line.date <= 2024-12-31)");
  // A pair's own bypass set replaces the NCCI modifiers.
  CHECK(ir::exprText(p, p.rules[1].predicate) ==
        "(line.code == 97140 and other.code == 98941 and line.date >= 2020-01-01 and not "
        "(line.modifiers.any(59 XS) or other.modifiers.any(59 XS)))");
  for (const ir::Rule& r : p.rules) CHECK(r.id != "ptp_97150_97161");
}

TEST_CASE("a pair table becomes one rule that looks rows up, not a rule per row", "[lower]") {
  std::string text =
      "ruleset table_test version \"1\"\n"
      "pairs from \"ptp_therapy.csv\" bypass 59 XS LT RT\n";
  auto p = lowered(text, std::string(EDICT_TEST_DATA) + "/tables/with_table.edict");
  REQUIRE(p.pairTables.size() == 1);
  CHECK(p.pairTables[0].rows.size() > 1);
  REQUIRE(p.rules.size() == 1);
  const ir::Rule& r = p.rules[0];
  CHECK(r.scope == ir::RuleScope::LineWithOther);
  REQUIRE(r.pairTable.has_value());
  CHECK(*r.pairTable == 0);
  CHECK(p.exprs[r.predicate].kind == ir::Expr::Kind::PairTableHolds);
  // The table's column-2 codes index the rule; any other line may match a row.
  CHECK_FALSE(r.lineCodes.empty());
  for (const ir::PairTable::Row& row : p.pairTables[0].rows)
    CHECK(std::find(r.lineCodes.begin(), r.lineCodes.end(), model::Code{row.column2}) !=
          r.lineCodes.end());
}

TEST_CASE("a rule's condition is lowered as written and indexed by the codes it admits",
          "[lower]") {
  auto p = lowered(std::string(kHeader) +
                   "codes therapy = 97010..97799 except 97150\n"
                   "rule home_therapy: when line.code in therapy and "
                   "line.place_of_service == \"12\"\n"
                   "  deny line reason CO-5\n"
                   "rule cap: when line.code == 97110 and line.units > 4 "
                   "modify line units 4 reason CO-151\n");
  REQUIRE(p.rules.size() == 2);
  const ir::Rule& home = p.rules[0];
  CHECK(home.id == "home_therapy");
  CHECK(home.scope == ir::RuleScope::Line);
  CHECK(home.reason == "CO-5");
  // `except` splits the range; the place of service is a string constant.
  CHECK(ir::exprText(p, home.predicate) ==
        "(line.code in (97010..9714Z, 97151..97799) and line.place_of_service == \"12\")");
  CHECK(std::find(p.strings.begin(), p.strings.end(), "12") != p.strings.end());
  CHECK(std::find(home.lineCodes.begin(), home.lineCodes.end(), *model::Code::parse("97150")) ==
        home.lineCodes.end());

  const ir::Rule& cap = p.rules[1];
  CHECK(cap.action == model::Action::Modify);
  CHECK(codesOf(cap.lineCodes) == Codes{"97110"});
  REQUIRE(cap.units.has_value());
  CHECK(ir::exprText(p, *cap.units) == "4");
}

TEST_CASE("units and limits become modify rules whose units the engines compute", "[lower]") {
  auto p = lowered(std::string(kHeader) +
                   "codes timed = 97110 97112 97116 97140 97530\n"
                   "units timed by total_time\n"
                   "limit 97035 max 2 per day clinical\n"
                   "limit 97750 max 8 per line\n");
  REQUIRE(p.rules.size() == 3);
  const ir::Rule& timed = p.rules[0];
  CHECK(timed.id == "units_timed");
  CHECK(timed.action == model::Action::Modify);
  CHECK(codesOf(timed.lineCodes) == Codes{"97110", "97112", "97116", "97140", "97530"});
  REQUIRE(timed.units.has_value());
  CHECK(p.exprs[*timed.units].kind == ir::Expr::Kind::TimedUnits);
  CHECK(ir::UnitMethod(p.exprs[*timed.units].value) == ir::UnitMethod::TotalTime);
  CHECK(ir::exprText(p, *timed.units) ==
        "units of (97110, 97112, 97116, 97140, 97530) by total_time");

  // Each `limit` is a one-row MUE table with its indicator.
  const ir::Rule& perDay = ruleNamed(p, "mue_97035");
  const ir::Rule& perLine = ruleNamed(p, "mue_97750");
  REQUIRE(perDay.mueTable.has_value());
  REQUIRE(perLine.mueTable.has_value());
  const ir::MueTable& dayTable = p.mueTables[*perDay.mueTable];
  const ir::MueTable& lineTable = p.mueTables[*perLine.mueTable];
  REQUIRE(dayTable.rows.size() == 1);
  REQUIRE(lineTable.rows.size() == 1);
  CHECK(dayTable.rows[0].value == 2);
  CHECK(dayTable.rows[0].indicator == 3);
  CHECK(lineTable.rows[0].value == 8);
  CHECK(lineTable.rows[0].indicator == 1);
  CHECK(perDay.reason == "CO-96");
  CHECK(ir::exprText(p, perDay.predicate) == "true");
  CHECK(perDay.detail == "MUE: at most 2 units of 97035 per day (indicator 3)");
}
