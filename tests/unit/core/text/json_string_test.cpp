// text::appendJsonString (core/text/json_text.h) scans eight bytes at a
// time; these tests hold it to a plain byte-by-byte escaper on strings
// built to put every kind of byte at every offset of a word.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/text/json_text.h"

namespace {

/// The escaping, one byte at a time, as JSON and the writers define it.
std::string reference(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"') {
      out += "\\\"";
    } else if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20) {
      static const char* hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      const std::size_t length = edict::text::utf8SequenceLength(text.substr(i));
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
        continue;
      }
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    ++i;
  }
  return out + "\"";
}

std::string escaped(std::string_view text) {
  std::string out;
  edict::text::appendJsonString(out, text);
  return out;
}

}  // namespace

TEST_CASE("each byte that needs escaping is found at every offset of a word", "[text][json]") {
  for (int special = 0; special < 256; ++special)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(20, 'a');
      text[at] = static_cast<char>(special);
      INFO("byte " << special << " at " << at);
      REQUIRE(escaped(text) == reference(text));
    }
  // The bytes next to the limits of what is written as it is.
  for (const char* text : {" ~\x7f!#[]", "\x1f\x20\x21\x22\x23", "\x5b\x5c\x5d", "\x7f\x80"})
    CHECK(escaped(text) == reference(text));
}

TEST_CASE("random text is escaped as byte-by-byte escaping does", "[text][json]") {
  std::mt19937 random(20261207);
  // Mostly printable ASCII, as messages are, with the odd special byte,
  // UTF-8 sequence or invalid byte.
  const std::string pieces[] = {"abcdefgh",
                                "\"",
                                "\\",
                                "\n",
                                "\t",
                                "\x01",
                                "\xC3\xA9",
                                "\xF0\x9F\x98\x80",
                                "\xFF",
                                "\xE2\x82",
                                "0123456789 ,.;:"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> count(0, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = count(random); n > 0; --n) text += pieces[pick(random)];
    INFO(text);
    REQUIRE(escaped(text) == reference(text));
  }
}
