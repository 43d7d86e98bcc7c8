// A ruleset's text with its name, and source positions within it.
// Positions count lines and columns from 1; columns count Unicode code
// points, as the ANTLR lexer does, so carets line up under the text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edict::source {

/// A position range in one file: where a diagnostic or a construct is.
struct Span {
  std::uint32_t line = 0;    ///< 1-based; 0 when the span is unknown
  std::uint32_t column = 0;  ///< 1-based, in code points
  std::uint32_t length = 1;  ///< in code points, at least 1
};

/// The text of one ruleset file, kept for diagnostics and the formatter.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  /// The text of 1-based line `line`, without its line ending; empty if out of range.
  [[nodiscard]] std::string_view lineText(std::uint32_t line) const;
  [[nodiscard]] std::uint32_t lineCount() const {
    return static_cast<std::uint32_t>(lineStarts_.size());
  }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> lineStarts_;
};

}  // namespace edict::source
