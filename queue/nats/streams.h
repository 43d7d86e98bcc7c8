// The JetStream streams and consumers edict uses, created when absent: a
// verb declares what it needs (StreamSpec, ConsumerSpec) and ensure*()
// makes it so, or says clearly why an existing one cannot serve (a claims
// stream that is not a work queue would keep every claim forever).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "queue/nats/connection.h"

namespace edict::queue {

/// A stream as edict creates it: file storage, discarding new messages
/// when full (so that a full stream refuses work instead of dropping work
/// not yet done).
struct StreamSpec {
  std::string name;
  std::vector<std::string> subjects;
  /// Work-queue retention (a message goes when acknowledged) or limits
  /// retention (it stays until the limits below remove it).
  bool workQueue = true;
  /// Limits; -1 for none.
  std::int64_t maxBytes = -1;
  std::int64_t maxMessages = -1;
  std::chrono::seconds maxAge{0};
  /// How long message ids are remembered to drop duplicates.
  std::chrono::seconds duplicateWindow{300};
  int replicas = 1;
};

/// Creates the stream when it does not exist; checks the retention of one
/// that does. False with the reason in `error` when the stream cannot be
/// used. `log` hears what was created.
bool ensureStream(const Connection& connection, const StreamSpec& spec, const Log& log,
                  std::string& error);

/// A durable pull consumer with explicit acknowledgements.
struct ConsumerSpec {
  std::string stream;
  std::string durable;
  /// Only messages on this subject (wildcards allowed); empty for all.
  std::string filterSubject;
  /// How long a delivered message may go unacknowledged before it is
  /// delivered again.
  std::chrono::milliseconds ackWait{30000};
  /// Deliveries of one message before the server gives up on it; -1 for
  /// no limit.
  std::int64_t maxDeliveries = 5;
  /// Messages delivered and not yet acknowledged, across all its clients.
  std::int64_t maxAckPending = 1000;
};

/// Creates the consumer when it does not exist, and updates the ack wait,
/// deliveries and pending limits of one that does when they differ.
bool ensureConsumer(const Connection& connection, const ConsumerSpec& spec, const Log& log,
                    std::string& error);

/// What a stream holds now.
struct StreamState {
  std::uint64_t messages = 0;
  std::uint64_t bytes = 0;
  std::uint64_t lastSequence = 0;
};
bool streamState(const Connection& connection, const std::string& stream, StreamState& state,
                 std::string& error);

/// Where a consumer stands now.
struct ConsumerState {
  std::uint64_t pending = 0;
  std::int64_t ackPending = 0;
  std::int64_t redelivered = 0;
  std::int64_t maxDeliveries = 0;
  std::chrono::milliseconds ackWait{0};
};
bool consumerState(const Connection& connection, const std::string& stream,
                   const std::string& durable, ConsumerState& state, std::string& error);

}  // namespace edict::queue
