// Transformer: `units` statements (timed and untimed codes), `limit` and
// `limits from` (medically unlikely edits).
#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

ast::UnitsDecl Transformer::transformUnits(EdictParser::UnitsDeclContext& ctx) {
  ast::UnitsDecl decl;
  decl.span = spanOf(ctx.getStart());
  std::vector<EdictParser::RuleClauseContext*> clauses;
  if (auto* timed = dynamic_cast<EdictParser::TimedUnitsDeclContext*>(&ctx)) {
    decl.codes = transformCodeItems(timed->codeItem());
    decl.method = wordOf(timed->method);
    clauses = timed->ruleClause();
  } else {
    auto& untimed = dynamic_cast<EdictParser::UntimedUnitsDeclContext&>(ctx);
    decl.codes = transformCodeItems(untimed.codeItem());
    clauses = untimed.ruleClause();
  }
  for (auto* clause : clauses) transformRuleClause(*clause, decl.clauses);
  return decl;
}

ast::LimitDecl Transformer::transformLimit(EdictParser::LimitDeclContext& ctx) {
  ast::LimitDecl decl;
  decl.span = spanOf(ctx.getStart());
  decl.code = wordOf(ctx.code);
  decl.value = wordOf(ctx.value);
  auto* scope = ctx.limitScope();
  decl.scope.span = spanOf(*scope);
  if (dynamic_cast<EdictParser::PerLineContext*>(scope) != nullptr) {
    decl.scope.kind = ast::LimitScope::Kind::PerLine;
  } else if (auto* day = dynamic_cast<EdictParser::PerDayContext*>(scope)) {
    decl.scope.kind = ast::LimitScope::Kind::PerDay;
    if (day->kind != nullptr) decl.scope.word = wordOf(day->kind);
  } else {
    decl.scope.kind = ast::LimitScope::Kind::Indicator;
    decl.scope.word = wordOf(dynamic_cast<EdictParser::LimitIndicatorContext&>(*scope).value);
  }
  if (ctx.rationale != nullptr) decl.rationale = unquote(ctx.rationale->getText());
  for (auto* clause : ctx.limitClause()) {
    const source::Span where = spanOf(clause->getStart());
    if (auto* from = dynamic_cast<EdictParser::LimitFromContext*>(clause))
      setOnce(decl.since, wordOf(from->DATE()->getSymbol()), where, "since");
    else if (auto* through = dynamic_cast<EdictParser::LimitThroughContext*>(clause))
      setOnce(decl.until, wordOf(through->DATE()->getSymbol()), where, "until");
    else
      transformRuleClause(*dynamic_cast<EdictParser::LimitRuleClauseContext&>(*clause).ruleClause(),
                          decl.clauses);
  }
  return decl;
}

ast::LimitsFromDecl Transformer::transformLimitsFrom(EdictParser::LimitsFromStmtContext& ctx) {
  ast::LimitsFromDecl decl;
  decl.path = ast::Word{unquote(ctx.table->getText()), spanOf(ctx.table)};
  decl.span = spanOf(ctx.getStart());
  if (ctx.format != nullptr) decl.format = wordOf(ctx.format);
  for (auto* clause : ctx.limitsClause()) {
    const source::Span where = spanOf(clause->getStart());
    if (auto* reason = dynamic_cast<EdictParser::LimitsReasonContext*>(clause))
      setOnce(decl.reason, wordOf(reason->REASON()->getSymbol()), where, "reason");
    else if (auto* since = dynamic_cast<EdictParser::LimitsSinceContext*>(clause))
      setOnce(decl.since, wordOf(since->DATE()->getSymbol()), where, "since");
  }
  return decl;
}

}  // namespace edict::parse
