#include "editor/lsp/document/document.h"

#include <algorithm>

namespace edict::lsp {

void applyEdit(std::string& text, const Range& range, std::string_view replacement) {
  const LineIndex lines(text);
  std::size_t begin = lines.offsetOf(range.start);
  std::size_t end = lines.offsetOf(range.end);
  if (end < begin) std::swap(begin, end);
  text.replace(begin, end - begin, replacement);
}

}  // namespace edict::lsp
