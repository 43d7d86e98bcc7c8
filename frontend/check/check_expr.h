// Type checking of conditions and unit expressions, producing typed IR.
// Words take their type from the other side of a comparison: in
// `line.code == 97110` the word is a code, in `line.units > 4` a number.
#pragma once

#include <optional>

#include "core/ir/program.h"
#include "frontend/ast/expr.h"
#include "frontend/check/check_context.h"

namespace edict::check {

/// The types of the language.
enum class Type { Bool, Int, Code, Modifier, Date, Money, Text, Sex, Word };

/// What a rule's expressions may read.
struct ExprScope {
  /// A claim-level rule: no `line`, no `same_day`.
  bool onClaim = false;
};

/// Checks `expr` as a condition (a Bool); reports problems, nullopt on error.
std::optional<ir::ExprId> checkCondition(CheckContext& cx, const ast::Expr& expr,
                                         const ExprScope& scope);

/// Checks `expr` as a number of units (an Int).
std::optional<ir::ExprId> checkUnits(CheckContext& cx, const ast::Expr& expr,
                                     const ExprScope& scope);

}  // namespace edict::check
