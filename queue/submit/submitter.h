// `edict submit`'s work: reads claims files (any format edict reads),
// packs their claims into messages of the claims stream (ClaimsBatch, N
// claims a message) and publishes them with a bounded number awaiting the
// stream's answer (flow control). Every message has an id (RUN:N), so a
// message whose answer was lost is published again without being stored
// twice; a message refused because the stream is full is retried for a
// while, then reported. Every claim read ends up in a message, or in the
// count of those that could not be stored.
#pragma once

#include <chrono>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/message/claims_message.h"
#include "queue/message/claims_packer.h"
#include "queue/nats/connection.h"
#include "queue/nats/publisher.h"

namespace edict::queue {

struct SubmitOptions {
  std::string subject = "edict.claims";
  /// Claims a message, its largest size, the input format.
  PackOptions pack;
  /// Starts every message id; unique per submission.
  std::string runId;
  /// Attempts per message for failures other than a full stream.
  int attempts = 10;
  /// How long to keep trying while the stream is full.
  std::chrono::milliseconds fullWait{30000};
};

struct SubmitCounts {
  std::uint64_t claims = 0;
  std::uint64_t messages = 0;
  /// Messages the stream already had (sent again after a lost answer).
  std::uint64_t duplicates = 0;
  std::uint64_t retries = 0;
  /// Claims in messages the stream never stored.
  std::uint64_t lost = 0;
  /// Claims too large for a message, sent as rejects.
  std::uint64_t oversized = 0;
};

class Submitter {
 public:
  Submitter(AsyncPublisher& publisher, SubmitOptions options, Log log);

  /// Publishes the claims of `in`, named `name` in reject messages; false
  /// with `problem` when it is not claims (the claims before the point
  /// where reading stopped were published), or when publishing failed.
  bool submitFile(std::istream& in, const std::string& name, std::string& problem);
  /// Waits for the answers still due, retrying failures; false with
  /// `error` when some messages were not stored.
  bool finish(std::string& error);
  [[nodiscard]] const SubmitCounts& counts() const { return counts_; }

 private:
  struct Pending {
    OutMessage message;
    std::size_t claims = 0;
    int attempts = 0;
    std::optional<std::chrono::steady_clock::time_point> fullSince;
  };
  void send(ClaimsBatch& batch);
  void publish(const std::string& id);
  /// Handles the answers that came; with `all`, until none is due.
  void settle(bool all);
  void retry(const std::string& id, const std::string& why, bool full);

  AsyncPublisher& publisher_;
  const SubmitOptions options_;
  const Log log_;
  std::map<std::string, Pending> pending_;
  /// Ids of messages to publish again.
  std::vector<std::string> retries_;
  std::uint64_t nextMessage_ = 0;
  SubmitCounts counts_;
  bool waitingForRoom_ = false;
  /// Set when a message could not be stored: the first reason.
  std::string failure_;
};

}  // namespace edict::queue
