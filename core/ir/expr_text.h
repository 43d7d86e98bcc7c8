// Rule IR back to readable text, in the language's own words
// (`line.code == 97110`, `same_day.has(97150)`): for explanations, IR dumps
// and error reports about compiled rules.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/ir/program.h"

namespace edict::ir {

/// `id` as source-like text; constants are shown as what they are compared
/// with (a code, a date, a text of the string table).
std::string exprText(const Program& program, ExprId id);

/// The operands of `id` if it is an `and`, else `id` alone: the conditions
/// an explanation checks one by one.
std::vector<ExprId> conjuncts(const Program& program, ExprId id);

/// `line.units = 2, line.code = 97110`: the claim values `id` reads, and the
/// counts and sums over lines it judges (`claim.lines.units(all) = 14`), as
/// `value(expr)` gives them. `value` returns an expression's value; `text`,
/// when given, a text field's value as the claim has it (the frame holds
/// only an index into the strings the rules compare with).
std::string fieldsRead(const Program& program, ExprId id,
                       const std::function<std::int64_t(ExprId)>& value,
                       const std::function<std::string(const Expr&)>& text = {});

}  // namespace edict::ir
