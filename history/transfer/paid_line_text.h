// The paid-lines file of `edict history export` and `import`: one recorded
// line per record, JSON Lines or CSV, with the same field names
// (docs/history.md): payer, claim, line, patient, code, modifiers, date,
// provider, billed_units, allowed_units, action. What export writes, import
// reads back into an equal history; a vendor's own history of paid lines
// comes in the same way.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "history/store/history_store.h"

namespace edict::history {

/// The field names, in the order CSV writes them.
inline constexpr std::array<std::string_view, 11> kPaidLineFields = {
    "payer", "claim",    "line",         "patient",       "code",  "modifiers",
    "date",  "provider", "billed_units", "allowed_units", "action"};

/// One line as a JSON object, with its newline; no `action` when none.
std::string paidLineJson(const PaidLine& paid);

/// The CSV header row, with its newline.
std::string paidLineCsvHeader();
/// One line as a CSV row, with its newline; modifiers separated by spaces.
std::string paidLineCsv(const PaidLine& paid);

}  // namespace edict::history
