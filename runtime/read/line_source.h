// Reads a text stream line by line with a cap on line length, so that a
// file without newlines cannot make a reader hold gigabytes at once.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace edict::read {

/// Splits a stream into lines (LF or CRLF), each at most kMaxLine bytes.
/// Reads the stream in chunks: once used, the stream belongs to it.
class LineSource {
 public:
  static constexpr std::size_t kMaxLine = 16u << 20;

  enum class Status { Line, TooLong, End };

  explicit LineSource(std::istream& in) : in_(in), chunk_(kChunk) {}

  /// Reads the next line into `out`, without its line ending. A line over
  /// kMaxLine is consumed whole and reported as TooLong.
  Status next(std::string& out);

  /// 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t lineNumber() const { return lineNumber_; }

 private:
  static constexpr std::size_t kChunk = 1u << 16;
  bool refill();

  std::istream& in_;
  std::vector<char> chunk_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t lineNumber_ = 0;
};

}  // namespace edict::read
