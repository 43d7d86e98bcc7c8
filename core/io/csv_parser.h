// RFC 4180 records, the one CSV parser of edict (table ingest and the CSV
// claim reader): fields separated by commas, optionally in double quotes; a
// quoted field may hold commas, doubled quotes and line breaks, so one record
// can span several lines (the CMS MUE notice and header do). Records are
// capped in size, so a runaway quote cannot make the parser hold the rest of
// the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <vector>

#include "core/io/line_reader.h"

namespace edict::io {

/// Reads one record at a time; field bytes are returned as they are (no
/// decoding), line breaks inside quotes as `\n`.
class CsvParser {
 public:
  /// The most bytes one record may hold, unless the constructor is told.
  static constexpr std::size_t kMaxRecord = std::size_t{1} << 20;

  /// How the quotes RFC 4180 does not allow are taken.
  enum class Quotes {
    /// A quote inside an unquoted field, or text after a closing quote,
    /// makes the record Malformed. Spaces between a separator and a quote
    /// (`a, "b, c" ,d`) are dropped: RFC 4180 calls that malformed, but
    /// hand-aligned tables have it and it is unambiguous.
    Strict,
    /// A quote opens a quoted field only as the field's first byte;
    /// anywhere else, and after a closing quote up to the next comma, it is
    /// an ordinary character (claim exports write `O"BRIEN`).
    Lenient,
  };

  enum class Status {
    Record,     ///< fields() holds the record
    Malformed,  ///< the record was skipped; problem() and error() say why
    End,
  };

  /// Why a record was Malformed.
  enum class Problem {
    TooLong,         ///< a line or the record is over the limit
    UnclosedQuote,   ///< the input ended inside a quoted field
    StrayQuote,      ///< Strict: a quote inside an unquoted field
    TextAfterQuote,  ///< Strict: text between a closing quote and the next comma
  };

  /// Records larger than `maxRecord` bytes are reported as Malformed
  /// (TooLong); the next record starts on the line after the one where the
  /// limit was crossed.
  explicit CsvParser(std::istream& in, Quotes quotes = Quotes::Strict,
                     std::size_t maxRecord = kMaxRecord);

  Status next();

  /// The fields of the last record; valid until the next call. A blank line
  /// is one empty field.
  [[nodiscard]] std::span<const std::string> fields() const { return {fields_.data(), count_}; }
  /// Whether field `i` of the last record was in quotes.
  [[nodiscard]] bool quoted(std::size_t i) const { return quoted_[i] != 0; }
  /// 1-based line where the last record (or malformed record) starts.
  [[nodiscard]] std::uint64_t startLine() const { return startLine_; }
  /// Why the last record was malformed.
  [[nodiscard]] Problem problem() const { return problem_; }
  /// The same in words, for a message.
  [[nodiscard]] const std::string& error() const { return error_; }
  /// Whether the input's last line ended without a line ending.
  [[nodiscard]] bool endedWithoutNewline() const { return !lines_.lastHadNewline(); }

 private:
  std::string& newField();
  Status malformed(Problem problem, std::string why);
  /// A record of one line without quotes: split at the commas.
  Status splitPlain(std::string_view line);

  LineReader lines_;
  Quotes quotes_;
  std::size_t maxRecord_;
  std::vector<std::string> fields_;
  std::vector<char> quoted_;
  std::size_t count_ = 0;
  std::uint64_t startLine_ = 0;
  Problem problem_ = Problem::TooLong;
  std::string error_;
};

}  // namespace edict::io
