// The checker's output: a ruleset whose every value is valid and resolved
// (codes, modifiers and dates parsed, names bound, types checked, defaults
// filled in, inherited rules overridden or disabled). Conditions are already
// typed IR expressions in `program`'s arena; lowering (lower/) adds the pair
// predicates and produces the final rule list.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/ir/program.h"
#include "core/model/code.h"
#include "core/model/date.h"
#include "frontend/ast/ruleset.h"

namespace edict::check {

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
  std::string file;
  /// `keep reverse`: the pair of the same codes the other way round stays in force.
  bool keepReverse = false;
};

/// A general rule or a modifier rule, with its condition as typed IR.
struct CheckedRule {
  std::string id;
  model::Action action = model::Action::Deny;
  bool onClaim = false;
  std::string reason;
  /// Message template (placeholders checked).
  std::string message;
  ir::ExprId predicate = 0;
  std::optional<ir::ExprId> units;
  /// Codes the line must have for the rule to hold; anyCode when unconstrained.
  std::vector<model::Code> lineCodes;
  bool anyCode = false;
  /// A `units` statement: the codes it governs (for overlap checks), and
  /// whether minutes on them make a claim invalid (untimed codes).
  std::optional<std::vector<std::pair<std::uint32_t, std::uint32_t>>> unitCodes;
  bool rejectsMinutes = false;
  /// What the rule encodes when its condition does not say it all (a
  /// frequency limit's count and window), for explanations and hovers.
  std::string detail;
  std::string origin;
  source::Span span;
  std::string file;
};

/// `pairs from "file"`: a whole table of PTP rows, kept as data.
struct PairTableItem {
  /// `pairs_<file stem>`; `disable` takes it, and `ptp_C1_C2` ids reach its rows.
  std::string id;
  /// Rows (bypass sets not yet assigned; lowering adds them).
  ir::PairTable table;
  std::vector<model::Modifier> bypass;
  std::string reason;
  std::string origin;
  source::Span span;
  std::string file;
};

/// Medically unlikely edits kept as data: a whole `limits from` table, or
/// the one row of a `limit` statement.
struct MueTableItem {
  /// `mues_<file stem>` for a table (`mue_CODE` ids reach its rows);
  /// `mue_CODE`, or the `id` clause, for a `limit` statement.
  std::string id;
  /// Rows sorted by (code, effective); `source` is empty for a `limit`.
  ir::MueTable table;
  std::string reason;
  /// A `limit`'s `message` clause; empty: the evaluator says what the row says.
  std::string message;
  std::string origin;
  source::Span span;
  std::string file;
};

/// A rule of the ruleset, in the order written (inherited ones first).
using Item = std::variant<PairRow, CheckedRule, PairTableItem, MueTableItem>;

/// The id of an item.
const std::string& idOf(const Item& item);

/// A checked ruleset, ready for lowering; also the starting point of a
/// ruleset that extends it.
struct CheckedRuleset {
  std::string name;
  std::string title;
  std::string version;
  std::optional<model::Date> effectiveFrom;
  std::optional<model::Date> effectiveUntil;
  /// Expressions, code and modifier sets, strings and diagnosis patterns of
  /// the conditions; `program.rules` stays empty until lowering.
  ir::Program program;
  std::vector<Item> items;
  /// This file's tests; never inherited.
  std::vector<ir::TestCase> tests;
  /// Named sets visible to a ruleset that extends or includes this one.
  std::map<std::string, std::vector<model::Modifier>> modifierSets;
  std::map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> codeSets;
  /// Places of service (`"12"`) and diagnosis patterns (`"M54.5*"`), by set name.
  std::map<std::string, std::vector<std::string>> placeSets;
  std::map<std::string, std::vector<std::string>> diagnosisSets;
};

}  // namespace edict::check
