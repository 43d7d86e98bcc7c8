#include "editor/lsp/features/diagnostics.h"

#include "editor/lsp/document/uri.h"
#include "editor/lsp/features/protocol.h"

namespace edict::lsp {

namespace {

constexpr int kError = 1;
constexpr int kWarning = 2;

/// The text of a ruleset file the analysis read; empty for a table (its
/// diagnostics are placed by line alone).
std::string textOf(const Analysis& analysis, const std::string& file) {
  auto found = analysis.sources.find(file);
  return found == analysis.sources.end() ? std::string() : found->second->text();
}

}  // namespace

rpc::Json toLspDiagnostic(const diag::Diagnostic& d, std::string_view text) {
  Json out{{"range", toJson(LineIndex(text).rangeOf(d.span))},
           {"severity", diag::severityOf(d.kind) == diag::Severity::Error ? kError : kWarning},
           {"code", std::string(diag::codeOf(d.kind))},
           {"source", "edict"},
           {"message", d.help ? d.message + "\nhelp: " + *d.help : d.message}};
  if (d.help) out["data"] = {{"help", *d.help}};
  return out;
}

rpc::Json publishDiagnosticsParams(const Analysis& analysis, const Document& document) {
  Json diagnostics = Json::array();
  Json related = Json::array();
  for (const diag::Diagnostic& d : analysis.diagnostics) {
    if (d.file != document.path) {
      const std::string text = textOf(analysis, d.file);
      related.push_back(
          Json{{"location", location(uriOfPath(d.file), LineIndex(text).rangeOf(d.span))},
               {"message", std::string(diag::codeOf(d.kind)) + ": " + d.message}});
      if (text.empty()) {
        Range r{Position{d.span.line > 0 ? d.span.line - 1 : 0, 0},
                Position{d.span.line > 0 ? d.span.line - 1 : 0, 0}};
        related.back()["location"]["range"] = toJson(r);
      }
      continue;
    }
    Json lsp = toLspDiagnostic(d, document.text);
    if (!related.empty()) lsp["relatedInformation"] = std::move(related);
    related = Json::array();
    diagnostics.push_back(std::move(lsp));
  }
  if (!related.empty()) {
    if (diagnostics.empty())
      diagnostics.push_back(Json{{"range", toJson(Range{})},
                                 {"severity", kError},
                                 {"source", "edict"},
                                 {"message", "problems in the files this ruleset reads"}});
    auto& last = diagnostics.back()["relatedInformation"];
    if (last.is_null()) last = Json::array();
    for (auto& r : related) last.push_back(std::move(r));
  }
  return Json{{"uri", document.uri}, {"version", document.version}, {"diagnostics", diagnostics}};
}

}  // namespace edict::lsp
