#include "queue/nats/subscription.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

Subscription::~Subscription() {
  if (subscription_) {
    // A message may be in the handler on the library's thread now; the
    // on-complete callback runs after the last one, so wait for it
    // (bounded: after a failed unsubscribe it may never come).
    if (natsSubscription_Unsubscribe(subscription_) == NATS_OK) awaitLibraryCallback(complete_);
    natsSubscription_Destroy(subscription_);
  }
}

void Subscription::onComplete(void* closure) {
  static_cast<Subscription*>(closure)->complete_.store(true);
}

void Subscription::onMessage(natsConnection*, natsSubscription*, natsMsg* message, void* closure) {
  InMessage owned(message);
  static_cast<Subscription*>(closure)->handler_(owned);
}

bool Subscription::subscribe(const Connection& connection, const std::string& subject,
                             const std::string& queueGroup, Handler handler, std::string& error) {
  handler_ = std::move(handler);
  const natsStatus s =
      queueGroup.empty()
          ? natsConnection_Subscribe(&subscription_, connection.nats(), subject.c_str(),
                                     &Subscription::onMessage, this)
          : natsConnection_QueueSubscribe(&subscription_, connection.nats(), subject.c_str(),
                                          queueGroup.c_str(), &Subscription::onMessage, this);
  if (s != NATS_OK) {
    error = fmt::format("cannot subscribe to {}: {}", subject, describeStatus(s));
    return false;
  }
  const natsStatus c =
      natsSubscription_SetOnCompleteCB(subscription_, &Subscription::onComplete, this);
  if (c != NATS_OK) {
    error = fmt::format("cannot subscribe to {}: {}", subject, describeStatus(c));
    return false;
  }
  return true;
}

bool respond(const Connection& connection, const InMessage& request, std::string_view text,
             std::string& error) {
  const char* reply = natsMsg_GetReply(request.get());
  if (reply == nullptr || *reply == '\0') return true;
  const natsStatus s =
      natsConnection_Publish(connection.nats(), reply, text.data(), static_cast<int>(text.size()));
  if (s != NATS_OK) {
    error = fmt::format("cannot answer on {}: {}", reply, describeStatus(s));
    return false;
  }
  return true;
}

std::vector<std::string> requestAll(const Connection& connection, const std::string& subject,
                                    std::string_view body, std::chrono::milliseconds wait,
                                    std::string& error) {
  std::vector<std::string> answers;
  natsInbox* inbox = nullptr;
  natsSubscription* sub = nullptr;
  natsStatus s = natsInbox_Create(&inbox);
  if (s == NATS_OK) s = natsConnection_SubscribeSync(&sub, connection.nats(), inbox);
  if (s == NATS_OK)
    s = natsConnection_PublishRequest(connection.nats(), subject.c_str(), inbox, body.data(),
                                      static_cast<int>(body.size()));
  if (s == NATS_OK) s = natsConnection_Flush(connection.nats());
  const auto until = std::chrono::steady_clock::now() + wait;
  while (s == NATS_OK) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    natsMsg* answer = nullptr;
    const natsStatus next = natsSubscription_NextMsg(&answer, sub, left.count());
    if (next == NATS_TIMEOUT) break;
    if (next != NATS_OK) {
      s = next;
      break;
    }
    InMessage owned(answer);
    answers.emplace_back(owned.body());
  }
  if (s != NATS_OK) error = fmt::format("cannot ask {}: {}", subject, describeStatus(s));
  if (sub) {
    natsSubscription_Unsubscribe(sub);
    natsSubscription_Destroy(sub);
  }
  natsInbox_Destroy(inbox);
  return answers;
}

}  // namespace edict::queue
