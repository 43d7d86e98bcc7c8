// `edict worker`'s loop: pulls messages of claims from a durable consumer,
// evaluates each with the catalogue in service (service/catalogue, the one
// `edict run` and `edict serve` load), publishes each payer's records to
// the results stream, and acknowledges the input only once the results
// stream has stored every one of its result messages. A worker that dies
// before that leaves the input unacknowledged: the server delivers it
// again after the ack wait, and the results stream drops the result
// messages it already has (their ids come from the input's sequence), so
// each input's records are stored once (docs/scale-out.md).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"
#include "queue/nats/publisher.h"
#include "queue/nats/pull.h"
#include "runtime/run/batch_runner.h"
#include "service/catalogue/live_catalogue.h"

namespace edict::queue {

struct WorkerOptions {
  std::string claimsStream = "EDICT_CLAIMS";
  std::string consumer = "edict-workers";
  /// Result records go to RESULTS.PAYER.
  std::string resultsSubject = "edict.results";
  /// Messages that are not claims, and those that failed every delivery.
  std::string deadSubject = "edict.dead";
  /// Messages taken per pull, and how long a pull waits for them.
  int fetch = 64;
  std::chrono::milliseconds fetchWait{500};
  /// Result messages awaiting the stream's answer at once.
  int inFlight = 256;
  /// How long the results stream may take to answer.
  std::chrono::milliseconds answerWait{5000};
  /// The wait before a message whose results could not be stored is
  /// delivered again (times its deliveries so far).
  std::chrono::milliseconds retryDelay{1000};
};

/// What a worker did, for its log.
struct WorkerCounts {
  std::uint64_t messages = 0;
  /// Of those, messages delivered before (to a worker that died, or whose
  /// results were not stored).
  std::uint64_t redelivered = 0;
  std::uint64_t resultMessages = 0;
  /// Result messages the stream already had (from an earlier delivery).
  std::uint64_t duplicates = 0;
  std::uint64_t deadLetters = 0;
  /// Inputs handed back for another delivery (results not stored).
  std::uint64_t retried = 0;
  run::RunSummary summary;
  /// When the first message was taken and the last one settled (seconds
  /// since the epoch; 0 before any): the window throughput is measured in.
  double firstTaken = 0;
  double lastSettled = 0;
};

class Worker {
 public:
  Worker(const Connection& connection, const service::LiveCatalogue& catalogue,
         run::BatchRunner& runner, WorkerOptions options, Log log);

  /// Binds to the consumer and readies the publisher.
  bool start(std::string& error);
  /// Works until `stop` is set; the messages in hand are finished (and
  /// acknowledged) first, those fetched and not begun are handed back.
  void run(const std::atomic<bool>& stop);
  [[nodiscard]] const WorkerCounts& counts() const { return counts_; }

 private:
  /// One input message being worked on.
  struct Job {
    InMessage* message = nullptr;
    /// False when the stop came before it was begun.
    bool begun = false;
    std::uint64_t deliveries = 0;
    /// Its result messages (and dead letter), until published.
    std::vector<OutMessage> out;
    bool deadLetter = false;
    run::RunSummary summary;
    /// The ids published, each awaiting the stream's answer.
    std::vector<std::string> ids;
    std::string failure;
  };
  void work(std::vector<InMessage>& batch, const std::atomic<bool>& stop);
  void evaluate(InMessage& message, Job& job);
  void settle(std::vector<Job>& jobs);

  const Connection& connection_;
  const service::LiveCatalogue& catalogue_;
  run::BatchRunner& runner_;
  const WorkerOptions options_;
  const Log log_;
  PullSubscription pull_;
  AsyncPublisher publisher_;
  WorkerCounts counts_;
};

}  // namespace edict::queue
