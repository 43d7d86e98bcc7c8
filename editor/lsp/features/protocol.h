// The LSP's JSON shapes of the types the features use (positions, ranges,
// locations, diagnostics' severities), and reading the parameters every
// text document request carries. Reading throws rpc::Json's exceptions on a
// wrong shape; the server answers those with InvalidParams.
#pragma once

#include <string>

#include "editor/lsp/document/position.h"
#include "editor/lsp/rpc/message.h"
#include "frontend/source/source_file.h"

namespace edict::lsp {

using rpc::Json;

Json toJson(const Position& position);
Json toJson(const Range& range);
/// `{"uri": ..., "range": ...}`
Json location(const std::string& uri, const Range& range);
/// The location of `span` in the file at `path`, whose text is `text`.
Json locationOf(const std::string& path, std::string_view text, const source::Span& span);

Position positionFrom(const Json& json);
Range rangeFrom(const Json& json);

/// `params.textDocument.uri`
std::string documentUri(const Json& params);
/// `params.position`
Position requestPosition(const Json& params);

/// Markdown hover contents with the range they are about.
Json hoverResult(std::string markdown, const Range& range);

}  // namespace edict::lsp
