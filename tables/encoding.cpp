#include "tables/encoding.h"

#include <fmt/format.h>
#include <array>
#include <cstdint>

#include "core/text/json_text.h"

namespace edict::tables {

namespace {

// Windows-1252 code points of bytes 0x80-0x9F; 0 marks the undefined ones.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

void appendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool isControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// Whether the text is valid UTF-8 and holds a multi-byte sequence.
bool isMultiByteUtf8(std::string_view text) {
  bool sawMulti = false;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = text::utf8SequenceLength(text.substr(i));
    if (len == 0) return false;
    sawMulti = true;
    i += len;
  }
  return sawMulti;
}

std::string controlMessage(unsigned char c) {
  return fmt::format("control character 0x{:02X} in text", static_cast<unsigned>(c));
}

}  // namespace

std::optional<std::string> appendLatin1AsUtf8(std::string_view text, std::string& out) {
  bool ascii = true;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (isControl(c)) return controlMessage(c);
    if (c >= 0x80) ascii = false;
  }
  if (ascii || isMultiByteUtf8(text)) {
    out.append(text);
    return std::nullopt;
  }
  const std::size_t start = out.size();
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      const char32_t cp = kWindows1252High[c - 0x80];
      if (cp == 0) {
        out.resize(start);
        return fmt::format("byte 0x{:02X} is not a character in Latin-1 or Windows-1252 text",
                           static_cast<unsigned>(c));
      }
      appendUtf8(cp, out);
    } else {
      appendUtf8(c, out);
    }
  }
  return std::nullopt;
}

std::optional<std::string> checkUtf8Text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (isControl(c)) return controlMessage(c);
      ++i;
      continue;
    }
    const std::size_t len = text::utf8SequenceLength(text.substr(i));
    if (len == 0)
      return fmt::format("invalid UTF-8 at byte {} (0x{:02X}); save the file as UTF-8", i + 1,
                         static_cast<unsigned>(c));
    i += len;
  }
  return std::nullopt;
}

std::string quoteForMessage(std::string_view text) {
  constexpr std::size_t kMax = 40;
  std::string out = "`";
  for (std::size_t i = 0; i < text.size() && i < kMax; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F)
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
  }
  if (text.size() > kMax) out += "...";
  out += "`";
  return out;
}

}  // namespace edict::tables
