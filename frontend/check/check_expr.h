// Type checking of conditions and unit expressions, producing typed IR.
// Words take their type from the other side of a comparison: in
// `line.code == 97110` the word is a code, in `line.units > 4` a number.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ir/program.h"
#include "frontend/ast/expr.h"
#include "frontend/check/check_context.h"

namespace edict::check {

/// The types of the language.
enum class Type { Bool, Int, Code, Modifier, Date, Money, Text, Sex, Word };

/// The values a rule reads that a claim may not give (minutes, a birth
/// date), and those it tests with `is known`: a rule that reads one without
/// testing it gets a warning (reportAbsentReads).
struct AbsentReads {
  struct Read {
    std::string field;
    /// The first place it is read.
    source::Span span;
    /// Read by a `modify` rule's units, not by its condition.
    bool inUnits = false;
  };
  std::vector<Read> read;
  std::set<std::string> tested;
  /// Set while the units of a `modify` rule are checked.
  bool readingUnits = false;
};

/// What a rule's expressions may read.
struct ExprScope {
  /// A claim-level rule: no `line`, no `same_day`.
  bool onClaim = false;
  /// Where to note the values that may be absent; null: nowhere.
  AbsentReads* absent = nullptr;
};

/// Checks `expr` as a condition (a Bool); reports problems, nullopt on error.
/// A comparison with a value the claim does not give is unknown; `not`,
/// `and`, `or` follow Kleene's three-valued logic; the IR holds exactly when
/// the condition is true.
std::optional<ir::ExprId> checkCondition(CheckContext& cx, const ast::Expr& expr,
                                         const ExprScope& scope);

/// Checks `expr` as a number of units (an Int). `known` receives the checks
/// that must hold for the number to have a value (a rule does not fire
/// without them).
std::optional<ir::ExprId> checkUnits(CheckContext& cx, const ast::Expr& expr,
                                     const ExprScope& scope, std::vector<ir::ExprId>& known);

/// Warns (W0305) about each value `rule` reads that may be absent and that
/// it does not test with `is known`.
void reportAbsentReads(CheckContext& cx, const std::string& rule, const AbsentReads& reads);

}  // namespace edict::check
