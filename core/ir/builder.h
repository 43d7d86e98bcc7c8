// Helpers that append IR expressions to a Program, used by lowering and tests.
#pragma once

#include <initializer_list>

#include "core/ir/program.h"

namespace edict::ir {

/// Appends expressions to `program.exprs` and returns their ids.
class Builder {
 public:
  explicit Builder(Program& program) : program_(program) {}

  ExprId boolConst(bool value);
  ExprId intConst(std::int64_t value);
  /// An IntConst holding the string-table index of `text`.
  ExprId stringConst(const std::string& text);
  ExprId field(Binding binding, LineField field);
  ExprId claimField(ClaimField field);
  /// `binding.field` has a value; for fields that may be absent.
  ExprId known(Binding binding, LineField field);
  ExprId knownClaim(ClaimField field);
  ExprId arith(Expr::Kind kind, ExprId lhs, ExprId rhs);
  ExprId inCodeSet(ExprId code, std::uint32_t set);
  /// SameDayCount, SameDayUnits, ClaimCount or ClaimUnits over `set`.
  ExprId aggregate(Expr::Kind kind, std::uint32_t set);
  ExprId diagnosisAny(std::uint64_t mask);
  ExprId compare(CmpOp op, ExprId lhs, ExprId rhs);
  /// `first <= value <= last`.
  ExprId inRange(ExprId value, ExprId first, ExprId last);
  ExprId allOf(std::vector<ExprId> operands);
  ExprId anyOf(std::vector<ExprId> operands);
  ExprId negate(ExprId operand);
  ExprId hasModifierIn(Binding binding, std::uint32_t set);
  ExprId sitesDiffer(std::uint32_t set);
  /// The units a timed line may keep under `method`, the timed codes being codeSets[set].
  ExprId timedUnits(UnitMethod method, std::uint32_t set);
  /// The units a line may keep when its code may have at most `perDay` units a day.
  ExprId dayLimitUnits(std::int64_t perDay);
  /// The units a line may keep under mueTables[table].
  ExprId mueUnits(std::uint32_t table);
  /// HistoryCount or HistoryUnits of the codes of codeSets[set] in `window`
  /// (a number of days, or kCalendarYear).
  ExprId history(Expr::Kind kind, std::uint32_t set, std::int64_t window);
  /// The units a line may keep when at most `max` units (`countUnits`) or
  /// services of codeSets[set] are paid in any `window`.
  ExprId frequencyUnits(bool countUnits, std::uint32_t set, std::int64_t window, std::int64_t max);

  /// Adds a modifier set (sorted, deduplicated) and returns its index.
  std::uint32_t modifierSet(std::string name, std::vector<model::Modifier> members);
  /// Adds a code set (ranges sorted and merged) and returns its index.
  std::uint32_t codeSet(std::string name,
                        std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges);
  /// The index of `text` in the string table, added if new.
  std::uint32_t string(const std::string& text);

 private:
  ExprId add(Expr expr);
  Program& program_;
};

}  // namespace edict::ir
