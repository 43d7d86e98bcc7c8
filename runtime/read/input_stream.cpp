#include "runtime/read/input_stream.h"

#include <algorithm>
#include <cstring>

namespace edict::read {

InputBuffer::InputBuffer(std::streambuf& source) : source_(source), buffer_(kChunk) {
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

std::string_view InputBuffer::peek(std::size_t n) {
  n = std::min(n, kChunk);
  std::size_t have = static_cast<std::size_t>(egptr() - gptr());
  if (have < n) {
    // Move what is left to the front and fill up behind it.
    const std::size_t offset = static_cast<std::size_t>(gptr() - eback());
    before_ += offset;
    std::memmove(buffer_.data(), gptr(), have);
    while (have < n) {
      const std::streamsize got =
          source_.sgetn(buffer_.data() + have, static_cast<std::streamsize>(kChunk - have));
      if (got <= 0) break;
      have += static_cast<std::size_t>(got);
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + have);
  }
  return {gptr(), std::min(n, have)};
}

std::uint64_t InputBuffer::consumed() const {
  return before_ + static_cast<std::uint64_t>(gptr() - eback());
}

InputBuffer::int_type InputBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  before_ += static_cast<std::uint64_t>(egptr() - eback());
  const std::streamsize got =
      source_.sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  const std::size_t have = got > 0 ? static_cast<std::size_t>(got) : 0;
  setg(buffer_.data(), buffer_.data(), buffer_.data() + have);
  if (have == 0) return traits_type::eof();
  return traits_type::to_int_type(*gptr());
}

std::streamsize InputBuffer::xsgetn(char_type* out, std::streamsize count) {
  std::streamsize done = 0;
  while (done < count) {
    std::streamsize have = egptr() - gptr();
    if (have == 0) {
      if (traits_type::eq_int_type(underflow(), traits_type::eof())) break;
      have = egptr() - gptr();
    }
    const std::streamsize take = std::min(have, count - done);
    std::memcpy(out + done, gptr(), static_cast<std::size_t>(take));
    gbump(static_cast<int>(take));
    done += take;
  }
  return done;
}

}  // namespace edict::read
