#include "queue/nats/publisher.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

AsyncPublisher::AsyncPublisher(const Connection& connection, int maxInFlight,
                               std::chrono::milliseconds answerWait)
    : connection_(connection), maxInFlight_(maxInFlight), answerWait_(answerWait) {}

AsyncPublisher::~AsyncPublisher() {
  if (jetStream_) jsCtx_Destroy(jetStream_);
}

bool AsyncPublisher::start(std::string& error) {
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = answerWait_.count();
  options.PublishAsync.MaxPending = maxInFlight_;
  options.PublishAsync.AckHandler = &AsyncPublisher::onAnswer;
  options.PublishAsync.AckHandlerClosure = this;
  // A full window waits for answers as long as one answer may take.
  options.PublishAsync.StallWait = answerWait_.count();
  const natsStatus s = natsConnection_JetStream(&jetStream_, connection_.nats(), &options);
  if (s != NATS_OK) {
    error = fmt::format("cannot use JetStream: {}", describeStatus(s));
    return false;
  }
  return true;
}

void AsyncPublisher::onAnswer(jsCtx*, natsMsg* message, jsPubAck* ack, jsPubAckErr* failure,
                              void* closure) {
  auto* self = static_cast<AsyncPublisher*>(closure);
  PublishOutcome outcome;
  const char* id = nullptr;
  if (natsMsgHeader_Get(message, kMessageIdHeader, &id) == NATS_OK && id != nullptr)
    outcome.id = id;
  if (ack != nullptr) {
    outcome.stored = true;
    outcome.duplicate = ack->Duplicate;
  } else if (failure != nullptr) {
    outcome.error = failure->ErrText ? failure->ErrText : natsStatus_GetText(failure->Err);
    if (failure->Err == NATS_TIMEOUT) outcome.error = "no answer from the server in time";
    outcome.full = isStreamFull(failure->ErrCode, outcome.error);
  }
  // With an answer handler, the message is ours to destroy.
  natsMsg_Destroy(message);
  {
    std::lock_guard lock(self->mutex_);
    self->outcomes_.push_back(std::move(outcome));
    --self->inFlight_;
  }
  self->answered_.notify_all();
}

bool AsyncPublisher::publish(const OutMessage& message, std::string& error) {
  natsMsg* out = message.toNats(error);
  if (out == nullptr) return false;
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = answerWait_.count();
  {
    std::lock_guard lock(mutex_);
    ++inFlight_;
  }
  const natsStatus s = js_PublishMsgAsync(jetStream_, &out, &options);
  if (s != NATS_OK) {
    natsMsg_Destroy(out);
    {
      std::lock_guard lock(mutex_);
      --inFlight_;
    }
    error = fmt::format("cannot publish to {}: {}", message.subject, describeStatus(s));
    return false;
  }
  return true;
}

std::vector<PublishOutcome> AsyncPublisher::takeOutcomes() {
  std::lock_guard lock(mutex_);
  return std::exchange(outcomes_, {});
}

bool AsyncPublisher::waitAll(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  return answered_.wait_for(lock, wait, [this] { return inFlight_ == 0; });
}

int AsyncPublisher::inFlight() const {
  std::lock_guard lock(mutex_);
  return inFlight_;
}

}  // namespace edict::queue
