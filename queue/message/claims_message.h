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
// split), so the worker parses exactly what `edict run` parses. A file in
// another format that fits in one message is sent whole, as it is, with
//
//   Edict-Format: x12                 the format it was read in
//
// and no positions: the worker reads it as `edict run` reads the file. A
// larger one is read by the submitter and each claim sent as a JSON line,
// which carries all of edict's claim model but not what only the original
// format could say (an X12 4010 file's ICD-9 diagnoses, which JSON Lines
// refuses). A message without Edict-Positions is claims in any format edict
// reads, detected from its content unless Edict-Format says (what another
// producer may publish).
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
#include "runtime/read/input_format.h"

namespace edict::queue {

inline constexpr const char* kSourceHeader = "Edict-Source";
inline constexpr const char* kPositionsHeader = "Edict-Positions";
inline constexpr const char* kRejectedHeader = "Edict-Rejected";
inline constexpr const char* kFormatHeader = "Edict-Format";

/// The headers of a received message that say how to read it.
struct ClaimsHeaders {
  std::optional<std::string> source;
  std::optional<std::string> positions;
  std::optional<std::string> rejected;
  std::optional<std::string> format;
};

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
  /// Makes it a whole file of `claims` claims in `format`, as it is.
  void setWholeFile(std::string bytes, std::size_t claims, read::InputFormat format);

  [[nodiscard]] std::size_t claims() const { return whole_ ? wholeClaims_ : positions_.size(); }
  /// The message's size on the wire, at most: the body and its headers.
  [[nodiscard]] std::size_t size() const { return body_.size() + overhead(claims()); }
  /// The size of the headers of a message of `claims` claims, at most.
  [[nodiscard]] std::size_t overhead(std::size_t claims) const {
    return source_.size() + 12 * claims + 64;
  }
  [[nodiscard]] const std::string& body() const { return body_; }
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> headers() const;
  /// The same headers as a worker reads them.
  [[nodiscard]] ClaimsHeaders claimsHeaders() const;
  /// Empties it for the next message of the same file.
  void clear();

 private:
  std::string source_;
  std::string body_;
  std::vector<std::uint64_t> positions_;
  std::vector<std::uint64_t> rejected_;
  /// Set for a whole file sent as it is.
  std::optional<read::InputFormat> whole_;
  std::size_t wholeClaims_ = 0;
};

/// Opens the claims of a message body (which must outlive the reader):
/// with Edict-Positions, the lines as ClaimsBatch wrote them, each with its
/// origin; without, any claim format (Edict-Format's, or detected), named
/// by Edict-Source or else `fallbackName`. Null
/// with the reason in `problem` when the body is not claims.
std::unique_ptr<read::ClaimReader> openMessageClaims(std::string_view body,
                                                     const ClaimsHeaders& headers,
                                                     const std::string& fallbackName,
                                                     std::string& problem);

}  // namespace edict::queue
