// Messages a stream holds, by sequence, and publishing one message with
// its answer awaited: what moving a dead letter takes (read it from the
// claims stream, store it in the dead-letter stream, delete the original).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "queue/nats/connection.h"
#include "queue/nats/message.h"

namespace edict::queue {

/// The message `sequence` of `stream`, as stored (headers and body);
/// nullopt with the reason in `error` when it is not there.
std::optional<InMessage> storedMessage(const Connection& connection, const std::string& stream,
                                       std::uint64_t sequence, std::string& error);

/// Deletes message `sequence` of `stream`.
bool deleteStoredMessage(const Connection& connection, const std::string& stream,
                         std::uint64_t sequence, std::string& error);

/// Publishes `message` and waits for the stream to store it.
bool publishAndWait(const Connection& connection, const OutMessage& message, std::string& error);

}  // namespace edict::queue
