// Little-endian byte encoding for compiled artifacts: a writer that appends
// to a string and a reader that checks every read against the end of its
// input, so a truncated or doctored file is an error with an offset, never
// a read out of bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace edict::artifact {

/// An artifact that cannot be read: what is wrong and, where it applies, at
/// which byte.
class ArtifactError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Appends little-endian integers and length-prefixed strings to a buffer.
class ByteWriter {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v) { fixed(v); }
  void u32(std::uint32_t v) { fixed(v); }
  void u64(std::uint64_t v) { fixed(v); }
  void i32(std::int32_t v) { fixed(static_cast<std::uint32_t>(v)); }
  void i64(std::int64_t v) { fixed(static_cast<std::uint64_t>(v)); }
  void boolean(bool v) { u8(v ? 1 : 0); }
  /// A u64 count followed by the bytes.
  void string(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  /// Raw bytes without a length (the caller wrote one).
  void bytes(std::string_view s) { out_.append(s); }

  [[nodiscard]] const std::string& data() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  template <typename T>
  void fixed(T v) {
    char buffer[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i)
      buffer[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    out_.append(buffer, sizeof(T));
  }

  std::string out_;
};

/// Reads what ByteWriter wrote; every read past the end throws ArtifactError.
class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::uint16_t u16() { return fixed<std::uint16_t>(); }
  std::uint32_t u32() { return fixed<std::uint32_t>(); }
  std::uint64_t u64() { return fixed<std::uint64_t>(); }
  std::int32_t i32() { return static_cast<std::int32_t>(fixed<std::uint32_t>()); }
  std::int64_t i64() { return static_cast<std::int64_t>(fixed<std::uint64_t>()); }
  bool boolean();
  std::string string() { return std::string(take(count(1))); }
  /// A u64 element count, checked against the bytes left assuming each
  /// element takes at least `minBytes` (1 or more), so a doctored count
  /// cannot make the caller reserve gigabytes.
  std::size_t count(std::size_t minBytes);
  /// The next `n` bytes.
  std::string_view take(std::size_t n);

  [[nodiscard]] std::size_t offset() const { return at_; }
  [[nodiscard]] bool atEnd() const { return at_ == in_.size(); }
  /// Throws ArtifactError saying `what` is wrong at the current offset.
  [[noreturn]] void fail(const std::string& what) const;

 private:
  template <typename T>
  T fixed() {
    const std::string_view b = take(sizeof(T));
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
      v |= static_cast<T>(static_cast<T>(static_cast<unsigned char>(b[i])) << (8 * i));
    return v;
  }

  std::string_view in_;
  std::size_t at_ = 0;
};

}  // namespace edict::artifact
