#include "core/text/json_text.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace edict::text {

namespace {

/// Whether `c` goes into a JSON string as it is: printable ASCII other
/// than the quote and the backslash.
constexpr bool writtenAsIs(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/// The length of the run of bytes written as they are at the start of
/// `text`: eight bytes at a time while none of them needs a look (the
/// classic zero-byte test: a byte of `x` is zero iff its high bit is set
/// in `(x - 0x01..) & ~x & 0x80..`), then byte by byte.
std::size_t plainRun(std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto hasZeroByte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    // Bytes below 0x20 borrow into their high bit when 0x20 is taken off
    // (bytes of 0x80 and above are caught on their own high bit).
    const std::uint64_t control = (word - 0x20 * ones) & ~word & highs;
    const std::uint64_t special = (word & highs) | control | hasZeroByte(word ^ ('"' * ones)) |
                                  hasZeroByte(word ^ ('\\' * ones));
    if (special != 0) break;
  }
  while (i < text.size() && writtenAsIs(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace

std::size_t utf8SequenceLength(std::string_view text) {
  if (text.empty()) return 0;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;   // bounds of the second byte, which rule out
  unsigned char high = 0xBF;  // overlong forms and surrogates (RFC 3629)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

void appendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    // Most text is printable ASCII written as it is: appended a run at a
    // time rather than a byte at a time (records' messages are the longest
    // strings a run writes; byte by byte, this was a tenth of `edict run`).
    const std::size_t run = plainRun(text.substr(i));
    out.append(text.data() + i, run);
    i += run;
    if (i == text.size()) break;
    const char c = text[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          const std::size_t length = utf8SequenceLength(text.substr(i));
          if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
          } else {
            out.append(text.substr(i, length));
            i += length;
          }
          continue;
        }
    }
    ++i;
  }
  out.push_back('"');
}

}  // namespace edict::text
