// Transformer: `test` blocks (example claims and their expected edits).
#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

ast::TestLine Transformer::transformTestLine(EdictParser::TestLineContext& ctx) {
  ast::TestLine line;
  line.code = wordOf(ctx.code);
  for (auto* item : ctx.lineItem()) {
    const source::Span where = spanOf(item->getStart());
    if (auto* m = dynamic_cast<EdictParser::LineModifierContext*>(item))
      line.modifiers.push_back(wordOf(m->WORD()->getSymbol()));
    else if (auto* u = dynamic_cast<EdictParser::LineUnitsContext*>(item))
      setOnce(line.units, wordOf(u->WORD()->getSymbol()), where, "units");
    else if (auto* n = dynamic_cast<EdictParser::LineMinutesContext*>(item))
      setOnce(line.minutes, wordOf(n->WORD()->getSymbol()), where, "minutes");
    else if (auto* d = dynamic_cast<EdictParser::LineDateContext*>(item))
      setOnce(line.date, wordOf(d->DATE()->getSymbol()), where, "date");
    else if (auto* p = dynamic_cast<EdictParser::LinePlaceContext*>(item))
      setOnce(line.place,
              ast::Word{unquote(p->STRING()->getText()), spanOf(p->STRING()->getSymbol())}, where,
              "place");
    else if (auto* v = dynamic_cast<EdictParser::LineProviderContext*>(item))
      setOnce(line.provider,
              ast::Word{unquote(v->STRING()->getText()), spanOf(v->STRING()->getSymbol())}, where,
              "provider");
    else if (auto* c = dynamic_cast<EdictParser::LineChargeContext*>(item))
      setOnce(line.charge, wordOf(c->WORD()->getSymbol()), where, "charge");
  }
  return line;
}

ast::Expectation Transformer::transformExpectation(EdictParser::ExpectationContext& ctx) {
  ast::Expectation e;
  e.span = spanOf(ctx);
  if (dynamic_cast<EdictParser::ExpectNothingContext*>(&ctx) != nullptr) {
    e.kind = ast::Expectation::Kind::Nothing;
  } else if (auto* ln = dynamic_cast<EdictParser::ExpectLineNothingContext*>(&ctx)) {
    e.kind = ast::Expectation::Kind::LineNothing;
    e.line = wordOf(ln->line);
  } else if (auto* nr = dynamic_cast<EdictParser::ExpectNoRuleContext*>(&ctx)) {
    e.kind = ast::Expectation::Kind::NoRule;
    e.rule = wordOf(nr->softWord());
  } else {
    auto& edit = dynamic_cast<EdictParser::ExpectEditContext&>(ctx);
    e.kind = ast::Expectation::Kind::Edit;
    e.onClaim = edit.target->getText() == "claim";
    if (edit.line != nullptr) e.line = wordOf(edit.line);
    const std::string verb = edit.verb->getText();
    e.reject = verb == "reject";
    e.verb = verb == "deny"     ? ast::Verb::Deny
             : verb == "modify" ? ast::Verb::Modify
             : verb == "review" ? ast::Verb::Review
                                : ast::Verb::Flag;
    for (auto* clause : edit.expectClause()) {
      const source::Span where = spanOf(clause->getStart());
      if (auto* r = dynamic_cast<EdictParser::ExpectRuleContext*>(clause))
        setOnce(e.rule, wordOf(r->softWord()), where, "rule");
      else if (auto* c = dynamic_cast<EdictParser::ExpectReasonContext*>(clause))
        setOnce(e.reason, wordOf(c->REASON()->getSymbol()), where, "reason");
      else if (auto* u = dynamic_cast<EdictParser::ExpectUnitsContext*>(clause))
        setOnce(e.units, wordOf(u->WORD()->getSymbol()), where, "units");
    }
  }
  return e;
}

ast::TestDecl Transformer::transformTest(EdictParser::TestDeclContext& ctx) {
  ast::TestDecl test;
  test.name = unquote(ctx.name->getText());
  test.span = spanOf(ctx.getStart());
  auto& claim = *ctx.testClaim();
  for (auto* item : claim.claimItem()) {
    const source::Span where = spanOf(item->getStart());
    auto text = [&](antlr4::tree::TerminalNode* s) {
      return ast::Word{unquote(s->getText()), spanOf(s->getSymbol())};
    };
    if (auto* d = dynamic_cast<EdictParser::ClaimDateContext*>(item))
      setOnce(test.claim.date, wordOf(d->DATE()->getSymbol()), where, "date");
    else if (auto* p = dynamic_cast<EdictParser::ClaimPayerContext*>(item))
      setOnce(test.claim.payer, text(p->STRING()), where, "payer");
    else if (auto* pl = dynamic_cast<EdictParser::ClaimPlaceContext*>(item))
      setOnce(test.claim.place, text(pl->STRING()), where, "place");
    else if (auto* pr = dynamic_cast<EdictParser::ClaimProviderContext*>(item))
      setOnce(test.claim.provider, text(pr->STRING()), where, "provider");
    else if (auto* a = dynamic_cast<EdictParser::ClaimAgeContext*>(item))
      setOnce(test.claim.age, wordOf(a->WORD()->getSymbol()), where, "age");
    else if (auto* b = dynamic_cast<EdictParser::ClaimBornContext*>(item))
      setOnce(test.claim.born, wordOf(b->DATE()->getSymbol()), where, "born");
    else if (auto* s = dynamic_cast<EdictParser::ClaimSexContext*>(item))
      setOnce(test.claim.sex, wordOf(s->WORD()->getSymbol()), where, "sex");
    else if (auto* dx = dynamic_cast<EdictParser::ClaimDiagnosesContext*>(item))
      for (auto* s2 : dx->STRING()) test.claim.diagnoses.push_back(text(s2));
  }
  for (auto* line : claim.testLine()) test.claim.lines.push_back(transformTestLine(*line));
  for (auto* e : ctx.expectation()) test.expectations.push_back(transformExpectation(*e));
  return test;
}

}  // namespace edict::parse
