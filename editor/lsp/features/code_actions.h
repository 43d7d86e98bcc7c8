// textDocument/codeAction: quick fixes from the diagnostics' help. Where the
// help names the replacement for the diagnostic's span ("did you mean
// `pair`?" from frontend/diag/suggest, "write it in capitals: `G0283`"),
// the action replaces the span with it.
#pragma once

#include <optional>
#include <string>

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/document/document.h"
#include "editor/lsp/rpc/message.h"

namespace edict::lsp {

/// The replacement a help line proposes for its diagnostic's span, if it
/// proposes one.
std::optional<std::string> replacementIn(std::string_view help);

/// The quick fixes for the diagnostics of `analysis` (of this version of
/// `document`) that overlap `range`.
rpc::Json codeActions(const Analysis& analysis, const Document& document, const Range& range);

}  // namespace edict::lsp
