#include "editor/lsp/features/cursor.h"

namespace edict::lsp {

namespace {

bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

/// The tokens of a line up to its comment: words and strings.
std::vector<LineToken> tokensOf(std::string_view line) {
  std::vector<LineToken> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '#') break;
    if (c == '"') {
      LineToken t{LineToken::Kind::String, {}, i, i};
      ++i;
      while (i < line.size() && line[i] != '"') {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        t.text.push_back(line[i]);
        ++i;
      }
      if (i < line.size()) ++i;  // the closing quote
      t.end = i;
      tokens.push_back(std::move(t));
      continue;
    }
    if (isWordChar(c)) {
      LineToken t{LineToken::Kind::Word, {}, i, i};
      while (i < line.size() && isWordChar(line[i])) ++i;
      t.end = i;
      t.text = std::string(line.substr(t.begin, t.end - t.begin));
      tokens.push_back(std::move(t));
      continue;
    }
    ++i;
  }
  return tokens;
}

}  // namespace

LineToken tokenAt(std::string_view line, std::size_t column) {
  for (LineToken& t : tokensOf(line)) {
    const bool inside = t.begin <= column && column < t.end;
    const bool justAfter = t.kind == LineToken::Kind::Word && column == t.end;
    if (inside || justAfter) return t;
  }
  return {};
}

std::vector<std::string> wordsBefore(std::string_view line, std::size_t column) {
  std::vector<std::string> words;
  for (const LineToken& t : tokensOf(line)) {
    if (t.end > column || (t.kind == LineToken::Kind::Word && t.end == column)) break;
    words.push_back(t.kind == LineToken::Kind::String ? "\"" + t.text + "\"" : t.text);
  }
  return {words.rbegin(), words.rend()};
}

Cursor cursorAt(const LineIndex& lines, Position position) {
  Cursor cursor;
  cursor.line = position.line + 1;
  cursor.text = lines.lineText(position.line);
  const std::size_t lineStart = lines.offsetOf(Position{position.line, 0});
  cursor.column = lines.offsetOf(position) - lineStart;
  cursor.token = tokenAt(cursor.text, cursor.column);
  if (cursor.token.kind != LineToken::Kind::None)
    cursor.tokenRange = Range{lines.positionOf(lineStart + cursor.token.begin),
                              lines.positionOf(lineStart + cursor.token.end)};
  return cursor;
}

}  // namespace edict::lsp
