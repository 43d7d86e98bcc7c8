// Transformer: `pair` statements and their clauses.
#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

ast::PairDecl Transformer::transformPair(EdictParser::PairDeclContext& ctx) {
  ast::PairDecl pair;
  pair.span = spanOf(ctx.getStart());
  pair.column1 = wordOf(ctx.column1);
  pair.column2 = wordOf(ctx.column2);
  pair.indicator = transformIndicator(*ctx.indicator());
  if (ctx.rationale != nullptr) pair.rationale = unquote(ctx.rationale->getText());
  for (auto* clause : ctx.pairClause()) transformPairClause(*clause, pair);
  return pair;
}

ast::IndicatorSpec Transformer::transformIndicator(EdictParser::IndicatorContext& ctx) {
  ast::IndicatorSpec spec;
  spec.span = spanOf(ctx);
  if (dynamic_cast<EdictParser::ModifierAllowedContext*>(&ctx) != nullptr)
    spec.value = ast::Indicator::Allowed;
  else if (dynamic_cast<EdictParser::ModifierNotAllowedContext*>(&ctx) != nullptr)
    spec.value = ast::Indicator::NotAllowed;
  else if (dynamic_cast<EdictParser::ModifierNotApplicableContext*>(&ctx) != nullptr)
    spec.value = ast::Indicator::NotApplicable;
  else
    spec.number = wordOf(dynamic_cast<EdictParser::IndicatorValueContext&>(ctx).value);
  return spec;
}

void Transformer::transformPairClause(EdictParser::PairClauseContext& ctx, ast::PairDecl& pair) {
  const source::Span where = spanOf(ctx.getStart());
  if (auto* since = dynamic_cast<EdictParser::SinceClauseContext*>(&ctx)) {
    setOnce(pair.since, wordOf(since->DATE()->getSymbol()), where, "since");
  } else if (auto* until = dynamic_cast<EdictParser::UntilClauseContext*>(&ctx)) {
    setOnce(pair.until, wordOf(until->DATE()->getSymbol()), where, "until");
  } else if (auto* bypass = dynamic_cast<EdictParser::BypassClauseContext*>(&ctx)) {
    setOnce(pair.bypass, transformModifierItems(bypass->modifierItem()), where, "bypass");
  } else if (auto* reason = dynamic_cast<EdictParser::ReasonClauseContext*>(&ctx)) {
    setOnce(pair.reason, wordOf(reason->REASON()->getSymbol()), where, "reason");
  } else if (auto* id = dynamic_cast<EdictParser::IdClauseContext*>(&ctx)) {
    setOnce(pair.id, wordOf(id->softWord()), where, "id");
  } else if (dynamic_cast<EdictParser::KeepReverseClauseContext*>(&ctx) != nullptr) {
    pair.keepReverse = true;
  }
}

}  // namespace edict::parse
