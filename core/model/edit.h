// The outcome of one edit on a claim: what a runner reports, line by line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edict::model {

/// What an edit does to the line (or claim) it names.
enum class Action : std::uint8_t {
  Deny,    ///< not paid
  Modify,  ///< paid with fewer units
  Review,  ///< pended for a person
  Flag,    ///< information only
  Reject,  ///< the claim could not be read; no rule ran
};

/// The lower-case name used in results and in the language (`deny`, ...).
std::string_view actionName(Action action);

/// A line of another claim, from the history, that an edit relates to.
struct PriorLineRef {
  std::string claimId;
  std::uint32_t line = 0;
};

/// One result record (brief §4).
struct Edit {
  std::string claimId;
  /// 1-based line number; empty for claim-level edits and rejects.
  std::optional<std::uint32_t> line;
  std::string rule;
  Action action = Action::Flag;
  std::string reason;
  std::string message;
  std::vector<std::uint32_t> relatedLines;
  /// Lines of earlier claims (the history) the edit relates to; written in
  /// `related_lines` after the claim's own, as {"claim":ID,"line":N}.
  std::vector<PriorLineRef> relatedPrior;
  std::string ruleset;
  std::string version;
  std::optional<std::int32_t> billedUnits;
  std::optional<std::int32_t> allowedUnits;
  /// Medically unlikely edits: CMS's adjudication indicator (1 line, 2 date of
  /// service policy, 3 date of service clinical), the row's rationale, the
  /// remark code (RARC) and whether the denial may be appealed (indicator 3).
  std::optional<std::uint8_t> mueIndicator;
  std::string rationale;
  std::string remark;
  bool appealable = false;
  /// Index of the rule in its program (for coverage and explanations; not
  /// part of the output contract). Unset for rejects.
  std::optional<std::uint32_t> ruleIndex;
};

}  // namespace edict::model
