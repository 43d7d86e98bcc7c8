#include "ir/builder.h"

#include <algorithm>

namespace edict::ir {

ExprId Builder::add(Expr expr) {
  program_.exprs.push_back(std::move(expr));
  return static_cast<ExprId>(program_.exprs.size() - 1);
}

ExprId Builder::boolConst(bool value) {
  Expr e;
  e.kind = Expr::Kind::BoolConst;
  e.value = value ? 1 : 0;
  return add(std::move(e));
}

ExprId Builder::intConst(std::int64_t value) {
  Expr e;
  e.kind = Expr::Kind::IntConst;
  e.value = value;
  return add(std::move(e));
}

ExprId Builder::field(Binding binding, LineField f) {
  Expr e;
  e.kind = Expr::Kind::Field;
  e.binding = binding;
  e.field = f;
  return add(std::move(e));
}

ExprId Builder::compare(CmpOp op, ExprId lhs, ExprId rhs) {
  Expr e;
  e.kind = Expr::Kind::Compare;
  e.op = op;
  e.operands = {lhs, rhs};
  return add(std::move(e));
}

ExprId Builder::allOf(std::vector<ExprId> operands) {
  if (operands.size() == 1) return operands.front();
  Expr e;
  e.kind = Expr::Kind::And;
  e.operands = std::move(operands);
  return add(std::move(e));
}

ExprId Builder::anyOf(std::vector<ExprId> operands) {
  if (operands.size() == 1) return operands.front();
  Expr e;
  e.kind = Expr::Kind::Or;
  e.operands = std::move(operands);
  return add(std::move(e));
}

ExprId Builder::negate(ExprId operand) {
  Expr e;
  e.kind = Expr::Kind::Not;
  e.operands = {operand};
  return add(std::move(e));
}

ExprId Builder::hasModifierIn(Binding binding, std::uint32_t set) {
  Expr e;
  e.kind = Expr::Kind::HasModifierIn;
  e.binding = binding;
  e.set = set;
  return add(std::move(e));
}

ExprId Builder::sitesDiffer(std::uint32_t set) {
  Expr e;
  e.kind = Expr::Kind::SitesDiffer;
  e.set = set;
  return add(std::move(e));
}

std::uint32_t Builder::modifierSet(std::string name, std::vector<model::Modifier> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  program_.modifierSets.push_back(ModifierSet{std::move(name), std::move(members)});
  return static_cast<std::uint32_t>(program_.modifierSets.size() - 1);
}

}  // namespace edict::ir
