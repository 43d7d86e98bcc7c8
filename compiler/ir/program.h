// The rule IR: the contract between the compiler's front end and the two
// back ends (the interpreter in runtime/interp and the LLVM JIT in codegen/).
// A rule is a typed boolean predicate over a frame of one line, optionally
// one other line of the same day, and the claim; plus what to do when it holds.
// Expressions live in one arena and refer to each other by index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/code.h"
#include "model/date.h"
#include "model/edit.h"

namespace edict::ir {

/// Which line of the frame an expression reads.
enum class Binding : std::uint8_t {
  Line,   ///< the line the edit is about
  Other,  ///< another line of the same patient, provider and date
};

/// Integer-valued fields of a line (codes and dates are integers in the IR).
enum class LineField : std::uint8_t { Code, Units, Minutes, Date, Position };

/// Comparison operators on integers.
enum class CmpOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

/// Index of an expression in Program::exprs.
using ExprId = std::uint32_t;

/// One node of a predicate.
struct Expr {
  enum class Kind : std::uint8_t {
    BoolConst,      ///< value (0 or 1)
    IntConst,       ///< value
    Field,          ///< binding.field, an integer
    Compare,        ///< operands[0] op operands[1]
    And,            ///< all operands (short-circuit)
    Or,             ///< any operand (short-circuit)
    Not,            ///< operands[0] is false
    HasModifierIn,  ///< binding carries a modifier of modifierSets[set]
    SitesDiffer,    ///< line and other both carry modifiers of `set`, none shared
  };

  Kind kind = Kind::BoolConst;
  Binding binding = Binding::Line;
  LineField field = LineField::Code;
  CmpOp op = CmpOp::Eq;
  std::int64_t value = 0;
  std::uint32_t set = 0;
  std::vector<ExprId> operands;
};

/// A named set of modifiers, sorted and without duplicates.
struct ModifierSet {
  std::string name;
  std::vector<model::Modifier> members;
};

/// Which lines a rule's predicate is evaluated over.
enum class RuleScope : std::uint8_t {
  Line,           ///< once per line
  LineWithOther,  ///< once per ordered pair of distinct same-day lines
};

/// One compiled edit.
struct Rule {
  /// Stable id reported in results; rows of one pair share it.
  std::string id;
  model::Action action = model::Action::Deny;
  std::string reason;
  std::string message;
  RuleScope scope = RuleScope::Line;
  /// The rule can only hold for lines with one of these codes (the index).
  std::vector<model::Code> lineCodes;
  /// With LineWithOther: the other line must have one of these codes.
  std::vector<model::Code> otherCodes;
  ExprId predicate = 0;
  /// Where the rule was written, for explanations: `file:line`.
  std::string origin;
};

/// A whole compiled ruleset.
struct Program {
  std::string name;
  std::string title;
  std::string version;
  std::optional<model::Date> effectiveFrom;
  std::optional<model::Date> effectiveUntil;
  std::vector<Expr> exprs;
  std::vector<ModifierSet> modifierSets;
  std::vector<Rule> rules;
};

}  // namespace edict::ir
