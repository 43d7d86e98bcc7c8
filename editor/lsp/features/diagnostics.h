// textDocument/publishDiagnostics: the front end's diagnostics of one
// document in the LSP's shape, with the registry code (`E0201`), the exact
// range (converted from code points to UTF-16) and the help line. A
// diagnostic in another file (an extended ruleset, a table's bad row)
// becomes related information of the document's diagnostic reported next,
// which is the one that names that file (`cannot extend ...`, `the pair
// table has 2 bad rows`).
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The `params` of publishDiagnostics for `document`.
rpc::Json publishDiagnosticsParams(const Analysis& analysis, const Document& document);

/// One diagnostic in the LSP's shape, its range in `text`.
rpc::Json toLspDiagnostic(const diag::Diagnostic& diagnostic, std::string_view text);

}  // namespace edict::lsp
