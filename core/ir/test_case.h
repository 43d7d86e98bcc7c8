// The tests a ruleset carries (`test` blocks): an example claim and the
// edits it must get. Checked by the compiler, run by `edict test`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/claim.h"
#include "core/model/edit.h"
#include "core/model/history.h"

namespace edict::ir {

/// One `expect` of a test.
struct Expectation {
  enum class Kind : std::uint8_t {
    Nothing,      ///< no edit at all
    LineNothing,  ///< no edit on `line`
    NoRule,       ///< `rule` gives no edit
    Edit,         ///< an edit with these properties
  };
  Kind kind = Kind::Edit;
  /// The line (1-based); empty for claim-level edits and for Nothing/NoRule.
  std::optional<std::uint32_t> line;
  model::Action action = model::Action::Deny;
  std::optional<std::string> rule;
  std::optional<std::string> reason;
  std::optional<std::int32_t> allowedUnits;
  /// The expectation as written, for reports.
  std::string text;
};

/// One `test` block.
struct TestCase {
  std::string name;
  model::Claim claim;
  /// The claims a `history { ... }` block says were paid before (the
  /// patient's lines at the claim's payer); absent without the block, and
  /// then the claim is judged as a run without history judges it.
  std::optional<model::ClaimHistory> history;
  std::vector<Expectation> expectations;
  /// `file:line` of the block.
  std::string origin;
};

}  // namespace edict::ir
