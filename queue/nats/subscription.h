// A plain (not JetStream) subscription with a handler: how a worker hears
// control requests and the server's advisories. The handler runs on a
// thread of the library, one message at a time.
#pragma once

#include <nats/nats.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"

namespace edict::queue {

class Subscription {
 public:
  using Handler = std::function<void(InMessage& message)>;
  Subscription() = default;
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  /// Subscribes to `subject`; with a `queueGroup`, each message goes to one
  /// member of the group only. False with the reason in `error`.
  bool subscribe(const Connection& connection, const std::string& subject,
                 const std::string& queueGroup, Handler handler, std::string& error);

 private:
  static void onMessage(natsConnection* nc, natsSubscription* sub, natsMsg* message, void* closure);
  static void onComplete(void* closure);
  natsSubscription* subscription_ = nullptr;
  Handler handler_;
  /// Set by the library once the handler will not run again (on its own
  /// thread): until then this object must stay.
  std::atomic<bool> complete_{false};
};

/// Answers a request (a message with a reply subject); true when there is
/// nobody to answer.
bool respond(const Connection& connection, const InMessage& request, std::string_view text,
             std::string& error);

/// Sends a request to `subject` and gathers every answer that comes within
/// `wait` (a request that many listeners answer, such as a reload).
std::vector<std::string> requestAll(const Connection& connection, const std::string& subject,
                                    std::string_view body, std::chrono::milliseconds wait,
                                    std::string& error);

}  // namespace edict::queue
