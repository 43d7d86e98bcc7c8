// The packing of a split record whose text is not one line (a CSV claim's
// rows, an X12 claim's segments): numbers and byte strings appended to the
// record's text on the reading thread and read back in order by the thread
// that parses it. Both ends are in the same process and build; the packing
// is never stored.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace edict::read {

/// Appends `n` to `out` as its raw bytes.
template <typename Number>
void packNumber(std::string& out, Number n) {
  char bytes[sizeof n];
  std::memcpy(bytes, &n, sizeof n);
  out.append(bytes, sizeof n);
}

/// Appends `text` with its length before it.
inline void packText(std::string& out, std::string_view text) {
  packNumber(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

/// Reads back what packNumber() and packText() appended, in order.
class Unpacker {
 public:
  explicit Unpacker(std::string_view packed) : rest_(packed) {}

  template <typename Number>
  Number number() {
    Number n;
    std::memcpy(&n, rest_.data(), sizeof n);
    rest_.remove_prefix(sizeof n);
    return n;
  }

  std::string_view text() {
    const auto size = number<std::uint32_t>();
    const std::string_view t = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return t;
  }

  [[nodiscard]] bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace edict::read
