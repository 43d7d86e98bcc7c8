// Publishing to JetStream without waiting for each answer: up to N
// messages are in flight, publish() waits while N are (the flow control of
// `edict submit` and of a worker's results), and every message's answer
// (stored, duplicate, or why not) comes back by its message id, so that the
// caller retries exactly those that failed, under the same id, which the
// stream's de-duplication makes safe.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"

namespace edict::queue {

/// The stream's answer to one message.
struct PublishOutcome {
  /// The message's id.
  std::string id;
  /// Stored now, or already (a duplicate within the window): done either way.
  bool stored = false;
  bool duplicate = false;
  /// Refused because the stream is full.
  bool full = false;
  /// Why it was not stored (refused, or no answer in time).
  std::string error;
};

class AsyncPublisher {
 public:
  /// `maxInFlight` messages may await their answer at once; an answer that
  /// takes longer than `answerWait` counts as a failure.
  AsyncPublisher(const Connection& connection, int maxInFlight,
                 std::chrono::milliseconds answerWait);
  ~AsyncPublisher();
  AsyncPublisher(const AsyncPublisher&) = delete;
  AsyncPublisher& operator=(const AsyncPublisher&) = delete;

  /// Makes the JetStream context; false with the reason in `error`.
  bool start(std::string& error);
  /// Sends `message`, whose id must be set; waits while the window is full.
  /// False when it could not be sent (then no answer will come for it).
  bool publish(const OutMessage& message, std::string& error);
  /// The answers that came since the last call.
  std::vector<PublishOutcome> takeOutcomes();
  /// Waits until every message sent has its answer, at most `wait`; false
  /// when some have none yet.
  bool waitAll(std::chrono::milliseconds wait);
  [[nodiscard]] int inFlight() const;

 private:
  static void onAnswer(jsCtx* js, natsMsg* message, jsPubAck* ack, jsPubAckErr* failure,
                       void* closure);

  const Connection& connection_;
  const int maxInFlight_;
  const std::chrono::milliseconds answerWait_;
  jsCtx* jetStream_ = nullptr;
  mutable std::mutex mutex_;
  std::condition_variable answered_;
  std::vector<PublishOutcome> outcomes_;
  int inFlight_ = 0;
};

}  // namespace edict::queue
