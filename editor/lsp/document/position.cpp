#include "editor/lsp/document/position.h"

#include <algorithm>

namespace edict::lsp {

namespace {

/// The length of the valid UTF-8 sequence at `at`, or 1 when it is invalid.
std::size_t sequenceAt(std::string_view text, std::size_t at) {
  const std::size_t n = utf8Length(static_cast<unsigned char>(text[at]));
  if (n == 1 || at + n > text.size()) return 1;
  for (std::size_t i = 1; i < n; ++i)
    if ((static_cast<unsigned char>(text[at + i]) & 0xC0) != 0x80) return 1;
  return n;
}

}  // namespace

std::size_t utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) return 4;
  return 1;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

std::size_t LineIndex::lineEnd(std::uint32_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

std::string_view LineIndex::lineText(std::uint32_t line) const {
  if (line >= starts_.size()) return {};
  return text_.substr(starts_[line], lineEnd(line) - starts_[line]);
}

std::size_t LineIndex::offsetOf(Position position) const {
  if (position.line >= starts_.size()) return text_.size();
  std::size_t at = starts_[position.line];
  const std::size_t end = lineEnd(position.line);
  std::uint32_t units = 0;
  while (at < end && units < position.character) {
    const std::size_t n = sequenceAt(text_, at);
    const std::uint32_t width = n == 4 ? 2 : 1;
    // A position inside a surrogate pair is before the character.
    if (units + width > position.character) break;
    units += width;
    at += n;
  }
  return at;
}

Position LineIndex::positionOf(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(next - starts_.begin() - 1);
  std::uint32_t units = 0;
  for (std::size_t at = starts_[line]; at < offset;) {
    const std::size_t n = sequenceAt(text_, at);
    units += n == 4 ? 2 : 1;
    at += n;
  }
  return Position{line, units};
}

std::size_t LineIndex::offsetOfSpan(const source::Span& span) const {
  if (span.line == 0) return 0;
  if (span.line > starts_.size()) return text_.size();
  std::size_t at = starts_[span.line - 1];
  const std::size_t end = lineEnd(span.line - 1);
  for (std::uint32_t column = 1; column < span.column && at < end; ++column)
    at += sequenceAt(text_, at);
  return at;
}

Range LineIndex::rangeOf(const source::Span& span) const {
  if (span.line == 0) return Range{};
  const std::size_t begin = offsetOfSpan(span);
  std::size_t end = begin;
  // A span may run over line ends (a string left open): count its code
  // points across them, but never past the text.
  for (std::uint32_t i = 0; i < std::max<std::uint32_t>(span.length, 1) && end < text_.size(); ++i)
    end += sequenceAt(text_, end);
  return Range{positionOf(begin), positionOf(end)};
}

source::Span LineIndex::spanOf(Position position) const {
  const std::size_t offset = offsetOf(position);
  const Position clamped = positionOf(offset);
  std::uint32_t column = 1;
  for (std::size_t at = starts_[clamped.line]; at < offset; at += sequenceAt(text_, at)) ++column;
  return source::Span{clamped.line + 1, column, 1};
}

}  // namespace edict::lsp
