// LSP positions (UTF-16 code units) against edict's spans (code points) and
// the text's UTF-8 bytes (editor/lsp/document/position.h), with characters of
// one, two, three and four bytes; file URIs; edits by range.
#include <catch2/catch.hpp>

#include "editor/lsp/document/document.h"
#include "editor/lsp/document/position.h"
#include "editor/lsp/document/uri.h"

using namespace edict;
using lsp::LineIndex;
using lsp::Position;
using lsp::Range;

TEST_CASE("ASCII: columns are the same in every count", "[lsp][position]") {
  const std::string text = "ruleset t\npair 97140 97530\n";
  const LineIndex lines(text);
  CHECK(lines.lineCount() == 3);
  CHECK(lines.offsetOf(Position{1, 5}) == 15);
  CHECK(lines.positionOf(15) == Position{1, 5});
  CHECK(lines.rangeOf(source::Span{2, 6, 5}) == Range{{1, 5}, {1, 10}});
}

TEST_CASE("code points, UTF-16 units and bytes differ past non-ASCII text", "[lsp][position]") {
  // é: 2 bytes, 1 unit; €: 3 bytes, 1 unit; 💪: 4 bytes, 2 units (a pair).
  const std::string line = "rule r \"é € \xF0\x9F\x92\xAA\": when x in timd";
  const LineIndex lines(line);
  const std::size_t byte = line.find("timd");
  // The lexer's column: one code point per character.
  const std::uint32_t codePoints =
      1 +
      static_cast<std::uint32_t>(std::u32string(U"rule r \"é € \U0001F4AA\": when x in ").size());
  const auto units =
      static_cast<std::uint32_t>(std::u16string(u"rule r \"é € \U0001F4AA\": when x in ").size());
  // The emoji is one code point and two units, so the 1-based code-point
  // column and the 0-based UTF-16 column of the typo are the same number.
  REQUIRE(units == codePoints);
  const Range r = lines.rangeOf(source::Span{1, codePoints, 4});
  CHECK(r == Range{{0, units}, {0, units + 4}});
  CHECK(lines.offsetOf(r.start) == byte);
  CHECK(lines.positionOf(byte) == r.start);
  CHECK(lines.spanOf(r.start).column == codePoints);
}

TEST_CASE("positions past a line's end, inside a pair, past the text are clamped",
          "[lsp][position]") {
  const std::string text =
      "a\xF0\x9F\x92\xAA"
      "b\r\nsecond\n";
  const LineIndex lines(text);
  CHECK(lines.lineText(0) ==
        "a\xF0\x9F\x92\xAA"
        "b");
  CHECK(lines.offsetOf(Position{0, 99}) == 6);  // before the CR
  CHECK(lines.offsetOf(Position{0, 2}) == 1);   // inside the surrogate pair: before it
  CHECK(lines.offsetOf(Position{0, 3}) == 5);
  CHECK(lines.offsetOf(Position{9, 0}) == text.size());
  CHECK(lines.positionOf(text.size() + 5) == Position{2, 0});
  // A span of an unknown place is the file's start.
  CHECK(lines.rangeOf(source::Span{0, 0, 1}) == Range{});
}

TEST_CASE("invalid UTF-8 counts one unit per byte", "[lsp][position]") {
  const std::string text =
      "\xff\xfe"
      "x";
  const LineIndex lines(text);
  CHECK(lines.positionOf(2) == Position{0, 2});
  CHECK(lines.offsetOf(Position{0, 2}) == 2);
}

TEST_CASE("edits by range apply in order, as the client sends them", "[lsp][position]") {
  std::string text = "codes timd = 97110\nrule \xF0\x9F\x92\xAA x\n";
  lsp::applyEdit(text, Range{{0, 6}, {0, 10}}, "timed");
  CHECK(text == "codes timed = 97110\nrule \xF0\x9F\x92\xAA x\n");
  // After the emoji (two units) and its space.
  lsp::applyEdit(text, Range{{1, 8}, {1, 9}}, "y");
  CHECK(text == "codes timed = 97110\nrule \xF0\x9F\x92\xAA y\n");
  lsp::applyEdit(text, Range{{2, 0}, {2, 0}}, "disable x\n");
  CHECK(text.substr(text.size() - 10) == "disable x\n");
  // A backwards range is the same range.
  lsp::applyEdit(text, Range{{0, 11}, {0, 6}}, "t");
  CHECK(text.rfind("codes t = 97110", 0) == 0);
}

TEST_CASE("file URIs and paths", "[lsp][uri]") {
  CHECK(lsp::pathOfUri("file:///work/rules/acme%20health.edict") ==
        "/work/rules/acme health.edict");
  CHECK(lsp::pathOfUri("file://localhost/a/./b/../c.edict") == "/a/c.edict");
  CHECK(lsp::pathOfUri("file:///caf%C3%A9.edict") == "/café.edict");
  CHECK_FALSE(lsp::pathOfUri("untitled:Untitled-1").has_value());
  CHECK_FALSE(lsp::pathOfUri("file:///bad%2").has_value());
  CHECK_FALSE(lsp::pathOfUri("file:///nul%00").has_value());
  CHECK(lsp::uriOfPath("/a b/café.edict") == "file:///a%20b/caf%C3%A9.edict");
  CHECK(lsp::pathOfUri(lsp::uriOfPath("/x/#1 [v2].edict")) == "/x/#1 [v2].edict");
}
