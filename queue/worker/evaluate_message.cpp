#include "queue/worker/evaluate_message.h"

#include "queue/message/payer_groups.h"

namespace edict::queue {

MessageEvaluation evaluateMessage(std::string_view body, const ClaimsHeaders& headers,
                                  const std::string& fallbackName, const run::Router& router,
                                  run::BatchRunner& runner) {
  MessageEvaluation evaluation;
  auto reader = openMessageClaims(body, headers, fallbackName, evaluation.problem);
  if (!reader) return evaluation;
  std::vector<PayerGroup> groups = groupByPayer(*reader);
  evaluation.problem = reader->fatalError();
  for (PayerGroup& group : groups) {
    PayerPart& part = evaluation.parts.emplace_back();
    part.payer = std::move(group.payer);
    part.claims = group.items.size();
    ItemsReader items(group.items);
    runner.run(
        router, items, [&part](std::string_view text) { part.records.append(text); },
        evaluation.summary);
  }
  return evaluation;
}

}  // namespace edict::queue
