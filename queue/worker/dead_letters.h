// What becomes of a message that failed every delivery: the server gives
// up on it after the consumer's max deliveries and says so in an advisory;
// the workers listen for those advisories (one worker takes each) and move
// the message, with why, from the claims stream to the dead-letter subject,
// where an operator can look at it and submit it again. A message that is
// not claims at all is sent there by the worker that read it, at once.
#pragma once

#include <string>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"
#include "queue/nats/subscription.h"

namespace edict::queue {

/// The header that says why a message is a dead letter.
inline constexpr const char* kDeadProblemHeader = "Edict-Problem";

/// The dead letter of claims message `message` (as delivered, or as the
/// stream stored it): its body and claims headers, with `problem` and which
/// `input` (STREAM:SEQ) it was; its id makes moving it twice store it once.
OutMessage deadLetter(const InMessage& message, const std::string& subject,
                      const std::string& input, const std::string& problem);

/// Moves the messages the server gave up on to the dead-letter subject.
class DeadLetterMover {
 public:
  DeadLetterMover(const Connection& connection, std::string claimsStream, std::string consumer,
                  std::string deadSubject, Log log);
  bool start(std::string& error);

 private:
  void move(InMessage& advisory);
  const Connection& connection_;
  const std::string claimsStream_;
  const std::string consumer_;
  const std::string deadSubject_;
  const Log log_;
  Subscription subscription_;
};

}  // namespace edict::queue
