#include "tables/tsv_text.h"

#include <fmt/format.h>

#include "tables/encoding.h"

namespace edict::tables {

void appendTsvEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
}

std::optional<std::string> appendTsvUnescaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 == text.size())
      return std::string("a backslash at the end of the cell; write `\\\\`");
    switch (text[++i]) {
      case '\\': out.push_back('\\'); break;
      case 't': out.push_back('\t'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      default:
        return fmt::format("unknown escape {}; only \\\\, \\t, \\n and \\r are escapes",
                           quoteForMessage(text.substr(i - 1, 2)));
    }
  }
  return std::nullopt;
}

void appendCode(std::string& out, model::Code code) {
  char text[5];
  std::uint32_t v = code.packed;
  for (int i = 4; i >= 0; --i) {
    const unsigned digit = v % 36;
    text[i] = digit < 10 ? static_cast<char>('0' + digit) : static_cast<char>('A' + digit - 10);
    v /= 36;
  }
  out.append(text, 5);
}

}  // namespace edict::tables
