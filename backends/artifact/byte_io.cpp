#include "backends/artifact/byte_io.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::artifact {

bool ByteReader::boolean() {
  const std::uint8_t v = u8();
  if (v > 1) fail(fmt::format("a flag is {}, not 0 or 1", v));
  return v == 1;
}

std::size_t ByteReader::count(std::size_t minBytes) {
  const std::uint64_t n = u64();
  const std::size_t left = in_.size() - at_;
  if (n > left / std::max<std::size_t>(minBytes, 1))
    fail(fmt::format("a count of {} is more than the {} bytes left can hold", n, left));
  return static_cast<std::size_t>(n);
}

std::string_view ByteReader::take(std::size_t n) {
  if (n > in_.size() - at_)
    fail(fmt::format("the file ends {} bytes early", n - (in_.size() - at_)));
  const std::string_view out = in_.substr(at_, n);
  at_ += n;
  return out;
}

void ByteReader::fail(const std::string& what) const {
  throw ArtifactError(fmt::format("at byte {}: {}", at_, what));
}

}  // namespace edict::artifact
