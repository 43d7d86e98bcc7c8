// A message of claims on the claims stream, as `edict submit` writes it
// and `edict worker` reads it. The body is JSON Lines, one claim a line;
// headers say which file the claims came from and where each stood in it,
// so that a reject record names the file and line `edict run` would name:
//
//   Edict-Source: claims.jsonl        the file, as reject messages name it
//   Edict-Positions: 17-1016          each line's position in the file
//   Edict-Rejected: 3                 lines that are claims the submitter's
//                                     reader rejected (X12, CSV, FHIR input):
//                                     {"id","payer","message"} of the reject
//
// A JSON Lines file is sent as its own lines, byte for byte (the reader's
// split), so the worker parses exactly what `edict run` parses; other
// formats are read by the submitter and each claim sent as a JSON line.
// A message without Edict-Positions is claims in any format edict reads,
// detected from its content (what another producer may publish).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/claim.h"
#include "runtime/read/claim_reader.h"

namespace edict::queue {

inline constexpr const char* kSourceHeader = "Edict-Source";
inline constexpr const char* kPositionsHeader = "Edict-Positions";
inline constexpr const char* kRejectedHeader = "Edict-Rejected";

/// A message of claims being filled by the submitter.
class ClaimsBatch {
 public:
  explicit ClaimsBatch(std::string source) : source_(std::move(source)) {}

  /// Adds one claim's line (without its newline): a record of a JSON
  /// Lines file as its reader split it, or lineOf() a claim read from
  /// another format.
  void add(std::string_view line, std::uint64_t position);
  /// Adds a claim the reader rejected, for the worker to make its record.
  void addRejected(const read::RejectedClaim& rejected);
  /// A claim as a JSON line, without its newline.
  static std::string lineOf(const model::Claim& claim);

  [[nodiscard]] std::size_t claims() const { return positions_.size(); }
  /// The message's size on the wire, at most: the body and its headers.
  [[nodiscard]] std::size_t size() const {
    return body_.size() + source_.size() + 12 * claims() + 64;
  }
  [[nodiscard]] const std::string& body() const { return body_; }
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> headers() const;
  /// Empties it for the next message of the same file.
  void clear();

 private:
  std::string source_;
  std::string body_;
  std::vector<std::uint64_t> positions_;
  std::vector<std::uint64_t> rejected_;
};

/// The headers of a received message that say how to read it.
struct ClaimsHeaders {
  std::optional<std::string> source;
  std::optional<std::string> positions;
  std::optional<std::string> rejected;
};

/// Opens the claims of a message body (which must outlive the reader):
/// with Edict-Positions, the lines as ClaimsBatch wrote them, each with its
/// origin; without, any claim format, detected, named `fallbackName`. Null
/// with the reason in `problem` when the body is not claims.
std::unique_ptr<read::ClaimReader> openMessageClaims(std::string_view body,
                                                     const ClaimsHeaders& headers,
                                                     const std::string& fallbackName,
                                                     std::string& problem);

}  // namespace edict::queue
