// The arithmetic behind `units` and `limit` rules for one claim line, as
// text for people: for `edict explain` and `run --explain`. Minutes per
// code, the day's total, the units, the allocation and why; or the daily
// or MUE limit, the units earlier lines took and what was left.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/ir/program.h"
#include "core/model/claim.h"
#include "core/model/history.h"

namespace edict::explain {

/// One block per `units` or `limit` rule that applies to line `line`
/// (1-based) of `claim` (only rule `onlyRule` when given), each headed by
/// the rule's id and ending with the billed and allowed units and the
/// outcome; empty when no such rule applies (or `line` is out of range).
/// Evaluated with the interpreter on the same views the evaluator builds,
/// with the patient's `history` when given (daily and frequency limits
/// count its paid lines).
std::string explainUnits(const ir::Program& program, const model::Claim& claim, std::uint32_t line,
                         std::optional<std::uint32_t> onlyRule = std::nullopt,
                         const model::ClaimHistory* history = nullptr);

/// Every line of `text` indented by `spaces`.
std::string indented(const std::string& text, std::size_t spaces);

}  // namespace edict::explain
