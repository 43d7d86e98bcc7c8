#include "core/model/history.h"

#include <algorithm>

namespace edict::model {

namespace {

/// How strongly an action holds a line back: deny over modify over review over flag.
int strength(Action action) {
  switch (action) {
    case Action::Deny: return 4;
    case Action::Modify: return 3;
    case Action::Review: return 2;
    case Action::Flag: return 1;
    case Action::Reject: return 5;
  }
  return 0;
}

}  // namespace

std::vector<PriorLine> outcomeLines(const Claim& claim, std::span<const Edit> edits) {
  for (const Edit& edit : edits)
    if (edit.action == Action::Reject) return {};

  std::vector<PriorLine> out;
  out.reserve(claim.lines.size());
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const Line& line = claim.lines[i];
    PriorLine prior;
    prior.claimId = claim.id;
    prior.line = static_cast<std::uint32_t>(i + 1);
    prior.code = line.code;
    prior.modifiers = line.modifiers;
    prior.modifierCount = line.modifierCount;
    prior.date = line.date;
    prior.providerNpi = claim.providerOf(line);
    prior.billedUnits = line.units;
    prior.allowedUnits = line.units;
    out.push_back(std::move(prior));
  }
  for (const Edit& edit : edits) {
    if (!edit.line || *edit.line == 0 || *edit.line > out.size()) continue;
    PriorLine& prior = out[*edit.line - 1];
    if (!prior.action || strength(edit.action) > strength(*prior.action))
      prior.action = edit.action;
    if (edit.action == Action::Deny) prior.allowedUnits = 0;
    if (edit.action == Action::Modify && edit.allowedUnits)
      prior.allowedUnits = std::min(prior.allowedUnits, std::max(0, *edit.allowedUnits));
  }
  return out;
}

}  // namespace edict::model
