#include "editor/lsp/features/definition.h"

#include "editor/lsp/document/uri.h"
#include "editor/lsp/features/lookup.h"
#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

/// The location of `span` in `file`, read from the analysis (or the open
/// document, whose text may be newer).
Json locationIn(const Analysis& analysis, const Document& document, const std::string& file,
                const source::Span& span) {
  if (file == document.path) return locationOf(file, document.text, span);
  const FileOutline* outline = analysis.outline(file);
  if (outline == nullptr || !outline->file) return location(uriOfPath(file), Range{});
  return locationOf(file, outline->file->text(), span);
}

}  // namespace

rpc::Json definition(const Analysis& analysis, const Document& document, Position position) {
  const LineIndex lines(document.text);
  const Cursor cursor = cursorAt(lines, position);
  const Referent r = referentAt(analysis, document.path, cursor);
  Json locations = Json::array();
  switch (r.kind) {
    case Referent::Kind::None:
    case Referent::Kind::BuiltinSet: break;
    case Referent::Kind::Set:
      locations.push_back(locationIn(analysis, document, r.set->file, r.set->nameSpan));
      break;
    case Referent::Kind::RulesetFile:
    case Referent::Kind::Table: locations.push_back(location(uriOfPath(r.path), Range{})); break;
    case Referent::Kind::Rule: {
      // From a definition, the ones it overrides; from a use (`disable`,
      // `expect ... rule`), the one in force and those before it.
      for (const RuleInfo& d : *r.definitions) {
        if (&d == r.here) break;
        locations.push_back(locationIn(analysis, document, d.file, d.nameSpan));
      }
      if (locations.empty() && r.here != nullptr)
        locations.push_back(locationIn(analysis, document, r.here->file, r.here->nameSpan));
      break;
    }
  }
  return locations;
}

}  // namespace edict::lsp
