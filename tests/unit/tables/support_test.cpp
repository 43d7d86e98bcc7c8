// The pieces under the table readers: block line reading, RFC 4180 records,
// encodings and code filters.
#include <catch2/catch.hpp>

#include <sstream>

#include "tables/block_line_reader.h"
#include "tables/code_filter.h"
#include "tables/csv_reader.h"
#include "tables/encoding.h"

using namespace edict;

namespace {

std::vector<std::string> allLines(const std::string& text, std::size_t maxLine = 1 << 20) {
  std::istringstream in(text);
  tables::BlockLineReader reader(in, maxLine);
  std::vector<std::string> lines;
  std::string_view line;
  tables::BlockLineReader::Status status;
  while ((status = reader.next(line)) != tables::BlockLineReader::Status::End)
    lines.push_back(status == tables::BlockLineReader::Status::TooLong ? "<too long>"
                                                                       : std::string(line));
  return lines;
}

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

TEST_CASE("lines split at LF and CRLF, across block boundaries", "[tables][lines]") {
  CHECK(allLines("a\r\nb\n\nc") == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(allLines("").empty());
  CHECK(allLines("\n") == std::vector<std::string>{""});
  // Lines of 1000 bytes straddle the 1 MiB block boundary many times.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(999, static_cast<char>('a' + i % 26)) + "\n";
  const auto lines = allLines(text, 4096);
  REQUIRE(lines.size() == 3000);
  for (int i = 0; i < 3000; ++i) {
    INFO(i);
    CHECK(lines[static_cast<std::size_t>(i)] == std::string(999, static_cast<char>('a' + i % 26)));
  }
}

TEST_CASE("overlong lines are skipped whole, and line numbers stay right", "[tables][lines]") {
  std::istringstream in("ok\n" + std::string(5000, 'x') + "\nnext\n" + std::string(3000000, 'y'));
  tables::BlockLineReader reader(in, 1000);
  std::string_view line;
  REQUIRE(reader.next(line) == tables::BlockLineReader::Status::Line);
  CHECK(reader.next(line) == tables::BlockLineReader::Status::TooLong);
  CHECK(reader.lineNumber() == 2);
  REQUIRE(reader.next(line) == tables::BlockLineReader::Status::Line);
  CHECK(line == "next");
  CHECK(reader.lineNumber() == 3);
  CHECK(reader.next(line) == tables::BlockLineReader::Status::TooLong);
  CHECK(reader.next(line) == tables::BlockLineReader::Status::End);
}

TEST_CASE("a last line without a line ending is returned and noticed", "[tables][lines]") {
  std::istringstream in("a\nb");
  tables::BlockLineReader reader(in);
  std::string_view line;
  reader.next(line);
  CHECK(reader.lastHadNewline());
  reader.next(line);
  CHECK(line == "b");
  CHECK_FALSE(reader.lastHadNewline());
}

TEST_CASE("RFC 4180 records", "[tables][csv]") {
  std::istringstream in("a,\"b,c\",\"d\"\"e\"\n\"multi\r\nline\",,\nx");
  tables::CsvReader csv(in);
  REQUIRE(csv.next() == tables::CsvReader::Status::Record);
  CHECK(std::vector<std::string>(csv.fields().begin(), csv.fields().end()) ==
        std::vector<std::string>{"a", "b,c", "d\"e"});
  CHECK(csv.quoted(1));
  CHECK_FALSE(csv.quoted(0));
  REQUIRE(csv.next() == tables::CsvReader::Status::Record);
  CHECK(csv.startLine() == 2);
  CHECK(std::vector<std::string>(csv.fields().begin(), csv.fields().end()) ==
        std::vector<std::string>{"multi\nline", "", ""});
  REQUIRE(csv.next() == tables::CsvReader::Status::Record);
  CHECK(csv.startLine() == 4);
  CHECK(csv.fields().size() == 1);
  CHECK(csv.endedWithoutNewline());
  CHECK(csv.next() == tables::CsvReader::Status::End);
}

TEST_CASE("spaces around a quoted field are dropped", "[tables][csv]") {
  std::istringstream in("a, \"b, c\" ,d\n");
  tables::CsvReader csv(in);
  REQUIRE(csv.next() == tables::CsvReader::Status::Record);
  CHECK(std::vector<std::string>(csv.fields().begin(), csv.fields().end()) ==
        std::vector<std::string>{"a", "b, c", "d"});
  CHECK(csv.quoted(1));
}

TEST_CASE("a runaway quote is stopped by the record size limit", "[tables][csv]") {
  std::string text = "a,\"never closed\n";
  for (int i = 0; i < 100; ++i) text += std::string(100, 'z') + "\n";
  std::istringstream in(text);
  tables::CsvReader csv(in, ',', 2000);
  REQUIRE(csv.next() == tables::CsvReader::Status::Malformed);
  CHECK(csv.error() == "record longer than 2000 bytes; a quote is probably not closed");
  CHECK(csv.startLine() == 1);
}

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
