#include "queue/worker/dead_letters.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "queue/message/claims_message.h"
#include "queue/message/result_headers.h"
#include "queue/nats/stored_messages.h"

namespace edict::queue {

OutMessage deadLetter(const InMessage& message, const std::string& subject,
                      const std::string& input, const std::string& problem) {
  OutMessage dead;
  dead.subject = subject;
  dead.body = message.body();
  for (const char* key : {kSourceHeader, kPositionsHeader, kRejectedHeader, kFormatHeader})
    if (auto value = message.header(key)) dead.headers.emplace_back(key, *value);
  dead.headers.emplace_back(kDeadProblemHeader, problem);
  dead.headers.emplace_back(kInputHeader, input);
  dead.id = "dead:" + input;
  return dead;
}

DeadLetterMover::DeadLetterMover(const Connection& connection, std::string claimsStream,
                                 std::string consumer, std::string deadSubject, Log log)
    : connection_(connection),
      claimsStream_(std::move(claimsStream)),
      consumer_(std::move(consumer)),
      deadSubject_(std::move(deadSubject)),
      log_(std::move(log)) {}

bool DeadLetterMover::start(std::string& error) {
  const std::string advisories =
      fmt::format("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{}.{}", claimsStream_, consumer_);
  return subscription_.subscribe(
      connection_, advisories, "edict-dead-letters",
      [this](InMessage& advisory) { move(advisory); }, error);
}

void DeadLetterMover::move(InMessage& advisory) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  std::uint64_t sequence = 0;
  std::uint64_t deliveries = 0;
  const std::string_view body = advisory.body();
  if (parser.parse(body.data(), body.size()).get(object) != simdjson::SUCCESS ||
      object["stream_seq"].get(sequence) != simdjson::SUCCESS) {
    log_(fmt::format("edict worker: an advisory on {} is not understood", advisory.subject()));
    return;
  }
  if (object["deliveries"].get(deliveries) != simdjson::SUCCESS) deliveries = 0;
  const std::string input = fmt::format("{}:{}", claimsStream_, sequence);

  std::string error;
  std::optional<InMessage> original = storedMessage(connection_, claimsStream_, sequence, error);
  if (!original) {
    // Another worker moved it already, or it was acknowledged at last.
    log_(fmt::format(
        "edict worker: message {} failed {} deliveries but is gone from the stream ({})", input,
        deliveries, error));
    return;
  }
  const std::string problem = fmt::format(
      "failed {} deliveries: the worker that had it died, or its results could not be stored",
      deliveries);
  if (!publishAndWait(connection_, deadLetter(*original, deadSubject_, input, problem), error)) {
    log_(
        fmt::format("edict worker: message {} failed {} deliveries and cannot go to {} ({}); it "
                    "stays in stream {}",
                    input, deliveries, deadSubject_, error, claimsStream_));
    return;
  }
  const bool deleted = deleteStoredMessage(connection_, claimsStream_, sequence, error);
  log_(fmt::format("edict worker: message {} failed {} deliveries; moved to {}{}", input,
                   deliveries, deadSubject_,
                   deleted ? "" : fmt::format(" (and left in {}: {})", claimsStream_, error)));
}

}  // namespace edict::queue
