#include "queue/nats/pull.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

PullSubscription::~PullSubscription() {
  if (subscription_) {
    natsSubscription_Unsubscribe(subscription_);
    natsSubscription_Destroy(subscription_);
  }
}

bool PullSubscription::bind(const Connection& connection, const std::string& stream,
                            const std::string& durable, std::string& error) {
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.c_str();
  options.Consumer = durable.c_str();
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s = js_PullSubscribe(&subscription_, connection.jetStream(), nullptr,
                                        durable.c_str(), nullptr, &options, &code);
  if (s != NATS_OK) {
    error = fmt::format("cannot pull from consumer {} of stream {}: {}", durable, stream,
                        describeStatus(s, code));
    return false;
  }
  return true;
}

FetchResult PullSubscription::fetch(int batch, std::chrono::milliseconds wait,
                                    std::vector<InMessage>& out, std::string& error) {
  natsMsgList list{};
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s = natsSubscription_Fetch(&list, subscription_, batch, wait.count(), &code);
  if (s == NATS_TIMEOUT) return FetchResult::Nothing;
  if (s != NATS_OK) {
    error = fmt::format("cannot fetch messages: {}", describeStatus(s, code));
    return FetchResult::Failed;
  }
  const int count = list.Count;
  for (int i = 0; i < count; ++i) {
    out.emplace_back(list.Msgs[i]);
    list.Msgs[i] = nullptr;  // now owned by `out`
  }
  natsMsgList_Destroy(&list);
  return count > 0 ? FetchResult::Messages : FetchResult::Nothing;
}

}  // namespace edict::queue
