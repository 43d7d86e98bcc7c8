// A pull subscription bound to a durable consumer: the client asks for up
// to N messages when it is ready for them, which is JetStream's flow control
// for workers (a busy worker asks for nothing and gets nothing).
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <string>
#include <vector>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"

namespace edict::queue {

/// The result of one fetch.
enum class FetchResult { Messages, Nothing, Failed };

class PullSubscription {
 public:
  ~PullSubscription();
  PullSubscription(const PullSubscription&) = delete;
  PullSubscription& operator=(const PullSubscription&) = delete;

  /// Binds to the existing consumer `durable` of `stream`; false with the
  /// reason in `error`.
  bool bind(const Connection& connection, const std::string& stream, const std::string& durable,
            std::string& error);
  PullSubscription() = default;

  /// Asks for up to `batch` messages and waits at most `wait` for them:
  /// Messages (appended to `out`), Nothing (none came in time) or Failed
  /// (with the reason in `error`, e.g. the connection is down).
  FetchResult fetch(int batch, std::chrono::milliseconds wait, std::vector<InMessage>& out,
                    std::string& error);

 private:
  natsSubscription* subscription_ = nullptr;
};

}  // namespace edict::queue
