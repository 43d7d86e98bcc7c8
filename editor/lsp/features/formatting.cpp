#include "editor/lsp/features/formatting.h"

#include "editor/lsp/features/protocol.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/format/formatter.h"

namespace edict::lsp {

rpc::Json formatting(const Document& document) {
  const source::SourceFile file(document.path, document.text);
  diag::DiagnosticSink sink;
  const std::optional<std::string> formatted = format::formatRuleset(file, sink);
  if (!formatted) return nullptr;
  Json edits = Json::array();
  if (*formatted == document.text) return edits;
  const LineIndex lines(document.text);
  const Range whole{Position{}, lines.positionOf(document.text.size())};
  edits.push_back(Json{{"range", toJson(whole)}, {"newText", *formatted}});
  return edits;
}

}  // namespace edict::lsp
