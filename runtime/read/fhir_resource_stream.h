// Splits a FHIR JSON file into resources without holding the file: NDJSON
// (one resource per line, as FHIR bulk data writes it), or a Bundle, whose
// `entry` array can be gigabytes long, one entry at a time. A small scanner
// tracks strings and nesting to find where each value ends; simdjson then
// parses each piece.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

#include "core/io/line_reader.h"

namespace edict::read {

/// One piece of the file: a top-level resource, or one Bundle entry.
struct FhirPiece {
  /// The JSON text: the resource, or for a Bundle entry the entry object
  /// (`{"fullUrl": ..., "resource": {...}}`).
  std::string text;
  /// The 1-based line on which the piece begins.
  std::uint64_t line = 0;
  /// The index in Bundle.entry, for entries.
  std::optional<std::size_t> entry;
  /// Why the piece could not be cut out (Status::Malformed).
  std::string problem;
};

/// Reads FHIR JSON pieces from a stream. Reads the stream in blocks: once
/// used, the stream belongs to it.
class FhirResourceStream {
 public:
  /// The most bytes one resource may hold.
  static constexpr std::size_t kMaxResource = 16u << 20;

  enum class Status {
    Piece,      ///< `piece.text` holds the next resource or entry
    TooLong,    ///< a piece over kMaxResource was skipped
    Malformed,  ///< the text is not JSON here; `piece.problem` says why
    End,
  };

  explicit FhirResourceStream(std::istream& in) : lines_(in, kMaxResource) {}

  Status next(FhirPiece& piece);

  /// The resourceType of the last top-level object (`Bundle` after a Bundle).
  [[nodiscard]] const std::string& topLevelType() const { return resourceType_; }

 private:
  enum class Where : std::uint8_t {
    Between,   ///< between top-level values
    Top,       ///< inside a top-level object
    Entries,   ///< inside Bundle.entry, between entries
    Entry,     ///< inside one entry
    SkipLine,  ///< skipping the rest of a line that is not JSON
  };

  /// The next line as a piece, for NDJSON.
  Status nextLine(FhirPiece& piece);
  /// Handles one character of a top-level object; true when a piece is ready.
  bool top(char ch, FhirPiece& piece, Status& status);
  /// Handles one character of an entry; true when a piece is ready.
  bool entry(char ch, FhirPiece& piece, Status& status);
  void append(char ch);
  /// Gives the captured text to `piece`.
  Status deliver(FhirPiece& piece, std::optional<std::size_t> entry);

  /// Lines for NDJSON, bytes for the scanner.
  io::LineReader lines_;

  Where where_ = Where::Between;
  std::uint64_t line_ = 1;
  std::uint64_t startLine_ = 0;
  /// Once the first value ends on the line it began, the file is NDJSON:
  /// each line is one value, so one broken line spoils only itself.
  bool ndjson_ = false;
  bool decided_ = false;

  std::string buffer_;
  /// False after Bundle.entry: the Bundle's own fields are not kept.
  bool capturing_ = true;
  bool tooLong_ = false;
  bool inString_ = false;
  bool escape_ = false;
  int depth_ = 0;
  /// Key tracking at depth 1 of a top-level object.
  bool expectKey_ = false;
  bool readingKey_ = false;
  bool readingType_ = false;
  bool entryNext_ = false;
  std::string key_;
  std::string resourceType_;
  std::size_t entryIndex_ = 0;
  /// Nesting inside the current entry; a primitive entry ends at `,`.
  int entryDepth_ = 0;
};

}  // namespace edict::read
