// textDocument/hover: what the word under the cursor is. A set shows its
// members; a rule its id, what it does (a pair's indicator and dates, a
// rule's action and reason) and its text, and the rule it overrides; a
// table its row count and source; a ruleset file its path.
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The hover result at `position` of `document`, or null.
rpc::Json hover(const Analysis& analysis, const Document& document, Position position);

}  // namespace edict::lsp
