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
