// The pieces under the table readers: encodings and code filters (the line
// reader and the CSV parser are the core's: tests/unit/core/io).
#include <catch2/catch.hpp>

#include "tables/code_filter.h"
#include "tables/encoding.h"

using namespace edict;

namespace {

tables::CodeFilter filter(const std::string& text) {
  auto parsed = tables::CodeFilter::parse(text);
  REQUIRE(std::holds_alternative<tables::CodeFilter>(parsed));
  return std::get<tables::CodeFilter>(parsed);
}

std::string filterError(const std::string& text) {
  auto parsed = tables::CodeFilter::parse(text);
  REQUIRE(std::holds_alternative<std::string>(parsed));
  return std::get<std::string>(parsed);
}

bool has(const tables::CodeFilter& f, const char* code) {
  return f.contains(*model::Code::parse(code));
}

}  // namespace

TEST_CASE("UTF-8 checking and Latin-1 decoding", "[tables][encoding]") {
  CHECK_FALSE(tables::checkUtf8Text("plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  CHECK(tables::checkUtf8Text("\xC0\xAF") ==
        "invalid UTF-8 at byte 1 (0xC0); save the file as UTF-8");  // overlong
  CHECK(tables::checkUtf8Text("ab\xED\xA0\x80") ==
        "invalid UTF-8 at byte 3 (0xED); save the file as UTF-8");  // surrogate
  CHECK(tables::checkUtf8Text("cut \xE2\x82") ==
        "invalid UTF-8 at byte 5 (0xE2); save the file as UTF-8");
  CHECK(tables::checkUtf8Text("bell\x07") == "control character 0x07 in text");
  CHECK_FALSE(tables::checkUtf8Text("tab\tok"));

  std::string out;
  CHECK_FALSE(tables::appendLatin1AsUtf8("\x80 \x99 \xFF", out));
  CHECK(out == "\xE2\x82\xAC \xE2\x84\xA2 \xC3\xBF");
  CHECK(tables::quoteForMessage("a\xE9\n") == "`a\\xE9\\x0A`");
  CHECK(tables::quoteForMessage(std::string(50, 'q')) == "`" + std::string(40, 'q') + "...`");
}

TEST_CASE("code filters take codes and ranges", "[tables][codes]") {
  const auto f = filter("97010..97799, 98940..98943 G0283\n# a comment 99999\n97012");
  CHECK(has(f, "97010"));
  CHECK(has(f, "97110"));
  CHECK(has(f, "97799"));
  CHECK_FALSE(has(f, "97800"));
  CHECK_FALSE(has(f, "97009"));
  CHECK(has(f, "98942"));
  CHECK_FALSE(has(f, "98944"));
  CHECK(has(f, "G0283"));
  CHECK_FALSE(has(f, "G0282"));
  CHECK_FALSE(has(f, "99999"));
  // Ranges are text order, as in the language: 9701T sorts between 97019 and 97020.
  CHECK(has(f, "9701T"));

  CHECK(filterError("97110..9711") ==
        "`9711` in `97110..9711`: procedure codes have five characters, `9711` has 4");
  CHECK(filterError("97799..97010") ==
        "the range `97799..97010` is empty: its first code comes after its last");
  CHECK(filterError(" , # nothing") == "no codes given");
}
