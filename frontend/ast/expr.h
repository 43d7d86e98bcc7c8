// Expressions of `when` conditions and rule actions, as written. Words stay
// words: whether `97110` is a code, a number or a modifier is decided by the
// checker from the other side of a comparison.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "frontend/source/source_file.h"

namespace edict::ast {

/// A word of source text (a code, modifier, number, name or date) and where it is.
struct Word {
  std::string text;
  source::Span span;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// `line.code`, `patient.age`, or a single word (a literal or a set name).
struct PathExpr {
  std::vector<Word> parts;
};

/// `first..last` inside a call or a list.
struct RangeArg {
  Word first;
  Word last;
};

/// An argument of a call or an item of an `in (...)` list.
using Argument = std::variant<ExprPtr, RangeArg>;

/// A window of dates: `within 30 days` or `per 30 days` (a number of days,
/// written with a minus sign when `negative`), or `within calendar year`
/// and `per calendar year` (a period, as written).
struct Window {
  enum class Kind { Days, Calendar };
  Kind kind = Kind::Days;
  /// The number of days, or the period's word (`year`).
  Word amount;
  bool negative = false;
  /// From `within` or `per` to the window's last word.
  source::Span span;
};

/// `same_day.has(97150)`, `line.modifiers.any(59 XE)`,
/// `history.count(97161..97163, within 30 days)`
struct CallExpr {
  std::vector<Word> callee;
  std::vector<Argument> arguments;
  /// `within ...` after the arguments (history functions).
  std::optional<Window> within;
};

/// A date literal.
struct DateExpr {
  Word date;
};

/// A string literal, unquoted.
struct StringExpr {
  std::string value;
};

enum class BinaryOp { And, Or, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub };

/// `left op right`
struct BinaryExpr {
  BinaryOp op;
  ExprPtr left;
  ExprPtr right;
  source::Span opSpan;
};

/// `not operand`
struct NotExpr {
  ExprPtr operand;
};

/// `value in SET`, `value not in (A, B..C)`, `value in FIRST..LAST`
struct InExpr {
  ExprPtr value;
  bool negated = false;
  /// A named set, a range written without parentheses, or else the listed items.
  std::optional<Word> setName;
  std::optional<RangeArg> range;
  std::vector<Argument> items;
};

/// `value is known`, `value is not known`: whether the claim gives a value
/// that it may leave out (minutes, a birth date).
struct KnownExpr {
  ExprPtr value;
  bool negated = false;
};

/// One expression node with the span of its whole text.
struct Expr {
  std::variant<PathExpr, CallExpr, DateExpr, StringExpr, BinaryExpr, NotExpr, InExpr, KnownExpr>
      node;
  source::Span span;
};

}  // namespace edict::ast
