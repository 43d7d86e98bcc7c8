#include "editor/lsp/features/symbols.h"

#include <cstdint>

#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

// SymbolKind values of the LSP.
int symbolKind(OutlineEntry::Kind kind) {
  using Kind = OutlineEntry::Kind;
  switch (kind) {
    case Kind::CodeSet:
    case Kind::ModifierSet:
    case Kind::PlaceSet:
    case Kind::DiagnosisSet: return 14;  // Constant
    case Kind::Pair: return 23;         // Struct
    case Kind::PairsFrom:
    case Kind::LimitsFrom: return 1;  // File
    case Kind::Rule:
    case Kind::ModifierRule:
    case Kind::Units:
    case Kind::Limit: return 12;    // Function
    case Kind::Disable: return 24;  // Event
    case Kind::Test: return 6;      // Method
  }
  return 13;
}

}  // namespace

rpc::Json documentSymbols(const Analysis& analysis, const Document& document) {
  Json symbols = Json::array();
  const FileOutline* outline = analysis.outline(document.path);
  if (outline == nullptr) return symbols;
  const LineIndex lines(document.text);
  for (const OutlineEntry& e : outline->entries) {
    const Position start{e.firstLine - 1, 0};
    // The end of the statement's last line (a column past it is clamped).
    const Position end = lines.positionOf(lines.offsetOf(Position{e.lastLine - 1, UINT32_MAX}));
    Range full{start, std::max(end, start)};
    Range selection = lines.rangeOf(e.nameSpan);
    if (selection.start < full.start || full.end < selection.end) selection = Range{start, start};
    symbols.push_back(
        Json{{"name", e.name.empty() ? std::string(keywordOf(e.kind)) : e.name},
             {"detail", std::string(keywordOf(e.kind)) + (e.isOverride ? " (override)" : "")},
             {"kind", symbolKind(e.kind)},
             {"range", toJson(full)},
             {"selectionRange", toJson(selection)}});
  }
  return symbols;
}

}  // namespace edict::lsp
