#include "queue/nats/stored_messages.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

std::optional<InMessage> storedMessage(const Connection& connection, const std::string& stream,
                                       std::uint64_t sequence, std::string& error) {
  natsMsg* stored = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s =
      js_GetMsg(&stored, connection.jetStream(), stream.c_str(), sequence, nullptr, &code);
  if (s != NATS_OK) {
    error = describeStatus(s, code);
    return std::nullopt;
  }
  return InMessage(stored);
}

bool deleteStoredMessage(const Connection& connection, const std::string& stream,
                         std::uint64_t sequence, std::string& error) {
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s =
      js_DeleteMsg(connection.jetStream(), stream.c_str(), sequence, nullptr, &code);
  if (s == NATS_OK) return true;
  error = describeStatus(s, code);
  return false;
}

bool publishAndWait(const Connection& connection, const OutMessage& message, std::string& error) {
  natsMsg* out = message.toNats(error);
  if (out == nullptr) return false;
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  const natsStatus s = js_PublishMsg(&ack, connection.jetStream(), out, nullptr, &code);
  natsMsg_Destroy(out);
  jsPubAck_Destroy(ack);
  if (s == NATS_OK) return true;
  error = describeStatus(s, code);
  return false;
}

}  // namespace edict::queue
