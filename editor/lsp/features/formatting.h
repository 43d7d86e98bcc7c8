// textDocument/formatting: the canonical layout of `edict fmt`
// (frontend/format), as one edit that replaces the document. A document
// with syntax errors is never rewritten (no edits).
#pragma once

#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The edits (an array: none, or one for the whole text), or null when
/// the document does not parse.
rpc::Json formatting(const Document& document);

}  // namespace edict::lsp
