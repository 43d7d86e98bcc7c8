// `edict collect`'s work: reads result messages from a durable pull
// consumer of the results stream, writes their records (JSON Lines, the
// records `edict run` writes) and acknowledges each message once its
// records are written and flushed. It knows it is done by the claims the
// messages account for (their Edict-Claims header: a claim with no edit
// has no record but is counted) reaching --expect, or by nothing arriving
// for --idle seconds. A result message whose id it wrote within the
// duplicate window is acknowledged and not written again.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "queue/collect/recent_ids.h"
#include "queue/nats/connection.h"
#include "queue/nats/pull.h"
#include "queue/nats/streams.h"

namespace edict::queue {

struct CollectOptions {
  /// The consumer (created when absent), with its stream and filter.
  ConsumerSpec consumer;
  /// Stop once the records of this many claims are written.
  std::optional<std::uint64_t> expect;
  /// Stop after this long with no result message.
  std::chrono::milliseconds idle{10000};
  int fetch = 256;
  /// How long a result id is remembered (the streams' duplicate window).
  std::chrono::milliseconds duplicateWindow{300000};
};

struct CollectCounts {
  std::uint64_t claims = 0;
  std::uint64_t records = 0;
  std::uint64_t messages = 0;
  /// Result messages not written: their id was written before.
  std::uint64_t duplicates = 0;
};

class Collector {
 public:
  Collector(const Connection& connection, CollectOptions options, Log log);
  bool start(std::string& error);
  /// Writes records to `out` until done or `stop`; false with `error` when
  /// --expect was not met (or was passed: records of other claims came).
  bool run(std::ostream& out, const std::atomic<bool>& stop, std::string& error);
  [[nodiscard]] const CollectCounts& counts() const { return counts_; }

 private:
  const Connection& connection_;
  const CollectOptions options_;
  const Log log_;
  PullSubscription pull_;
  RecentIds written_;
  CollectCounts counts_;
};

}  // namespace edict::queue
