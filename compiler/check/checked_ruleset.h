// The checker's output: a ruleset whose every value is valid and resolved
// (codes, modifiers and dates parsed, names bound, defaults filled in).
// Lowering (ir/lower.h) turns it into the rule IR.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/ruleset.h"
#include "model/code.h"
#include "model/date.h"

namespace edict::check {

/// A resolved modifier set.
struct ModifierSetValue {
  std::string name;
  std::vector<model::Modifier> members;
};

/// One procedure-to-procedure row, fully resolved.
struct PairRow {
  std::string id;
  model::Code column1;
  model::Code column2;
  ast::Indicator indicator = ast::Indicator::NotAllowed;
  std::string rationale;
  model::Date since;
  /// The last date the row applies; kEndOfTime when it has no deletion date.
  model::Date until = model::kEndOfTime;
  /// Modifiers that bypass the edit when the indicator is 1.
  std::vector<model::Modifier> bypass;
  std::string reason;
  /// `file:line` of the statement.
  std::string origin;
  /// Where the statement starts, for diagnostics about the row.
  source::Span span;
};

/// A checked ruleset, ready for lowering.
struct CheckedRuleset {
  std::string name;
  std::string title;
  std::string version;
  std::optional<model::Date> effectiveFrom;
  std::optional<model::Date> effectiveUntil;
  std::vector<ModifierSetValue> modifierSets;
  std::vector<PairRow> pairs;
};

}  // namespace edict::check
