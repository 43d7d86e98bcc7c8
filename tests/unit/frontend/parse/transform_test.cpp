// The transformer from parse tree to AST: every construct lands in the right
// field, with the span of its source text.
#include <catch2/catch.hpp>

#include "frontend/parse/parser.h"

using namespace edict;

namespace {

ast::Ruleset parseOk(const std::string& text) {
  source::SourceFile file("t.edict", text);
  diag::DiagnosticSink sink;
  auto ruleset = parse::parseRuleset(file, sink);
  INFO((sink.all().empty() ? std::string() : sink.all().front().message));
  REQUIRE(ruleset.has_value());
  REQUIRE(sink.all().empty());
  return std::move(*ruleset);
}

std::size_t syntaxErrors(const std::string& text) {
  source::SourceFile file("t.edict", text);
  diag::DiagnosticSink sink;
  CHECK_FALSE(parse::parseRuleset(file, sink).has_value());
  return sink.errorCount();
}

}  // namespace

TEST_CASE("the header carries name, title, version and effective dates", "[parse]") {
  auto r = parseOk(
      "ruleset cms \"CMS therapy\"\nversion \"2026.4\"\neffective 2026-10-01 until 2026-12-31\n");
  CHECK(r.header.name.text == "cms");
  CHECK(r.header.title == "CMS therapy");
  CHECK(r.header.version == "2026.4");
  CHECK(r.header.effectiveFrom->text == "2026-10-01");
  CHECK(r.header.effectiveUntil->text == "2026-12-31");
  CHECK(r.statements.empty());
}

TEST_CASE("a pair with every clause", "[parse][pair]") {
  auto r = parseOk(
      "ruleset t\n"
      "pair 97140 97530 modifier allowed \"Mutually \\\"exclusive\\\"\" since 2020-01-01 "
      "until 2024-12-31 bypass 59 region reason CO-97 id mutex\n");
  REQUIRE(r.statements.size() == 1);
  const auto& pair = std::get<ast::PairDecl>(r.statements[0]);
  CHECK(pair.column1.text == "97140");
  CHECK(pair.column2.text == "97530");
  CHECK(pair.column2.span.line == 2);
  CHECK(pair.column2.span.column == 12);
  CHECK(pair.column2.span.length == 5);
  CHECK(pair.indicator.value == ast::Indicator::Allowed);
  CHECK(pair.rationale == "Mutually \"exclusive\"");
  CHECK(pair.since->text == "2020-01-01");
  CHECK(pair.until->text == "2024-12-31");
  REQUIRE(pair.bypass->size() == 2);
  CHECK((*pair.bypass)[1].text == "region");
  CHECK(pair.reason->text == "CO-97");
  CHECK(pair.id->text == "mutex");
  CHECK(pair.span.line == 2);
  CHECK(pair.span.column == 1);
}

TEST_CASE("every indicator form", "[parse][pair]") {
  auto r = parseOk(
      "ruleset t\n"
      "pair 97140 97530 modifier not allowed since 2020-01-01\n"
      "pair 97140 97530 modifier not applicable since 2020-01-01\n"
      "pair 97140 97530 indicator 1 since 2020-01-01\n");
  REQUIRE(r.statements.size() == 3);
  CHECK(std::get<ast::PairDecl>(r.statements[0]).indicator.value == ast::Indicator::NotAllowed);
  CHECK(std::get<ast::PairDecl>(r.statements[1]).indicator.value == ast::Indicator::NotApplicable);
  const auto& numeric = std::get<ast::PairDecl>(r.statements[2]).indicator;
  CHECK_FALSE(numeric.value.has_value());
  CHECK(numeric.number->text == "1");
  CHECK(numeric.span.length == std::string("indicator 1").size());
}

TEST_CASE("modifier sets keep their items as written", "[parse]") {
  auto r = parseOk("ruleset t\n# a comment\nmodifiers bypass_set = 59 XE ncci  # trailing\n");
  const auto& set = std::get<ast::ModifierSetDecl>(r.statements.at(0));
  CHECK(set.name.text == "bypass_set");
  REQUIRE(set.items.size() == 3);
  CHECK(set.items[2].text == "ncci");
}

TEST_CASE("syntax errors are all reported and no AST is returned", "[parse]") {
  CHECK(syntaxErrors("ruleset t\npair 97140\n") >= 1);
  CHECK(syntaxErrors("pair 97140 97530 indicator 1 since 2020-01-01\n") >= 1);
  CHECK(syntaxErrors("ruleset t\nmodifiers = 59\nmodifiers m = ;\n") >= 2);
}

TEST_CASE("text that is not UTF-8 is refused before lexing", "[parse]") {
  source::SourceFile file("t.edict", std::string("ruleset t\n\xc3\x28\n", 12));
  diag::DiagnosticSink sink;
  CHECK_FALSE(parse::parseRuleset(file, sink).has_value());
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].kind == diag::Kind::NotText);
  CHECK(sink.all()[0].span.line == 2);
}

TEST_CASE("a file over the size limit is refused", "[parse]") {
  source::SourceFile file("t.edict", std::string(parse::kMaxSourceBytes + 1, '#'));
  diag::DiagnosticSink sink;
  CHECK_FALSE(parse::parseRuleset(file, sink).has_value());
  CHECK(sink.all().at(0).kind == diag::Kind::FileTooLarge);
}

TEST_CASE("frequency limits, MUE limits and windows of history functions", "[parse][history]") {
  auto r = parseOk(
      "ruleset t\n"
      "limit 97161..97163 evaluations max 1 per 30 days id once\n"
      "limit 97110 max 12 units per calendar year reason CO-151\n"
      "limit 97035 max 2 per day clinical\n"
      "rule r: when history.count(97161, 97162 within 7 days) > 0 flag line\n");
  REQUIRE(r.statements.size() == 4);
  const auto& once = std::get<ast::FrequencyDecl>(r.statements[0]);
  REQUIRE(once.codes.size() == 2);
  CHECK(once.codes[0].last->text == "97163");
  CHECK(once.value.text == "1");
  CHECK_FALSE(once.countsUnits);
  CHECK(once.window.kind == ast::Window::Kind::Days);
  CHECK(once.window.amount.text == "30");
  CHECK(once.window.span.column == 38);
  CHECK(once.window.span.length == 11);
  CHECK(once.clauses.id->text == "once");
  const auto& yearly = std::get<ast::FrequencyDecl>(r.statements[1]);
  CHECK(yearly.countsUnits);
  CHECK(yearly.window.kind == ast::Window::Kind::Calendar);
  CHECK(yearly.window.amount.text == "year");
  CHECK(yearly.clauses.reason->text == "CO-151");
  CHECK(std::holds_alternative<ast::LimitDecl>(r.statements[2]));
  const auto& rule = std::get<ast::RuleDecl>(r.statements[3]);
  const auto& compare = std::get<ast::BinaryExpr>(rule.condition->node);
  const auto& call = std::get<ast::CallExpr>(compare.left->node);
  CHECK(call.arguments.size() == 2);
  REQUIRE(call.within.has_value());
  CHECK(call.within->amount.text == "7");
  CHECK_FALSE(call.within->negative);
}

TEST_CASE("a test's history: prior claims with ids, patients and allowed units",
          "[parse][history]") {
  auto r = parseOk(
      "ruleset t\n"
      "test \"x\" {\n"
      "  history {\n"
      "    claim A date 2026-10-01 patient \"P2\" { 97161 GP allowed 0; 97110 units 3 }\n"
      "    claim \"B-7\" { 97140 date 2026-10-02 }\n"
      "  }\n"
      "  claim date 2026-11-02 patient \"P1\" { 97163 }\n"
      "  expect nothing\n"
      "}\n");
  const auto& test = std::get<ast::TestDecl>(r.statements.at(0));
  REQUIRE(test.history.has_value());
  REQUIRE(test.history->size() == 2);
  const ast::PriorClaim& a = (*test.history)[0];
  CHECK(a.id.text == "A");
  CHECK(a.claim.patient->text == "P2");
  REQUIRE(a.claim.lines.size() == 2);
  CHECK(a.claim.lines[0].allowed->text == "0");
  CHECK_FALSE(a.claim.lines[1].allowed.has_value());
  CHECK((*test.history)[1].id.text == "B-7");
  CHECK(test.claim.patient->text == "P1");
  CHECK_FALSE(
      std::get<ast::TestDecl>(
          parseOk("ruleset t\ntest \"y\" { claim { 97110 } expect nothing }\n").statements.at(0))
          .history.has_value());
}
