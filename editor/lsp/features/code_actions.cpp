#include "editor/lsp/features/code_actions.h"

#include <array>

#include "editor/lsp/features/diagnostics.h"
#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

bool overlaps(const Range& a, const Range& b) {
  return !(a.end < b.start) && !(b.end < a.start);
}

}  // namespace

std::optional<std::string> replacementIn(std::string_view help) {
  // The phrases of the help lines whose backticked word replaces the span
  // as it is: a near name, or the same word in capitals.
  static constexpr std::array<std::string_view, 4> kPhrases{
      "did you mean `", "write it in capitals: `", "codes are written in capitals: `",
      "modifiers are written in capitals: `"};
  for (std::string_view phrase : kPhrases) {
    if (help.substr(0, phrase.size()) != phrase) continue;
    const std::string_view rest = help.substr(phrase.size());
    const std::size_t close = rest.find('`');
    if (close == std::string_view::npos || close == 0) return std::nullopt;
    return std::string(rest.substr(0, close));
  }
  return std::nullopt;
}

rpc::Json codeActions(const Analysis& analysis, const Document& document, const Range& range) {
  Json actions = Json::array();
  const LineIndex lines(document.text);
  for (const diag::Diagnostic& d : analysis.diagnostics) {
    if (d.file != document.path || !d.help) continue;
    const std::optional<std::string> replacement = replacementIn(*d.help);
    if (!replacement) continue;
    const Range where = lines.rangeOf(d.span);
    if (!overlaps(where, range)) continue;
    Json edit{{"range", toJson(where)}, {"newText", *replacement}};
    actions.push_back(Json{
        {"title", "Replace with `" + *replacement + "`"},
        {"kind", "quickfix"},
        {"isPreferred", true},
        {"diagnostics", Json::array({toLspDiagnostic(d, document.text)})},
        {"edit", {{"changes", {{document.uri, Json::array({edit})}}}}},
    });
  }
  return actions;
}

}  // namespace edict::lsp
