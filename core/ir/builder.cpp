#include "core/ir/builder.h"

#include <algorithm>

namespace edict::ir {

ExprId Builder::add(Expr expr) {
  program_.exprs.push_back(std::move(expr));
  return static_cast<ExprId>(program_.exprs.size() - 1);
}

// Each node is written with designated initializers in Expr's member order;
// members not named keep their defaults.

ExprId Builder::boolConst(bool value) {
  return add({.kind = Expr::Kind::BoolConst, .value = value ? 1 : 0});
}

ExprId Builder::intConst(std::int64_t value) {
  return add({.kind = Expr::Kind::IntConst, .value = value});
}

ExprId Builder::stringConst(const std::string& text) {
  return add({.kind = Expr::Kind::IntConst, .value = string(text), .set = kStringConstant});
}

ExprId Builder::field(Binding binding, LineField f) {
  return add({.kind = Expr::Kind::Field, .binding = binding, .lineField = f});
}

ExprId Builder::claimField(ClaimField f) {
  return add({.kind = Expr::Kind::Field, .binding = Binding::Claim, .claimField = f});
}

ExprId Builder::known(Binding binding, LineField f) {
  return add({.kind = Expr::Kind::Known, .binding = binding, .lineField = f});
}

ExprId Builder::knownClaim(ClaimField f) {
  return add({.kind = Expr::Kind::Known, .binding = Binding::Claim, .claimField = f});
}

ExprId Builder::arith(Expr::Kind kind, ExprId lhs, ExprId rhs) {
  return add({.kind = kind, .operands = {lhs, rhs}});
}

ExprId Builder::inCodeSet(ExprId code, std::uint32_t set) {
  return add({.kind = Expr::Kind::InCodeSet, .set = set, .operands = {code}});
}

ExprId Builder::aggregate(Expr::Kind kind, std::uint32_t set) {
  return add({.kind = kind, .set = set});
}

ExprId Builder::diagnosisAny(std::uint64_t mask) {
  return add({.kind = Expr::Kind::DiagnosisAny, .value = static_cast<std::int64_t>(mask)});
}

ExprId Builder::compare(CmpOp op, ExprId lhs, ExprId rhs) {
  return add({.kind = Expr::Kind::Compare, .op = op, .operands = {lhs, rhs}});
}

ExprId Builder::inRange(ExprId value, ExprId first, ExprId last) {
  return add({.kind = Expr::Kind::InRange, .operands = {value, first, last}});
}

ExprId Builder::allOf(std::vector<ExprId> operands) {
  if (operands.size() == 1) return operands.front();
  return add({.kind = Expr::Kind::And, .operands = std::move(operands)});
}

ExprId Builder::anyOf(std::vector<ExprId> operands) {
  if (operands.size() == 1) return operands.front();
  return add({.kind = Expr::Kind::Or, .operands = std::move(operands)});
}

ExprId Builder::negate(ExprId operand) {
  return add({.kind = Expr::Kind::Not, .operands = {operand}});
}

ExprId Builder::hasModifierIn(Binding binding, std::uint32_t set) {
  return add({.kind = Expr::Kind::HasModifierIn, .binding = binding, .set = set});
}

ExprId Builder::sitesDiffer(std::uint32_t set) {
  return add({.kind = Expr::Kind::SitesDiffer, .set = set});
}

ExprId Builder::timedUnits(UnitMethod method, std::uint32_t set) {
  return add(
      {.kind = Expr::Kind::TimedUnits, .value = static_cast<std::int64_t>(method), .set = set});
}

ExprId Builder::dayLimitUnits(std::int64_t perDay) {
  return add({.kind = Expr::Kind::DayLimitUnits, .value = perDay});
}

ExprId Builder::mueUnits(std::uint32_t table) {
  return add({.kind = Expr::Kind::MueUnits, .set = table});
}

ExprId Builder::history(Expr::Kind kind, std::uint32_t set, std::int64_t window) {
  return add({.kind = kind, .value = window, .set = set});
}

ExprId Builder::frequencyUnits(bool countUnits, std::uint32_t set, std::int64_t window,
                               std::int64_t max) {
  const ExprId limit = intConst(max);
  return add({.kind = countUnits ? Expr::Kind::FrequencyUnits : Expr::Kind::FrequencyServices,
              .value = window,
              .set = set,
              .operands = {limit}});
}

std::uint32_t Builder::modifierSet(std::string name, std::vector<model::Modifier> members) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  program_.modifierSets.push_back(ModifierSet{std::move(name), std::move(members)});
  return static_cast<std::uint32_t>(program_.modifierSets.size() - 1);
}

std::uint32_t Builder::codeSet(std::string name,
                               std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second + 1)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  program_.codeSets.push_back(CodeSet{std::move(name), std::move(merged)});
  return static_cast<std::uint32_t>(program_.codeSets.size() - 1);
}

std::uint32_t Builder::string(const std::string& text) {
  auto found = std::find(program_.strings.begin(), program_.strings.end(), text);
  if (found != program_.strings.end())
    return static_cast<std::uint32_t>(found - program_.strings.begin());
  program_.strings.push_back(text);
  return static_cast<std::uint32_t>(program_.strings.size() - 1);
}

}  // namespace edict::ir
