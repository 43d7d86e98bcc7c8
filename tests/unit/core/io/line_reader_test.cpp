// The buffered line reader under every text input: lines at LF and CRLF,
// pieces at another delimiter, bytes one at a time, and the length limit.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/io/line_reader.h"

using namespace edict;

namespace {

std::vector<std::string> allLines(const std::string& text, std::size_t maxLine = 1 << 20) {
  std::istringstream in(text);
  io::LineReader reader(in, maxLine);
  std::vector<std::string> lines;
  std::string_view line;
  io::LineReader::Status status;
  while ((status = reader.next(line)) != io::LineReader::Status::End)
    lines.push_back(status == io::LineReader::Status::TooLong ? "<too long>" : std::string(line));
  return lines;
}

}  // namespace

TEST_CASE("lines split at LF and CRLF, across block boundaries", "[io][lines]") {
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

TEST_CASE("overlong lines are skipped whole, and line numbers stay right", "[io][lines]") {
  std::istringstream in("ok\n" + std::string(5000, 'x') + "\nnext\n" + std::string(3000000, 'y'));
  io::LineReader reader(in, 1000);
  std::string_view line;
  REQUIRE(reader.next(line) == io::LineReader::Status::Line);
  CHECK(reader.next(line) == io::LineReader::Status::TooLong);
  CHECK(reader.lineNumber() == 2);
  REQUIRE(reader.next(line) == io::LineReader::Status::Line);
  CHECK(line == "next");
  CHECK(reader.lineNumber() == 3);
  CHECK(reader.next(line) == io::LineReader::Status::TooLong);
  CHECK(reader.next(line) == io::LineReader::Status::End);
}

TEST_CASE("a last line without a line ending is returned and noticed", "[io][lines]") {
  std::istringstream in("a\nb");
  io::LineReader reader(in);
  std::string_view line;
  reader.next(line);
  CHECK(reader.lastHadNewline());
  reader.next(line);
  CHECK(line == "b");
  CHECK_FALSE(reader.lastHadNewline());
}

TEST_CASE("a line of exactly the limit is kept; one byte more is too long", "[io][lines]") {
  CHECK(allLines("abcd\nabcde\nab\r\n", 4) == std::vector<std::string>{"abcd", "<too long>", "ab"});
  // The carriage return of CRLF counts, as it is part of the line read.
  CHECK(allLines("abcd\r\n", 4) == std::vector<std::string>{"<too long>"});
}

TEST_CASE("pieces end at another delimiter and keep everything else", "[io][lines]") {
  std::istringstream in("ISA*00~\r\nGS*HC~" + std::string(100, 'z') + "~ST*837");
  io::LineReader reader(in, 50);
  std::string_view piece;
  REQUIRE(reader.nextUntil('~', piece) == io::LineReader::Status::Line);
  CHECK(piece == "ISA*00");
  REQUIRE(reader.nextUntil('~', piece) == io::LineReader::Status::Line);
  CHECK(piece == "\r\nGS*HC");
  CHECK(reader.nextUntil('~', piece) == io::LineReader::Status::TooLong);
  REQUIRE(reader.nextUntil('~', piece) == io::LineReader::Status::Line);
  CHECK(piece == "ST*837");
  CHECK_FALSE(reader.lastHadNewline());
  CHECK(reader.lineNumber() == 4);
  CHECK(reader.nextUntil('~', piece) == io::LineReader::Status::End);
}

TEST_CASE("bytes one at a time, between lines", "[io][lines]") {
  std::istringstream in("{x\nline two\n");
  io::LineReader reader(in);
  CHECK(reader.peek() == '{');
  CHECK(reader.get() == '{');
  CHECK(reader.get() == 'x');
  std::string_view line;
  REQUIRE(reader.next(line) == io::LineReader::Status::Line);
  CHECK(line.empty());  // the rest of the first line
  REQUIRE(reader.next(line) == io::LineReader::Status::Line);
  CHECK(line == "line two");
  CHECK(reader.peek() == -1);
  CHECK(reader.get() == -1);

  std::istringstream empty("");
  io::LineReader nothing(empty);
  CHECK(nothing.get() == -1);
  CHECK(nothing.next(line) == io::LineReader::Status::End);
}
