// Positions as the Language Server Protocol counts them, and the conversions
// to and from edict's. LSP positions are a 0-based line and a column in
// UTF-16 code units (the protocol's default encoding); edict's spans
// (frontend/source) are a 1-based line and column counted in Unicode code
// points, as the ANTLR lexer counts them; the text itself is UTF-8 bytes. A
// character outside the Basic Multilingual Plane is one code point, two
// UTF-16 units and four bytes, so each conversion walks the line's UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/source/source_file.h"

namespace edict::lsp {

/// An LSP position: 0-based line, 0-based column in UTF-16 code units.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  bool operator==(const Position&) const = default;
  auto operator<=>(const Position&) const = default;
};

/// An LSP range: `end` is just past the last character.
struct Range {
  Position start;
  Position end;
  bool operator==(const Range&) const = default;
};

/// The lines of one text, for converting between byte offsets, LSP
/// positions and edict spans. Lines end at `\n` (a `\r` before it belongs to
/// the line ending). Invalid UTF-8 counts one unit per byte, as a decoder
/// that replaces it would.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The byte offset of `position`; a column past the line's end is the
  /// line's end, a line past the text's end is the text's end.
  [[nodiscard]] std::size_t offsetOf(Position position) const;
  /// The position of byte offset `offset` (clamped to the text).
  [[nodiscard]] Position positionOf(std::size_t offset) const;
  /// The byte offset of an edict span's start (1-based line, code-point column).
  [[nodiscard]] std::size_t offsetOfSpan(const source::Span& span) const;
  /// The LSP range of an edict span; a span of line 0 (unknown) is the
  /// file's start.
  [[nodiscard]] Range rangeOf(const source::Span& span) const;
  /// The edict span (code points) of an LSP position, of length 1.
  [[nodiscard]] source::Span spanOf(Position position) const;
  /// The text of 0-based line `line`, without its line ending.
  [[nodiscard]] std::string_view lineText(std::uint32_t line) const;
  [[nodiscard]] std::uint32_t lineCount() const {
    return static_cast<std::uint32_t>(starts_.size());
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  /// The offset of the end of line `line` (before its `\r\n` or `\n`).
  [[nodiscard]] std::size_t lineEnd(std::uint32_t line) const;
};

/// The number of bytes of the UTF-8 sequence starting with `lead`, or 1 when
/// `lead` cannot start one.
std::size_t utf8Length(unsigned char lead);

}  // namespace edict::lsp
