#include "queue/message/claims_packer.h"

#include <fmt/format.h>

#include <variant>

#include "runtime/read/input_stream.h"

namespace edict::queue {

namespace {

/// Fills one batch after another, handing each full one to the sink.
class Packer {
 public:
  Packer(const std::string& name, const PackOptions& options, const BatchSink& send,
         std::uint64_t& oversized)
      : batch_(name), options_(options), send_(send), oversized_(oversized) {}

  bool put(std::string_view line, const model::ClaimOrigin& origin, const std::string& id,
           const std::string& payer) {
    if (!makeRoom(line.size())) return false;
    if (line.size() + 1024 > options_.maxMessage) {
      // No message can hold it: the worker makes it a reject, so it is
      // accounted for in the results rather than lost.
      ++oversized_;
      return putRejected(read::RejectedClaim{
          origin, id,
          fmt::format("the claim is {} bytes; a message may hold at most {} (the NATS server's "
                      "max_payload), so it was not submitted",
                      line.size(), options_.maxMessage),
          payer});
    }
    batch_.add(line, origin.position);
    return true;
  }

  bool putRejected(const read::RejectedClaim& rejected) {
    if (!makeRoom(rejected.message.size() + rejected.claimId.size() + rejected.payer.size() + 64))
      return false;
    batch_.addRejected(rejected);
    return true;
  }

  bool finish() { return batch_.claims() == 0 || sendBatch(); }

 private:
  /// Sends the batch when it holds its claims, or `bytes` more would not fit.
  bool makeRoom(std::size_t bytes) {
    if (batch_.claims() >= options_.claimsPerMessage ||
        (batch_.claims() > 0 && batch_.size() + bytes + 16 > options_.maxMessage))
      return sendBatch();
    return true;
  }
  bool sendBatch() {
    const bool more = send_(batch_);
    batch_.clear();
    return more;
  }

  ClaimsBatch batch_;
  const PackOptions& options_;
  const BatchSink& send_;
  std::uint64_t& oversized_;
};

}  // namespace

std::string packClaims(std::istream& source, const std::string& name, const PackOptions& options,
                       const BatchSink& send, std::uint64_t& oversized) {
  read::InputStream in(source);
  std::string problem;
  auto reader = read::openClaims(in, name, options.format, problem);
  if (!reader) return problem;
  Packer packer(name, options, send, oversized);
  bool more = true;
  if (reader->splits()) {
    // JSON Lines: each record as its reader split it, byte for byte.
    read::RawRecord record;
    while (more && reader->nextRecord(record))
      more = record.refusal.empty()
                 ? packer.put(record.text, record.origin, {}, {})
                 : packer.putRejected(read::RejectedClaim{record.origin, {}, record.refusal, {}});
  } else {
    read::ReadItem item;
    while (more && reader->next(item)) {
      if (const auto* claim = std::get_if<model::Claim>(&item))
        more = packer.put(ClaimsBatch::lineOf(*claim), claim->origin, claim->id, claim->payer);
      else
        more = packer.putRejected(std::get<read::RejectedClaim>(item));
    }
  }
  if (more) packer.finish();
  return reader->fatalError();
}

}  // namespace edict::queue
