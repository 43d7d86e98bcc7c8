// Transformer: `rule` and `require`/`forbid modifier` statements.
#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

void Transformer::transformRuleClause(EdictParser::RuleClauseContext& ctx,
                                      ast::RuleClauses& clauses) {
  const source::Span where = spanOf(ctx.getStart());
  if (auto* reason = dynamic_cast<EdictParser::RuleReasonContext*>(&ctx)) {
    setOnce(clauses.reason, wordOf(reason->REASON()->getSymbol()), where, "reason");
  } else if (auto* message = dynamic_cast<EdictParser::RuleMessageContext*>(&ctx)) {
    const auto* token = message->STRING()->getSymbol();
    setOnce(clauses.message, ast::Word{unquote(token->getText()), spanOf(token)}, where, "message");
  } else if (auto* id = dynamic_cast<EdictParser::RuleIdContext*>(&ctx)) {
    setOnce(clauses.id, wordOf(id->softWord()), where, "id");
  }
}

ast::RuleDecl Transformer::transformRule(EdictParser::RuleDeclContext& ctx) {
  ast::RuleDecl rule;
  rule.id = wordOf(ctx.id);
  rule.span = spanOf(ctx.getStart());
  if (ctx.title != nullptr) rule.title = unquote(ctx.title->getText());
  rule.condition = transformExpr(*ctx.expr());
  rule.actionSpan = spanOf(*ctx.action());
  std::vector<EdictParser::RuleClauseContext*> clauses;
  if (auto* verb = dynamic_cast<EdictParser::VerbActionContext*>(ctx.action())) {
    const std::string word = verb->verb->getText();
    rule.verb = word == "deny"     ? ast::Verb::Deny
                : word == "review" ? ast::Verb::Review
                                   : ast::Verb::Flag;
    rule.onClaim = verb->target->getText() == "claim";
    clauses = verb->ruleClause();
  } else {
    auto& modify = dynamic_cast<EdictParser::ModifyActionContext&>(*ctx.action());
    rule.verb = ast::Verb::Modify;
    rule.units = transformExpr(*modify.expr());
    clauses = modify.ruleClause();
  }
  for (auto* clause : clauses) transformRuleClause(*clause, rule.clauses);
  if (rule.clauses.id)
    sink_.report({diag::Kind::DuplicateClause, file_, rule.clauses.id->span,
                  "a rule's id is the word after `rule`; `id` is for pairs and modifier rules",
                  "remove this `id` clause"});
  return rule;
}

ast::ModifierRule Transformer::transformModifierRule(EdictParser::ModifierRuleContext& ctx) {
  ast::ModifierRule rule;
  rule.require = ctx.kind->getText() == "require";
  rule.span = spanOf(ctx.getStart());
  rule.modifiers = transformModifierItems(ctx.modifierItem());
  rule.codes = transformCodeItems(ctx.codeItem());
  if (ctx.expr() != nullptr) rule.condition = transformExpr(*ctx.expr());
  for (auto* clause : ctx.ruleClause()) transformRuleClause(*clause, rule.clauses);
  return rule;
}

}  // namespace edict::parse
