#include "queue/worker/result_messages.h"

#include "queue/message/record_chunks.h"
#include "queue/message/subjects.h"

namespace edict::queue {

std::vector<OutMessage> resultMessages(const MessageEvaluation& evaluation,
                                       const ResultAddress& address) {
  std::vector<OutMessage> out;
  const std::string generation = std::to_string(address.generation);
  for (const PayerPart& part : evaluation.parts) {
    const std::string subject = resultsSubject(address.subjectPrefix, part.payer);
    bool first = true;
    for (const RecordChunk& chunk : chunkRecords(part.records, address.maxBody)) {
      OutMessage& message = out.emplace_back();
      message.subject = subject;
      message.body = chunk.records;
      message.id = resultPartId(address.key, part.payer, chunk.firstClaim);
      message.headers = {{kClaimsHeader, std::to_string(first ? part.claims : 0)},
                         {kInputHeader, address.input},
                         {kGenerationHeader, generation}};
      first = false;
    }
  }
  return out;
}

}  // namespace edict::queue
