#include "queue/message/claims_packer.h"

#include <fmt/format.h>

#include <array>
#include <sstream>
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
    if (line.size() + batch_.overhead(1) > options_.maxMessage) {
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

/// Reads `head`, then what is left of `rest`: a file whose start was read
/// to see whether it fits in a message, read again from its start.
class JoinedBuffer final : public std::streambuf {
 public:
  JoinedBuffer(std::string& head, std::streambuf& rest) : rest_(rest) {
    setg(head.data(), head.data(), head.data() + head.size());
  }

 protected:
  int_type underflow() override {
    const std::streamsize got =
        rest_.sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (got <= 0) return traits_type::eof();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + got);
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  std::streambuf& rest_;
  std::array<char, 1 << 16> buffer_{};
};

/// Packs the claims a reader gives; `jsonLines` when it reads JSON Lines,
/// whose records are sent as the reader split them. (Other readers split
/// too, but their records are their own packing, not a JSON line.)
void packItems(read::ClaimReader& reader, bool jsonLines, Packer& packer) {
  bool more = true;
  if (jsonLines) {
    // JSON Lines: each record as its reader split it, byte for byte.
    read::RawRecord record;
    while (more && reader.nextRecord(record))
      more = record.refusal.empty()
                 ? packer.put(record.text, record.origin, {}, {})
                 : packer.putRejected(read::RejectedClaim{record.origin, {}, record.refusal, {}});
  } else {
    read::ReadItem item;
    while (more && reader.next(item)) {
      if (const auto* claim = std::get_if<model::Claim>(&item))
        more = packer.put(ClaimsBatch::lineOf(*claim), claim->origin, claim->id, claim->payer);
      else
        more = packer.putRejected(std::get<read::RejectedClaim>(item));
    }
  }
  if (more) packer.finish();
}

}  // namespace

PackOutcome packClaims(std::istream& source, const std::string& name, const PackOptions& options,
                       const BatchSink& send) {
  PackOutcome outcome;
  read::InputStream in(source);
  std::optional<read::InputFormat> format = options.format;
  if (!format) {
    const read::Detection detection = read::detectFormat(in.peek(read::kDetectionBytes));
    if (!detection.format) {
      outcome.problem = "not claims: " + detection.problem;
      return outcome;
    }
    format = detection.format;
  }
  Packer packer(name, options, send, outcome.oversized);
  if (*format == read::InputFormat::Jsonl) {
    auto reader = read::openReader(*format, in, name);
    packItems(*reader, true, packer);
    outcome.problem = reader->fatalError();
    return outcome;
  }
  // Another format: the whole file as it is when it fits in one message.
  const std::size_t overhead = ClaimsBatch(name).overhead(0) + 32;  // and Edict-Format
  const std::size_t room = options.maxMessage > overhead ? options.maxMessage - overhead : 0;
  std::string head(room + 1, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.size() <= room) {
    std::istringstream text(head);
    auto reader = read::openReader(*format, text, name);
    std::size_t claims = 0;
    for (read::ReadItem item; reader->next(item);) ++claims;
    outcome.problem = reader->fatalError();
    if (claims > 0 || outcome.problem.empty()) {
      ClaimsBatch batch(name);
      batch.setWholeFile(std::move(head), claims, *format);
      send(batch);
    }
    return outcome;
  }
  outcome.converted = true;
  JoinedBuffer joined(head, *in.rdbuf());
  std::istream whole(&joined);
  auto reader = read::openReader(*format, whole, name);
  packItems(*reader, false, packer);
  outcome.problem = reader->fatalError();
  return outcome;
}

}  // namespace edict::queue
