// Claim history: the lines of claims already adjudicated for a patient,
// which cross-claim edits (PTP pairs and date-of-service MUE limits across
// claims) and frequency limits (`limit ... per 30 days`, `history.count`)
// read. A store (runtime/run's HistoryAccess, back ends in history/) fetches
// them before a claim is evaluated; the evaluator only ever reads this
// prefetched, immutable list, so evaluation stays total and deterministic
// for a given history.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/model/claim.h"
#include "core/model/code.h"
#include "core/model/date.h"
#include "core/model/edit.h"

namespace edict::model {

/// One line of a claim already adjudicated, as the history records it: what
/// was finally allowed of it after every edit.
struct PriorLine {
  /// The historical claim's id, as its payer sent it.
  std::string claimId;
  /// The line's position in that claim, from 1.
  std::uint32_t line = 0;
  Code code;
  std::array<Modifier, 4> modifiers{};
  std::uint8_t modifierCount = 0;
  Date date;
  /// The rendering provider of the line (its own, else its claim's).
  std::string providerNpi;
  /// Units billed, and units allowed after the edits (0 when denied).
  std::int32_t billedUnits = 0;
  std::int32_t allowedUnits = 0;
  /// The strongest action taken on the line (deny > modify > review > flag),
  /// or none when no edit touched it.
  std::optional<Action> action;
};

/// The history of one patient at one payer that one claim is judged with:
/// every prior line, sorted by date, then claim id, then line. Lines with no
/// allowed units (denied) are kept, with allowedUnits 0, so explanations can
/// name them; edits count allowed units only.
struct ClaimHistory {
  std::vector<PriorLine> lines;
};

/// What evaluating `claim` left of each of its lines: one PriorLine per line,
/// in claim order, from the claim's own edits (`edits` as the evaluator
/// appended them). A denied line is allowed 0 units, a modified line the
/// edit's allowed units (the smallest when several), any other line its
/// billed units. A claim with a Reject record is not history: returns none.
std::vector<PriorLine> outcomeLines(const Claim& claim, std::span<const Edit> edits);

}  // namespace edict::model
