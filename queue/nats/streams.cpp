#include "queue/nats/streams.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

namespace {

constexpr std::int64_t kNanosPerMilli = 1000000;

/// `ack wait 30 s, max deliveries 5`, for the log.
std::string describeConsumer(const ConsumerSpec& spec) {
  return fmt::format("ack wait {:.3g} s, {}", std::chrono::duration<double>(spec.ackWait).count(),
                     spec.maxDeliveries < 0 ? std::string("no delivery limit")
                                            : fmt::format("max deliveries {}", spec.maxDeliveries));
}

bool notFound(natsStatus s, jsErrCode code, jsErrCode notFoundCode) {
  return s == NATS_NOT_FOUND || code == notFoundCode;
}

}  // namespace

bool ensureStream(const Connection& connection, const StreamSpec& spec, const Log& log,
                  std::string& error) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&info, connection.jetStream(), spec.name.c_str(), nullptr, &code);
  if (s == NATS_OK) {
    const bool workQueue = info->Config->Retention == js_WorkQueuePolicy;
    jsStreamInfo_Destroy(info);
    if (workQueue != spec.workQueue) {
      error = fmt::format(
          "stream {} exists with {} retention; edict needs {} retention for it (delete it, or "
          "name another stream)",
          spec.name, workQueue ? "work-queue" : "limits or interest",
          spec.workQueue ? "work-queue" : "limits");
      return false;
    }
    return true;
  }
  if (!notFound(s, code, JSStreamNotFoundErr)) {
    error = fmt::format("cannot look up stream {}: {}", spec.name, describeStatus(s, code));
    return false;
  }

  std::vector<const char*> subjects;
  for (const std::string& subject : spec.subjects) subjects.push_back(subject.c_str());
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  config.Name = spec.name.c_str();
  config.Subjects = subjects.data();
  config.SubjectsLen = static_cast<int>(subjects.size());
  config.Retention = spec.workQueue ? js_WorkQueuePolicy : js_LimitsPolicy;
  config.Discard = js_DiscardNew;
  config.Storage = js_FileStorage;
  config.MaxBytes = spec.maxBytes;
  config.MaxMsgs = spec.maxMessages;
  config.MaxAge = spec.maxAge.count() * 1000 * kNanosPerMilli;
  config.Duplicates = spec.duplicateWindow.count() * 1000 * kNanosPerMilli;
  config.Replicas = spec.replicas;
  code = static_cast<jsErrCode>(0);
  s = js_AddStream(&info, connection.jetStream(), &config, nullptr, &code);
  if (s != NATS_OK) {
    // Another process may have made it meanwhile; use it if it is there now.
    if (code == JSStreamNameExistErr) return ensureStream(connection, spec, log, error);
    error = fmt::format("cannot create stream {}: {}", spec.name, describeStatus(s, code));
    return false;
  }
  jsStreamInfo_Destroy(info);
  if (log)
    log(fmt::format("{}: created stream {} (subjects {}; {} retention)", connection.options().who,
                    spec.name, fmt::join(spec.subjects, " "),
                    spec.workQueue ? "work-queue" : "limits"));
  return true;
}

bool ensureConsumer(const Connection& connection, const ConsumerSpec& spec, const Log& log,
                    std::string& error) {
  jsConsumerConfig config;
  jsConsumerConfig_Init(&config);
  config.Durable = spec.durable.c_str();
  config.AckPolicy = js_AckExplicit;
  config.DeliverPolicy = js_DeliverAll;
  config.AckWait = spec.ackWait.count() * kNanosPerMilli;
  config.MaxDeliver = spec.maxDeliveries;
  config.MaxAckPending = spec.maxAckPending;
  if (!spec.filterSubject.empty()) config.FilterSubject = spec.filterSubject.c_str();

  jsConsumerInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&info, connection.jetStream(), spec.stream.c_str(),
                                    spec.durable.c_str(), nullptr, &code);
  if (s == NATS_OK) {
    const jsConsumerConfig& have = *info->Config;
    const bool same = have.AckWait == config.AckWait && have.MaxDeliver == config.MaxDeliver &&
                      have.MaxAckPending == config.MaxAckPending;
    jsConsumerInfo_Destroy(info);
    if (same) return true;
    code = static_cast<jsErrCode>(0);
    s = js_UpdateConsumer(&info, connection.jetStream(), spec.stream.c_str(), &config, nullptr,
                          &code);
    if (s != NATS_OK) {
      error = fmt::format("cannot update consumer {} of stream {}: {}", spec.durable, spec.stream,
                          describeStatus(s, code));
      return false;
    }
    jsConsumerInfo_Destroy(info);
    if (log)
      log(fmt::format("{}: updated consumer {} ({})", connection.options().who, spec.durable,
                      describeConsumer(spec)));
    return true;
  }
  if (!notFound(s, code, JSConsumerNotFoundErr)) {
    error = fmt::format("cannot look up consumer {} of stream {}: {}", spec.durable, spec.stream,
                        describeStatus(s, code));
    return false;
  }
  code = static_cast<jsErrCode>(0);
  s = js_AddConsumer(&info, connection.jetStream(), spec.stream.c_str(), &config, nullptr, &code);
  if (s != NATS_OK) {
    error = fmt::format("cannot create consumer {} of stream {}: {}", spec.durable, spec.stream,
                        describeStatus(s, code));
    return false;
  }
  jsConsumerInfo_Destroy(info);
  if (log)
    log(fmt::format("{}: created consumer {} of stream {} ({})", connection.options().who,
                    spec.durable, spec.stream, describeConsumer(spec)));
  return true;
}

bool streamState(const Connection& connection, const std::string& stream, StreamState& state,
                 std::string& error) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s =
      js_GetStreamInfo(&info, connection.jetStream(), stream.c_str(), nullptr, &code);
  if (s != NATS_OK) {
    error = fmt::format("cannot look up stream {}: {}", stream, describeStatus(s, code));
    return false;
  }
  state.messages = info->State.Msgs;
  state.bytes = info->State.Bytes;
  state.lastSequence = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  return true;
}

bool consumerState(const Connection& connection, const std::string& stream,
                   const std::string& durable, ConsumerState& state, std::string& error) {
  jsConsumerInfo* info = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s = js_GetConsumerInfo(&info, connection.jetStream(), stream.c_str(),
                                          durable.c_str(), nullptr, &code);
  if (s != NATS_OK) {
    error = fmt::format("cannot look up consumer {} of stream {}: {}", durable, stream,
                        describeStatus(s, code));
    return false;
  }
  state.pending = info->NumPending;
  state.ackPending = info->NumAckPending;
  state.redelivered = info->NumRedelivered;
  state.maxDeliveries = info->Config->MaxDeliver;
  state.ackWait = std::chrono::milliseconds(info->Config->AckWait / kNanosPerMilli);
  jsConsumerInfo_Destroy(info);
  return true;
}

}  // namespace edict::queue
