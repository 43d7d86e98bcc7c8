// textDocument/definition: where the word under the cursor is defined. A
// set goes to its declaration, a rule id to its statement (an `override` or
// a `disable` to the inherited rule, across `extends` and `include`), an
// `extends` or `include` path to that ruleset, a `pairs from` or `limits
// from` path to the table file.
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The locations (an array, maybe empty) for `position` of `document`.
rpc::Json definition(const Analysis& analysis, const Document& document, Position position);

}  // namespace edict::lsp
