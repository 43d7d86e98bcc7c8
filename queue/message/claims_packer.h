// Reads a claims file, in any format edict reads, and packs its claims
// into messages (ClaimsBatch): JSON Lines as the reader split them, byte
// for byte; a file in another format whole, as it is, when it fits in one
// message, else as one JSON line a claim (a rejected claim as its reject);
// a claim too large for any message as a reject saying so. What `edict
// submit` publishes, tested without a server.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>

#include "queue/message/claims_message.h"
#include "runtime/read/input_format.h"

namespace edict::queue {

struct PackOptions {
  std::size_t claimsPerMessage = 1000;
  /// The largest message (body and headers, as ClaimsBatch::size counts).
  std::size_t maxMessage = 1u << 20;
  /// Nullopt detects the format.
  std::optional<read::InputFormat> format;
};

/// Takes each full message; returns false to stop reading.
using BatchSink = std::function<bool(ClaimsBatch& batch)>;

/// How packing a file went.
struct PackOutcome {
  /// Why the input is not claims (the claims before that point were
  /// sent), or empty.
  std::string problem;
  /// A file in another format than JSON Lines, too large for one message,
  /// sent one JSON line a claim.
  bool converted = false;
  /// Claims too large for any message, sent as rejects.
  std::uint64_t oversized = 0;
};

/// Packs the claims of `in`, named `name`, handing each message to `send`
/// (which may clear it; it is cleared after).
PackOutcome packClaims(std::istream& in, const std::string& name, const PackOptions& options,
                       const BatchSink& send);

}  // namespace edict::queue
