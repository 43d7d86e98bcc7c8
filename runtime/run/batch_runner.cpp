#include "run/batch_runner.h"

#include <fmt/format.h>

#include <vector>

namespace edict::run {

std::string RunSummary::describe() const {
  std::string out = fmt::format("{} claims read, {} evaluated, {} rejected; edits:", read,
                                evaluated, rejected);
  for (auto action : {model::Action::Deny, model::Action::Modify, model::Action::Review,
                      model::Action::Flag})
    out += fmt::format(" {} {}", editsByAction[static_cast<std::size_t>(action)],
                       model::actionName(action));
  return out;
}

model::Edit rejectRecord(const read::RejectedClaim& rejected, const RulesetLabel& label) {
  model::Edit edit;
  edit.claimId = rejected.claimId;
  edit.action = model::Action::Reject;
  edit.reason = "invalid-input";
  edit.message = fmt::format("{}:{}: {}", rejected.origin.file, rejected.origin.position,
                             rejected.message);
  edit.ruleset = label.name;
  edit.version = label.version;
  return edit;
}

void runClaims(read::ClaimReader& reader, const eval::Evaluator& evaluator,
               const RulesetLabel& label, const RecordSink& sink, RunSummary& summary) {
  read::ReadItem item;
  std::vector<model::Edit> edits;
  while (reader.next(item)) {
    ++summary.read;
    if (auto* rejected = std::get_if<read::RejectedClaim>(&item)) {
      ++summary.rejected;
      sink(rejectRecord(*rejected, label));
      continue;
    }
    edits.clear();
    evaluator.evaluate(std::get<model::Claim>(item), edits);
    ++summary.evaluated;
    for (const model::Edit& edit : edits) {
      ++summary.editsByAction[static_cast<std::size_t>(edit.action)];
      sink(edit);
    }
  }
}

}  // namespace edict::run
