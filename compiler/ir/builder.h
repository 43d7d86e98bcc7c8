// Helpers that append IR expressions to a Program, used by lowering and tests.
#pragma once

#include <initializer_list>

#include "ir/program.h"

namespace edict::ir {

/// Appends expressions to `program.exprs` and returns their ids.
class Builder {
 public:
  explicit Builder(Program& program) : program_(program) {}

  ExprId boolConst(bool value);
  ExprId intConst(std::int64_t value);
  ExprId field(Binding binding, LineField field);
  ExprId compare(CmpOp op, ExprId lhs, ExprId rhs);
  ExprId allOf(std::vector<ExprId> operands);
  ExprId anyOf(std::vector<ExprId> operands);
  ExprId negate(ExprId operand);
  ExprId hasModifierIn(Binding binding, std::uint32_t set);
  ExprId sitesDiffer(std::uint32_t set);

  /// Adds a modifier set (sorted, deduplicated) and returns its index.
  std::uint32_t modifierSet(std::string name, std::vector<model::Modifier> members);

 private:
  ExprId add(Expr expr);
  Program& program_;
};

}  // namespace edict::ir
