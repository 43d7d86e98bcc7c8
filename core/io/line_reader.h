// Reads a stream in large blocks and hands out its lines as views, without a
// copy or an allocation per line: the CMS PTP quarter is 2.6 million lines.
// The one buffered reader under every text input edict reads: the table
// files, and the claim readers (JSON Lines and CSV by line, X12 by segment,
// FHIR by line or byte by byte).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string_view>

namespace edict::io {

/// Splits a stream into lines ending in LF or CRLF (or into pieces ending in
/// another delimiter), each at most a given length. Reads the stream in
/// blocks: once used, the stream belongs to it.
class LineReader {
 public:
  enum class Status { Line, TooLong, End };

  /// Lines longer than `maxLine` bytes are skipped and reported as TooLong.
  explicit LineReader(std::istream& in, std::size_t maxLine = std::size_t{1} << 20);

  /// The next line, without its line ending, in `line`; the view is valid
  /// until the next call. A last line without a line ending is returned too.
  Status next(std::string_view& line);

  /// The next piece of input ending in `delimiter` (an X12 segment ends in
  /// its terminator), without the delimiter and with nothing else removed;
  /// otherwise as next().
  Status nextUntil(char delimiter, std::string_view& piece);

  /// The next byte, consumed, or -1 at the end of input; for scanners that
  /// look at every byte (FHIR's Bundle, X12's ISA segment).
  int get() {
    if (begin_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buffer_[begin_++]);
  }

  /// The next byte without consuming it, or -1 at the end of input.
  int peek() {
    if (begin_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buffer_[begin_]);
  }

  /// 1-based number of the line (or piece) last returned or skipped as too
  /// long; bytes read with get() count for no line.
  [[nodiscard]] std::uint64_t lineNumber() const { return lineNumber_; }
  /// Whether the line last returned ended with its line ending (delimiter);
  /// false for a last line cut short, the usual sign of a truncated file.
  [[nodiscard]] bool lastHadNewline() const { return lastHadNewline_; }

 private:
  /// Reads more input behind what is left; false at the end of input.
  bool fill();
  void grow();
  /// Discards input up to and including the next `delimiter`.
  void skipPast(char delimiter);

  std::istream& in_;
  std::size_t maxLine_;
  // Starts small and grows while the input is large or its lines long, so
  // that reading a short table does not cost a multi-megabyte buffer.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool lastReadFull_ = false;
  std::uint64_t lineNumber_ = 0;
  bool lastHadNewline_ = true;
};

}  // namespace edict::io
