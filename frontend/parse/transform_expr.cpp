// Transformer: expressions of conditions and actions.
#include <fmt/format.h>

#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

namespace {

ast::BinaryOp binaryOp(const std::string& op) {
  if (op == "==") return ast::BinaryOp::Eq;
  if (op == "!=") return ast::BinaryOp::Ne;
  if (op == "<") return ast::BinaryOp::Lt;
  if (op == "<=") return ast::BinaryOp::Le;
  if (op == ">") return ast::BinaryOp::Gt;
  if (op == ">=") return ast::BinaryOp::Ge;
  if (op == "+") return ast::BinaryOp::Add;
  return ast::BinaryOp::Sub;
}

ast::ExprPtr make(auto node, const source::Span& span) {
  auto expr = std::make_unique<ast::Expr>();
  expr->node = std::move(node);
  expr->span = span;
  return expr;
}

}  // namespace

std::vector<ast::Word> Transformer::transformPath(EdictParser::PathContext& ctx) {
  std::vector<ast::Word> parts;
  for (auto* word : ctx.pathWord()) parts.push_back(wordOf(word->getStart()));
  return parts;
}

ast::Argument Transformer::transformArgument(EdictParser::ArgumentContext& ctx) {
  if (auto* range = dynamic_cast<EdictParser::RangeArgumentContext*>(&ctx))
    return ast::RangeArg{wordOf(range->first), wordOf(range->last)};
  return transformExpr(*dynamic_cast<EdictParser::ExprArgumentContext&>(ctx).expr());
}

ast::ExprPtr Transformer::transformExpr(EdictParser::ExprContext& ctx) {
  const source::Span span = spanOf(ctx);
  struct DepthGuard {
    int& depth;
    explicit DepthGuard(int& d) : depth(++d) {}
    ~DepthGuard() { --depth; }
  } guard(exprDepth_);
  if (exprDepth_ > kMaxExprDepth) {
    if (exprDepth_ == kMaxExprDepth + 1)
      sink_.report({diag::Kind::NestingTooDeep, file_, span,
                    fmt::format("this expression nests deeper than {} levels", kMaxExprDepth),
                    std::string("split the condition into several rules or named sets")});
    return make(ast::StringExpr{}, span);
  }
  if (auto* paren = dynamic_cast<EdictParser::ParenExprContext*>(&ctx))
    return transformExpr(*paren->expr());
  if (auto* call = dynamic_cast<EdictParser::CallExprContext*>(&ctx)) {
    ast::CallExpr node{transformPath(*call->path()), {}, std::nullopt};
    for (auto* argument : call->arguments) node.arguments.push_back(transformArgument(*argument));
    if (call->within() != nullptr) node.within = transformWithin(*call->within());
    return make(std::move(node), span);
  }
  if (auto* path = dynamic_cast<EdictParser::PathExprContext*>(&ctx))
    return make(ast::PathExpr{transformPath(*path->path())}, span);
  if (auto* date = dynamic_cast<EdictParser::DateExprContext*>(&ctx))
    return make(ast::DateExpr{wordOf(date->DATE()->getSymbol())}, span);
  if (auto* text = dynamic_cast<EdictParser::StringExprContext*>(&ctx))
    return make(ast::StringExpr{unquote(text->STRING()->getText())}, span);
  if (auto* add = dynamic_cast<EdictParser::AddExprContext*>(&ctx))
    return make(ast::BinaryExpr{binaryOp(add->op->getText()), transformExpr(*add->left),
                                transformExpr(*add->right), spanOf(add->op)},
                span);
  if (auto* compare = dynamic_cast<EdictParser::CompareExprContext*>(&ctx))
    return make(ast::BinaryExpr{binaryOp(compare->op->getText()), transformExpr(*compare->left),
                                transformExpr(*compare->right), spanOf(compare->op)},
                span);
  if (auto* assign = dynamic_cast<EdictParser::MisusedAssignContext*>(&ctx)) {
    // Reported here, then read as `==` so that checking can go on.
    source::Span opSpan = span;
    for (auto* child : assign->children)
      if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child))
        if (terminal->getText() == "=") opSpan = spanOf(terminal->getSymbol());
    sink_.report({diag::Kind::AssignInCondition, file_, opSpan, "`=` is not a comparison",
                  std::string("use `==` to compare values")});
    return make(ast::BinaryExpr{ast::BinaryOp::Eq, transformExpr(*assign->left),
                                transformExpr(*assign->right), opSpan},
                span);
  }
  if (auto* in = dynamic_cast<EdictParser::InExprContext*>(&ctx)) {
    ast::InExpr node;
    node.value = transformExpr(*in->value);
    node.negated = in->negated != nullptr;
    if (auto* named = dynamic_cast<EdictParser::NamedOperandContext*>(in->setOperand())) {
      node.setName = wordOf(named->softWord());
    } else if (auto* range = dynamic_cast<EdictParser::RangeOperandContext*>(in->setOperand())) {
      node.range = ast::RangeArg{wordOf(range->first), wordOf(range->last)};
    } else {
      auto& list = dynamic_cast<EdictParser::ListOperandContext&>(*in->setOperand());
      for (auto* item : list.items) node.items.push_back(transformArgument(*item));
    }
    return make(std::move(node), span);
  }
  if (auto* known = dynamic_cast<EdictParser::KnownExprContext*>(&ctx))
    return make(ast::KnownExpr{transformExpr(*known->value), known->negated != nullptr}, span);
  if (auto* negation = dynamic_cast<EdictParser::NotExprContext*>(&ctx))
    return make(ast::NotExpr{transformExpr(*negation->expr())}, span);
  if (auto* conjunction = dynamic_cast<EdictParser::AndExprContext*>(&ctx))
    return make(ast::BinaryExpr{ast::BinaryOp::And, transformExpr(*conjunction->left),
                                transformExpr(*conjunction->right), span},
                span);
  auto& disjunction = dynamic_cast<EdictParser::OrExprContext&>(ctx);
  return make(ast::BinaryExpr{ast::BinaryOp::Or, transformExpr(*disjunction.left),
                              transformExpr(*disjunction.right), span},
              span);
}

}  // namespace edict::parse
