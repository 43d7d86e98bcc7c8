// Splits one payer's records into messages no larger than the server
// takes, between claims (never inside one claim's records), so that each
// claim's records travel, and are de-duplicated, together.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace edict::queue {

/// One message's share of the records.
struct RecordChunk {
  std::string_view records;
  /// The index of its first claim among the records' distinct claims, in
  /// order (what the chunk's message id carries).
  std::size_t firstClaim = 0;
};

/// Splits JSON Lines records (`{"claim":ID,...}` each, a claim's records
/// consecutive) into chunks of at most `limit` bytes where possible: a
/// single claim whose records exceed `limit` is a chunk of its own. Empty
/// `records` give one empty chunk (a message still says its claims were done).
std::vector<RecordChunk> chunkRecords(std::string_view records, std::size_t limit);

/// The claim id a record line starts with, as written (escapes and all).
std::string_view recordClaim(std::string_view line);

}  // namespace edict::queue
