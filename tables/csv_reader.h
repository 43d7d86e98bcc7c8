// RFC 4180 records: fields separated by commas, optionally in double quotes;
// a quoted field may hold separators, doubled quotes and line breaks, so one
// record can span several lines (the CMS MUE notice and header do). Spaces
// between a separator and a quote (`a, "b, c" ,d`) are dropped: RFC 4180
// calls that malformed, but hand-aligned files have it and it is unambiguous.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <vector>

#include "tables/block_line_reader.h"

namespace edict::tables {

/// Reads one record at a time; field bytes are returned as they are (no
/// decoding), line breaks inside quotes as `\n`.
class CsvReader {
 public:
  enum class Status {
    Record,     ///< fields() holds the record
    Malformed,  ///< the record was skipped; error() says why
    End,
  };

  /// Records larger than `maxRecord` bytes are reported as Malformed.
  explicit CsvReader(std::istream& in, char separator = ',',
                     std::size_t maxRecord = std::size_t{1} << 20);

  Status next();

  /// The fields of the last record; valid until the next call.
  [[nodiscard]] std::span<const std::string> fields() const { return {fields_.data(), count_}; }
  /// Whether field `i` of the last record was in quotes.
  [[nodiscard]] bool quoted(std::size_t i) const { return quoted_[i] != 0; }
  /// 1-based line where the last record (or malformed record) starts.
  [[nodiscard]] std::uint64_t startLine() const { return startLine_; }
  /// Why the last record was malformed.
  [[nodiscard]] const std::string& error() const { return error_; }
  /// Whether the input's last line ended without a line ending.
  [[nodiscard]] bool endedWithoutNewline() const { return !lines_.lastHadNewline(); }

 private:
  std::string& newField();
  Status malformed(std::string why);

  BlockLineReader lines_;
  char separator_;
  std::size_t maxRecord_;
  std::vector<std::string> fields_;
  std::vector<char> quoted_;
  std::size_t count_ = 0;
  std::uint64_t startLine_ = 0;
  std::string error_;
};

}  // namespace edict::tables
