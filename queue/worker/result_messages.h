// The messages a worker publishes for one input message: each payer's
// records on that payer's subject, split between claims where they exceed
// what the server takes, each with an id derived from the input message's
// own id (or its stream sequence when it has none), so that the same input
// done twice (after a worker died before acknowledging it, or stored twice
// across a server restart) publishes nothing new. Their headers are in
// queue/message/result_headers.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "queue/message/result_headers.h"
#include "queue/nats/message.h"
#include "queue/worker/evaluate_message.h"

namespace edict::queue {

/// Where an input message came from and where its results go.
struct ResultAddress {
  /// The input message as the Edict-Input header names it: `STREAM:SEQ`.
  std::string input;
  /// What the ids of its results start with (inputKey of
  /// queue/message/subjects.h).
  std::string key;
  /// The subject prefix of result records (`edict.results`).
  std::string subjectPrefix;
  std::uint64_t generation = 0;
  /// The largest body a message may have.
  std::size_t maxBody = 1u << 20;
};

/// The result messages of `evaluation`.
std::vector<OutMessage> resultMessages(const MessageEvaluation& evaluation,
                                       const ResultAddress& address);

}  // namespace edict::queue
