// Messages in and out: an OutMessage is what edict publishes (subject,
// headers, body); an InMessage owns a message delivered by a consumer and
// answers it (ack, nak, term, in progress), with the stream sequence and
// delivery count JetStream put in its reply subject.
#pragma once

#include <nats/nats.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edict::queue {

/// The header JetStream de-duplicates by.
inline constexpr const char* kMessageIdHeader = "Nats-Msg-Id";

/// A message to publish.
struct OutMessage {
  std::string subject;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// Its Nats-Msg-Id: a stream keeps one message per id within its
  /// duplicate window. Empty for none.
  std::string id;

  /// The libnats message (caller owns it); null with `error` on failure.
  natsMsg* toNats(std::string& error) const;
  /// Bytes on the wire, roughly: body and headers.
  [[nodiscard]] std::size_t size() const;
};

/// A message delivered by a JetStream consumer (or a core subscription).
class InMessage {
 public:
  explicit InMessage(natsMsg* message) : message_(message) {}
  ~InMessage();
  InMessage(InMessage&& other) noexcept : message_(std::exchange(other.message_, nullptr)) {}
  InMessage& operator=(InMessage&& other) noexcept;
  InMessage(const InMessage&) = delete;
  InMessage& operator=(const InMessage&) = delete;

  [[nodiscard]] std::string_view subject() const;
  [[nodiscard]] std::string_view body() const;
  /// The header `key`, when the message has it.
  [[nodiscard]] std::optional<std::string> header(const char* key) const;
  /// Where JetStream keeps it and how often it was delivered; false for a
  /// message that did not come from a consumer.
  bool metadata(std::uint64_t& streamSequence, std::uint64_t& deliveries) const;

  /// Acknowledges it: done, never delivered again.
  bool ack(std::string& error) const;
  /// Asks for it to be delivered again after `delay`.
  bool nak(std::chrono::milliseconds delay, std::string& error) const;
  /// Gives up on it: never delivered again.
  bool term(std::string& error) const;
  /// Says work on it goes on, so its ack wait starts again.
  bool inProgress(std::string& error) const;
  [[nodiscard]] natsMsg* get() const { return message_; }

 private:
  natsMsg* message_ = nullptr;
};

}  // namespace edict::queue
