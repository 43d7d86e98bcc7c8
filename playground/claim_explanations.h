// `edict explain`'s text for each claim of an input, cut into one block per
// edit, with the record each edit is written as: what lets the page put
// each edit's explanation under its row of the results.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ir/program.h"

namespace edict::playground {

/// One claim of the input, as `edict explain` tells it.
struct ClaimExplanation {
  /// Its id (empty when a malformed claim had none).
  std::string claimId;
  /// Whether the reader refused it (no explanation then).
  bool rejected = false;
  /// The record of each of its edits (a refused claim's: its reject
  /// record), in the order `edict run` writes them, each with its newline.
  std::vector<std::string> records;
  /// For each record, the claim's lines and the part of the explanation
  /// about that edit (empty for a refused claim).
  std::vector<std::string> blocks;
  /// The whole explanation (`edict explain`'s text for the claim).
  std::string text;
};

/// Reads `claims` (any format `edict run` reads, detected from content;
/// `name` names it in reject messages) and explains each claim under
/// `program`. Stops reading after `maxClaims` claims. Empty, with the
/// reason in `problem`, when the input is not claims.
std::vector<ClaimExplanation> explainClaims(const ir::Program& program, std::string_view claims,
                                            const std::string& name, std::size_t maxClaims,
                                            std::string& problem);

/// The part of `explanation` (a claim's, by `edict explain`) about each of
/// `headings` in turn (`line 2: deny ptp_97140_97530`, as the explanation
/// heads each edit), each after `header` (the explanation's first part,
/// which lists the claim's lines); the whole explanation for a heading not
/// found in order.
std::vector<std::string> editBlocks(const std::string& explanation,
                                    const std::vector<std::string>& headings);

}  // namespace edict::playground
