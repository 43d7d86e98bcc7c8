// Splits CSV text (RFC 4180) into records of fields: quoted fields may hold
// commas, doubled quotes and line breaks. Records are capped in size, so a
// runaway quote cannot make the reader hold the rest of the file.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace edict::read {

/// Reads CSV records one at a time. Reads the stream in chunks: once used,
/// the stream belongs to it.
class CsvRecords {
 public:
  /// The most bytes one record may hold.
  static constexpr std::size_t kMaxRecord = 1u << 20;

  enum class Status {
    Record,         ///< `fields` holds the next record
    TooLong,        ///< a record over kMaxRecord was skipped
    UnclosedQuote,  ///< the input ended inside a quoted field
    End,            ///< no more input
  };

  explicit CsvRecords(std::istream& in) : in_(in), chunk_(kChunk) {}

  /// Reads the next record into `fields`; a blank line gives one empty field.
  Status next(std::vector<std::string>& fields);

  /// The 1-based line on which the last record started.
  [[nodiscard]] std::uint64_t recordLine() const { return recordLine_; }

 private:
  static constexpr std::size_t kChunk = 1u << 16;
  /// Loads the next chunk when the current one is used up; false at the end.
  bool refill();

  std::istream& in_;
  std::vector<char> chunk_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t line_ = 1;
  std::uint64_t recordLine_ = 0;
};

}  // namespace edict::read
