#include "support/prior_lines.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::testing {

model::ClaimHistory historyOf(const std::vector<Prior>& lines) {
  model::ClaimHistory history;
  for (const Prior& p : lines) {
    model::PriorLine& line = history.lines.emplace_back();
    line.claimId = p.claim;
    line.line = p.line;
    line.code = *model::Code::parse(p.code);
    for (const char* m : p.modifiers)
      line.modifiers[line.modifierCount++] = *model::Modifier::parse(m);
    line.date = *model::Date::parseIso(p.date);
    line.providerNpi = p.provider;
    line.billedUnits = std::max(p.allowed, 1);
    line.allowedUnits = p.allowed;
    if (p.allowed == 0) line.action = model::Action::Deny;
  }
  return history;
}

std::string relatedText(const model::Edit& edit) {
  std::string out;
  for (std::uint32_t l : edit.relatedLines) out += fmt::format("{}{}", out.empty() ? "" : " ", l);
  for (const model::PriorLineRef& p : edit.relatedPrior)
    out += fmt::format("{}{}:{}", out.empty() ? "" : " ", p.claimId, p.line);
  return out;
}

}  // namespace edict::testing
