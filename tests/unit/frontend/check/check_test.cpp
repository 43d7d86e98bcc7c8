// The checker: resolved values, defaults, and the errors it must find.
#include <catch2/catch.hpp>

#include "core/model/ncci_modifiers.h"
#include "frontend/check/checker.h"
#include "frontend/diag/suggest.h"
#include "frontend/parse/parser.h"

using namespace edict;

namespace {

struct Checked {
  std::optional<check::CheckedRuleset> ruleset;
  std::vector<diag::Kind> kinds;
};

Checked checkText(const std::string& text) {
  source::SourceFile file("t.edict", "ruleset t version \"1\"\n" + text);
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast.has_value());
  Checked out;
  out.ruleset = check::checkRuleset(*ast, sink);
  for (const auto& d : sink.all()) out.kinds.push_back(d.kind);
  return out;
}

model::Modifier mod(const char* text) {
  return *model::Modifier::parse(text);
}

std::vector<check::PairRow> pairsOf(const check::CheckedRuleset& r) {
  std::vector<check::PairRow> rows;
  for (const auto& item : r.items)
    if (const auto* row = std::get_if<check::PairRow>(&item)) rows.push_back(*row);
  return rows;
}

}  // namespace

TEST_CASE("a pair row is resolved with its defaults", "[check]") {
  auto c = checkText("pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n");
  REQUIRE(c.ruleset);
  const auto pairs = pairsOf(*c.ruleset);
  REQUIRE(pairs.size() == 1);
  const auto& row = pairs[0];
  CHECK(row.id == "ptp_97140_97530");
  CHECK(row.column1.text() == "97140");
  CHECK(row.indicator == ast::Indicator::Allowed);
  CHECK(row.since.iso() == "2020-01-01");
  CHECK(row.until == model::kEndOfTime);
  CHECK(row.reason == "CO-236");
  CHECK(row.bypass == model::ncciAssociatedModifiers());
  CHECK(row.origin == "t.edict:2");
}

TEST_CASE("the NCCI-associated modifiers are those of the brief", "[check]") {
  const auto& all = model::ncciAssociatedModifiers();
  CHECK(all.size() == 31 + 13);
  for (const char* m : {"59", "XE", "XS", "XP", "XU", "24", "25", "57", "58", "78", "79", "27",
                        "91", "LT", "RT", "E4", "F9", "T9", "RI"})
    CHECK(std::binary_search(all.begin(), all.end(), mod(m)));
  CHECK_FALSE(std::binary_search(all.begin(), all.end(), mod("GP")));
  CHECK(model::isAnatomic(mod("LT")));
  CHECK_FALSE(model::isAnatomic(mod("59")));
}

TEST_CASE("modifier sets expand names, including built-in sets", "[check]") {
  auto c = checkText(
      "modifiers a = 59 XS\nmodifiers b = a XE anatomic\n"
      "pair 98941 97140 indicator 1 since 2020-01-01 bypass b\n");
  REQUIRE(c.ruleset);
  const auto bypass = pairsOf(*c.ruleset).at(0).bypass;
  CHECK(bypass.size() == 3 + model::anatomicModifiers().size());
  CHECK(c.ruleset->modifierSets.size() == 2);
}

TEST_CASE("the checker reports every problem, each with its kind", "[check]") {
  auto c = checkText(
      "pair 9714 97530 indicator 1 since 2020-01-01\n"
      "pair 97140 97530 indicator 5 since 2020-02-30\n"
      "modifiers m = 5X5\n"
      "pair 97140 97530 indicator 1 since 2020-01-01 bypass nope\n");
  CHECK_FALSE(c.ruleset);
  CHECK(c.kinds == std::vector<diag::Kind>{diag::Kind::MalformedCode, diag::Kind::BadIndicator,
                                           diag::Kind::MalformedDate, diag::Kind::MalformedModifier,
                                           diag::Kind::UnknownName});
}

TEST_CASE("rows of one pair may follow each other but not overlap", "[check]") {
  auto ok = checkText(
      "pair 97140 97530 indicator 1 since 2020-01-01 until 2023-12-31\n"
      "pair 97140 97530 indicator 0 since 2024-01-01\n");
  CHECK(ok.ruleset);
  CHECK(ok.kinds.empty());
  auto overlap = checkText(
      "pair 97140 97530 indicator 1 since 2020-01-01 until 2024-01-01\n"
      "pair 97140 97530 indicator 0 since 2024-01-01\n");
  CHECK(overlap.kinds == std::vector<diag::Kind>{diag::Kind::ConflictingPair});
  auto sameDay = checkText(
      "pair 97140 97530 indicator 1 since 2020-01-01\n"
      "pair 97140 97530 indicator 1 since 2020-01-01\n");
  CHECK(sameDay.kinds == std::vector<diag::Kind>{diag::Kind::ConflictingPair});
}

TEST_CASE("warnings do not stop compilation", "[check]") {
  auto c = checkText("pair 97140 97530 indicator 9 since 2020-01-01\n");
  CHECK(c.ruleset);
  CHECK(c.kinds == std::vector<diag::Kind>{diag::Kind::PairNeverFires});
}

TEST_CASE("did-you-mean finds near names only", "[check]") {
  CHECK(diag::editDistance("kitten", "sitting") == 3);
  CHECK(diag::editDistance("pari", "pair") == 1);
  CHECK(diag::closestMatch("regoin", {"region", "bypass"}) == "region");
  CHECK(diag::closestMatch("xyz", {"region", "bypass"}) == std::nullopt);
  CHECK(diag::closestMatch("pari", {"pair", "modifiers"}) == "pair");
}

TEST_CASE("the error limit stops a flood of diagnostics", "[check]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "pair 9714 97530 indicator 1 since 2020-01-01\n";
  source::SourceFile file("t.edict", "ruleset t\n" + text);
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast);
  CHECK_FALSE(check::checkRuleset(*ast, sink));
  CHECK(sink.errorCount() == diag::DiagnosticSink::kDefaultMaxErrors);
  CHECK(sink.all().back().kind == diag::Kind::TooManyErrors);
}
