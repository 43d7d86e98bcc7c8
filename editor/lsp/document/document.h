// A text document open in the editor: its URI, the path it stands for, the
// version the client gave, and the text, which the client's changes edit
// (whole or by range, `textDocument/didChange`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "editor/lsp/document/position.h"

namespace edict::lsp {

/// One open document.
struct Document {
  std::string uri;
  /// The file it stands for; `extends` and `include` are read relative to it.
  std::string path;
  std::int64_t version = 0;
  std::string text;
};

/// Replaces `range` of `text` (LSP positions, UTF-16) with `replacement`;
/// positions past the end are clamped, a range given backwards is swapped.
void applyEdit(std::string& text, const Range& range, std::string_view replacement);

}  // namespace edict::lsp
