#include "queue/message/claims_message.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <sstream>

#include "core/text/json_text.h"
#include "queue/message/positions.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/write/claim_text.h"

namespace edict::queue {

void ClaimsBatch::add(std::string_view line, std::uint64_t position) {
  body_.append(line);
  body_.push_back('\n');
  positions_.push_back(position);
}

std::string ClaimsBatch::lineOf(const model::Claim& claim) {
  std::string line = write::claimToJsonLine(claim);
  if (!line.empty() && line.back() == '\n') line.pop_back();
  return line;
}

void ClaimsBatch::addRejected(const read::RejectedClaim& rejected) {
  body_ += "{\"id\":";
  text::appendJsonString(body_, rejected.claimId);
  body_ += ",\"payer\":";
  text::appendJsonString(body_, rejected.payer);
  body_ += ",\"message\":";
  text::appendJsonString(body_, rejected.message);
  body_ += "}\n";
  positions_.push_back(rejected.origin.position);
  rejected_.push_back(positions_.size());
}

void ClaimsBatch::setWholeFile(std::string bytes, std::size_t claims, read::InputFormat format) {
  clear();
  body_ = std::move(bytes);
  wholeClaims_ = claims;
  whole_ = format;
}

std::vector<std::pair<std::string, std::string>> ClaimsBatch::headers() const {
  if (whole_)
    return {{kSourceHeader, source_}, {kFormatHeader, std::string(read::formatName(*whole_))}};
  std::vector<std::pair<std::string, std::string>> out{
      {kSourceHeader, source_}, {kPositionsHeader, encodePositions(positions_)}};
  if (!rejected_.empty()) out.emplace_back(kRejectedHeader, encodePositions(rejected_));
  return out;
}

ClaimsHeaders ClaimsBatch::claimsHeaders() const {
  ClaimsHeaders out;
  for (auto& [key, value] : headers()) {
    if (key == kSourceHeader) out.source = value;
    if (key == kPositionsHeader) out.positions = value;
    if (key == kRejectedHeader) out.rejected = value;
    if (key == kFormatHeader) out.format = value;
  }
  return out;
}

void ClaimsBatch::clear() {
  whole_.reset();
  wholeClaims_ = 0;
  body_.clear();
  positions_.clear();
  rejected_.clear();
}

namespace {

/// The lines of a message from ClaimsBatch, each parsed by the JSON Lines
/// reader's own parser with the origin its headers give.
class BatchLinesReader final : public read::ClaimReader {
 public:
  BatchLinesReader(std::string_view body, std::string source, std::vector<std::uint64_t> positions,
                   std::vector<std::uint64_t> rejected)
      : body_(body),
        source_(std::move(source)),
        positions_(std::move(positions)),
        rejected_(std::move(rejected)),
        parser_(read::openJsonLines(empty_, source_)) {}

  bool next(read::ReadItem& item) override {
    if (index_ >= positions_.size()) return false;
    const std::size_t end = std::min(body_.find('\n', offset_), body_.size());
    const std::string_view line = body_.substr(offset_, end - offset_);
    offset_ = end + 1;
    const std::uint64_t lineNumber = ++index_;
    model::ClaimOrigin origin{source_, positions_[lineNumber - 1]};
    if (std::binary_search(rejected_.begin(), rejected_.end(), lineNumber)) {
      item = rejectedClaim(line, std::move(origin));
      return true;
    }
    record_.text.assign(line);
    record_.origin = std::move(origin);
    record_.refusal.clear();
    parser_->parseRecord(record_, item);
    return true;
  }

 private:
  /// A reject the submitter's reader made, as ClaimsBatch::addRejected wrote it.
  static read::RejectedClaim rejectedClaim(std::string_view line, model::ClaimOrigin origin) {
    read::RejectedClaim rejected{std::move(origin), {}, {}, {}};
    simdjson::dom::parser parser;
    simdjson::dom::object object;
    std::string_view id, payer, message;
    if (parser.parse(line.data(), line.size()).get(object) == simdjson::SUCCESS &&
        object["id"].get(id) == simdjson::SUCCESS &&
        object["payer"].get(payer) == simdjson::SUCCESS &&
        object["message"].get(message) == simdjson::SUCCESS) {
      rejected.claimId = id;
      rejected.payer = payer;
      rejected.message = message;
    } else {
      rejected.message = "rejected when it was submitted (the reason did not arrive intact)";
    }
    return rejected;
  }

  std::string_view body_;
  std::size_t offset_ = 0;
  std::size_t index_ = 0;
  std::string source_;
  std::vector<std::uint64_t> positions_;
  std::vector<std::uint64_t> rejected_;
  std::istringstream empty_;
  std::unique_ptr<read::ClaimReader> parser_;
  read::RawRecord record_;
};

/// Claims in any format, detected: a reader with the stream it reads.
class DetectedReader final : public read::ClaimReader {
 public:
  DetectedReader(std::string_view body, const std::string& name,
                 std::optional<read::InputFormat> format, std::string& problem)
      : source_(std::string(body)), in_(source_) {
    reader_ = read::openClaims(in_, name, format, problem);
  }
  [[nodiscard]] bool opened() const { return reader_ != nullptr; }
  bool next(read::ReadItem& item) override { return reader_->next(item); }
  [[nodiscard]] std::string fatalError() const override { return reader_->fatalError(); }

 private:
  std::istringstream source_;
  read::InputStream in_;
  std::unique_ptr<read::ClaimReader> reader_;
};

std::size_t countLines(std::string_view body) {
  if (body.empty()) return 0;
  return static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n')) +
         (body.back() == '\n' ? 0 : 1);
}

}  // namespace

std::unique_ptr<read::ClaimReader> openMessageClaims(std::string_view body,
                                                     const ClaimsHeaders& headers,
                                                     const std::string& fallbackName,
                                                     std::string& problem) {
  if (!headers.positions) {
    std::optional<read::InputFormat> format;
    if (headers.format) {
      format = read::parseFormatName(*headers.format);
      if (!format) {
        problem = fmt::format("header {}: `{}` is none of jsonl, csv, x12, fhir", kFormatHeader,
                              *headers.format);
        return nullptr;
      }
    }
    auto reader = std::make_unique<DetectedReader>(body, headers.source.value_or(fallbackName),
                                                   format, problem);
    if (!reader->opened()) return nullptr;
    return reader;
  }
  const std::size_t lines = countLines(body);
  std::vector<std::uint64_t> positions;
  std::vector<std::uint64_t> rejected;
  std::string error;
  if (!decodePositions(*headers.positions, lines + 1, positions, error)) {
    problem = fmt::format("header {}: {}", kPositionsHeader, error);
    return nullptr;
  }
  if (positions.size() != lines) {
    problem = fmt::format("header {} gives {} positions for {} lines", kPositionsHeader,
                          positions.size(), lines);
    return nullptr;
  }
  if (headers.rejected && !decodePositions(*headers.rejected, lines, rejected, error)) {
    problem = fmt::format("header {}: {}", kRejectedHeader, error);
    return nullptr;
  }
  std::sort(rejected.begin(), rejected.end());
  return std::make_unique<BatchLinesReader>(body, headers.source.value_or(fallbackName),
                                            std::move(positions), std::move(rejected));
}

}  // namespace edict::queue
