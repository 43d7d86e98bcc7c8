// The byte stream readers consume: it can show the first bytes of its input
// before anything is read, so the format can be detected from content even
// on standard input (which cannot seek back), and it counts the bytes read,
// for the progress bar.
#pragma once

#include <cstdint>
#include <istream>
#include <streambuf>
#include <string_view>
#include <vector>

namespace edict::read {

/// A buffered view of another stream's bytes, with look-ahead and a count.
class InputBuffer final : public std::streambuf {
 public:
  /// Reads from `source`, which must outlive this buffer.
  explicit InputBuffer(std::streambuf& source);

  /// Up to `n` bytes from the current position, without consuming them;
  /// fewer only at the end of input. `n` is capped at kChunk.
  std::string_view peek(std::size_t n);

  /// Bytes consumed so far.
  [[nodiscard]] std::uint64_t consumed() const;

  static constexpr std::size_t kChunk = 1u << 16;

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char_type* out, std::streamsize count) override;

 private:
  std::streambuf& source_;
  std::vector<char> buffer_;
  /// Bytes that left the buffer before its current contents were loaded.
  std::uint64_t before_ = 0;
};

/// An istream over an InputBuffer, handed to readers as a plain istream.
class InputStream final : public std::istream {
 public:
  explicit InputStream(std::istream& source) : std::istream(nullptr), buffer_(*source.rdbuf()) {
    rdbuf(&buffer_);
  }
  std::string_view peek(std::size_t n) { return buffer_.peek(n); }
  [[nodiscard]] std::uint64_t consumed() const { return buffer_.consumed(); }

 private:
  InputBuffer buffer_;
};

}  // namespace edict::read
