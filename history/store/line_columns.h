// How a recorded line's fields are stored as database columns, the same in
// both back ends: the code and the modifiers as text (`GP 59`), the date as
// `YYYY-MM-DD`, the action by its name or none. Reading back checks each
// value, so a damaged row is an error that names it, not a wrong history.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/history.h"
#include "runtime/run/history_access.h"

namespace edict::history {

/// `GP 59`: the line's modifiers separated by spaces.
std::string modifiersColumn(const model::PriorLine& line);
/// The action's name, or nullopt for none.
std::optional<std::string_view> actionColumn(const model::PriorLine& line);
/// The X12 frequency code stored for a claim: 1, 7 or 8.
int frequencyColumn(model::ClaimFrequency frequency);

/// The text columns of a stored line, as read.
struct LineColumns {
  std::string_view claimId;
  std::int64_t line = 0;
  std::string_view code;
  std::string_view modifiers;
  std::string_view date;
  std::string_view provider;
  std::int64_t billedUnits = 0;
  std::int64_t allowedUnits = 0;
  /// Empty for none.
  std::string_view action;
};

/// The line a stored row holds; throws run::HistoryError naming the claim
/// and line when a value is not one edict writes.
model::PriorLine lineFromColumns(const LineColumns& columns);

/// The status a stored claim row holds; throws run::HistoryError otherwise.
run::ClaimStatus statusFromColumn(std::string_view text);

}  // namespace edict::history
