// textDocument/documentSymbol: the outline of a ruleset, one symbol per
// statement (sets, pairs, rules, limits, tables, tests), each named by its
// rule id where it has one.
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The DocumentSymbol array of `document` (empty when it has not parsed).
rpc::Json documentSymbols(const Analysis& analysis, const Document& document);

}  // namespace edict::lsp
