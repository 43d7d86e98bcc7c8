#include "queue/nats/message.h"

#include <fmt/format.h>

#include "queue/nats/status.h"

namespace edict::queue {

natsMsg* OutMessage::toNats(std::string& error) const {
  natsMsg* message = nullptr;
  natsStatus s = natsMsg_Create(&message, subject.c_str(), nullptr, body.data(),
                                static_cast<int>(body.size()));
  for (const auto& [key, value] : headers)
    if (s == NATS_OK) s = natsMsgHeader_Set(message, key.c_str(), value.c_str());
  if (s == NATS_OK && !id.empty()) s = natsMsgHeader_Set(message, kMessageIdHeader, id.c_str());
  if (s != NATS_OK) {
    natsMsg_Destroy(message);
    error = fmt::format("cannot make a message for {}: {}", subject, describeStatus(s));
    return nullptr;
  }
  return message;
}

std::size_t OutMessage::size() const {
  std::size_t total = body.size() + id.size() + 32;
  for (const auto& [key, value] : headers) total += key.size() + value.size() + 4;
  return total;
}

InMessage::~InMessage() {
  natsMsg_Destroy(message_);
}

InMessage& InMessage::operator=(InMessage&& other) noexcept {
  if (this != &other) {
    natsMsg_Destroy(message_);
    message_ = std::exchange(other.message_, nullptr);
  }
  return *this;
}

std::string_view InMessage::subject() const {
  const char* subject = natsMsg_GetSubject(message_);
  return subject ? subject : "";
}

std::string_view InMessage::body() const {
  const char* data = natsMsg_GetData(message_);
  return data ? std::string_view(data, static_cast<std::size_t>(natsMsg_GetDataLength(message_)))
              : std::string_view();
}

std::optional<std::string> InMessage::header(const char* key) const {
  const char* value = nullptr;
  if (natsMsgHeader_Get(message_, key, &value) != NATS_OK || value == nullptr) return std::nullopt;
  return std::string(value);
}

bool InMessage::metadata(std::uint64_t& streamSequence, std::uint64_t& deliveries) const {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, message_) != NATS_OK) return false;
  streamSequence = meta->Sequence.Stream;
  deliveries = meta->NumDelivered;
  jsMsgMetaData_Destroy(meta);
  return true;
}

namespace {

bool answered(natsStatus s, const char* what, std::string& error) {
  if (s == NATS_OK) return true;
  error = fmt::format("cannot {} the message: {}", what, describeStatus(s));
  return false;
}

}  // namespace

bool InMessage::ack(std::string& error) const {
  return answered(natsMsg_Ack(message_, nullptr), "acknowledge", error);
}

bool InMessage::nak(std::chrono::milliseconds delay, std::string& error) const {
  return answered(natsMsg_NakWithDelay(message_, delay.count(), nullptr), "refuse", error);
}

bool InMessage::term(std::string& error) const {
  return answered(natsMsg_Term(message_, nullptr), "terminate", error);
}

bool InMessage::inProgress(std::string& error) const {
  return answered(natsMsg_InProgress(message_, nullptr), "extend", error);
}

}  // namespace edict::queue
