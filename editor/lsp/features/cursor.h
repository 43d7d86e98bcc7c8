// What is under and before the cursor on one line of ruleset text: the word
// or string the cursor is on, and the words before it. The features read
// words from the line's text, not from tokens of the parser, because the
// line being typed rarely parses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"

namespace edict::lsp {

/// A word (letters, digits, `_`, and `-` so that `CO-236` and dates are one
/// word) or a string literal on a line, by byte offsets within the line.
struct LineToken {
  enum class Kind { None, Word, String };
  Kind kind = Kind::None;
  /// The word, or the string without its quotes.
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The token that contains byte `column` of `line` or ends right before it;
/// None inside a comment, on blanks or punctuation.
LineToken tokenAt(std::string_view line, std::size_t column);

/// The words before byte `column` of `line`, nearest first, not counting a
/// word the cursor is in; strings count as one word (`"..."`), comments end
/// the line.
std::vector<std::string> wordsBefore(std::string_view line, std::size_t column);

/// The cursor in a document, located for the features.
struct Cursor {
  /// 1-based line, and the line's text.
  std::uint32_t line = 0;
  std::string_view text;
  /// Byte offset of the cursor within `text`.
  std::size_t column = 0;
  LineToken token;
  /// The LSP range of `token`.
  Range tokenRange;
};

/// Locates `position` in the text of `lines`.
Cursor cursorAt(const LineIndex& lines, Position position);

}  // namespace edict::lsp
