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
    else if (auto* a = dynamic_cast<EdictParser::LineAllowedContext*>(item))
      setOnce(line.allowed, wordOf(a->WORD()->getSymbol()), where, "allowed");
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

ast::TestClaim Transformer::transformTestClaim(
    const std::vector<EdictParser::ClaimItemContext*>& items,
    const std::vector<EdictParser::TestLineContext*>& lines) {
  ast::TestClaim claim;
  for (auto* item : items) {
    const source::Span where = spanOf(item->getStart());
    auto text = [&](antlr4::tree::TerminalNode* s) {
      return ast::Word{unquote(s->getText()), spanOf(s->getSymbol())};
    };
    if (auto* d = dynamic_cast<EdictParser::ClaimDateContext*>(item))
      setOnce(claim.date, wordOf(d->DATE()->getSymbol()), where, "date");
    else if (auto* p = dynamic_cast<EdictParser::ClaimPayerContext*>(item))
      setOnce(claim.payer, text(p->STRING()), where, "payer");
    else if (auto* pl = dynamic_cast<EdictParser::ClaimPlaceContext*>(item))
      setOnce(claim.place, text(pl->STRING()), where, "place");
    else if (auto* pr = dynamic_cast<EdictParser::ClaimProviderContext*>(item))
      setOnce(claim.provider, text(pr->STRING()), where, "provider");
    else if (auto* pa = dynamic_cast<EdictParser::ClaimPatientContext*>(item))
      setOnce(claim.patient, text(pa->STRING()), where, "patient");
    else if (auto* a = dynamic_cast<EdictParser::ClaimAgeContext*>(item))
      setOnce(claim.age, wordOf(a->WORD()->getSymbol()), where, "age");
    else if (auto* b = dynamic_cast<EdictParser::ClaimBornContext*>(item))
      setOnce(claim.born, wordOf(b->DATE()->getSymbol()), where, "born");
    else if (auto* s = dynamic_cast<EdictParser::ClaimSexContext*>(item))
      setOnce(claim.sex, wordOf(s->WORD()->getSymbol()), where, "sex");
    else if (auto* dx = dynamic_cast<EdictParser::ClaimDiagnosesContext*>(item))
      for (auto* s2 : dx->STRING()) claim.diagnoses.push_back(text(s2));
  }
  for (auto* line : lines) claim.lines.push_back(transformTestLine(*line));
  return claim;
}

std::vector<ast::PriorClaim> Transformer::transformHistory(EdictParser::TestHistoryContext& ctx) {
  std::vector<ast::PriorClaim> out;
  for (auto* prior : ctx.priorClaim()) {
    ast::PriorClaim claim;
    claim.span = spanOf(prior->getStart());
    claim.id = prior->id->getType() == EdictParser::STRING
                   ? ast::Word{unquote(prior->id->getText()), spanOf(prior->id)}
                   : wordOf(prior->id);
    claim.claim = transformTestClaim(prior->claimItem(), prior->testLine());
    out.push_back(std::move(claim));
  }
  return out;
}

ast::TestDecl Transformer::transformTest(EdictParser::TestDeclContext& ctx) {
  ast::TestDecl test;
  test.name = unquote(ctx.name->getText());
  test.span = spanOf(ctx.getStart());
  if (ctx.testHistory() != nullptr) test.history = transformHistory(*ctx.testHistory());
  auto& claim = *ctx.testClaim();
  test.claim = transformTestClaim(claim.claimItem(), claim.testLine());
  for (auto* e : ctx.expectation()) test.expectations.push_back(transformExpectation(*e));
  return test;
}

}  // namespace edict::parse
