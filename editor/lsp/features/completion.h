// textDocument/completion: what may be written where the cursor is, read
// from the words before it on the line. A statement's keyword at the start
// of a line; after `override`, the inherited rules (inserting the statement
// that defines each, to be changed); after `disable` or `expect ... rule`,
// rule ids; set names where codes or modifiers go (`on`, `in`, `bypass`,
// `require modifier`); reason codes after `reason`; unit methods after `by`;
// table formats after `format`.
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The completion list at `position` of `document`.
rpc::Json completion(const Analysis& analysis, const Document& document, Position position);

}  // namespace edict::lsp
