#include "editor/lsp/analysis/analyzer.h"

#include <filesystem>

#include "editor/lsp/analysis/index_builder.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"

namespace edict::lsp {

Analysis Analyzer::analyze(const std::string& path, std::string text, std::int64_t version) {
  Analysis analysis;
  analysis.path = path;
  analysis.version = version;
  driver::Inputs inputs;
  inputs.lower = false;
  inputs.tables = &tables_;
  inputs.overlay = [this, &path](const std::string& file) -> std::optional<std::string> {
    // The document itself is given as text; a file naming it again is a
    // cycle the driver reports, whatever its text.
    if (!overlay_ || file == path) return std::nullopt;
    return overlay_(file);
  };
  inputs.checked = [&analysis](const source::SourceFile& file, const ast::Ruleset& ast,
                               const check::CheckedRuleset& checked) {
    indexFile(analysis, file, ast, checked);
  };
  diag::DiagnosticSink sink;
  driver::Compilation compilation = driver::compileText(path, std::move(text), sink, inputs);
  analysis.diagnostics = sink.all();
  for (const auto& [file, source] : compilation.files) {
    analysis.sources[file] = source;
    if (auto outline = analysis.files.find(file); outline != analysis.files.end())
      outline->second.file = source;
  }
  analysis.parsed = analysis.files.count(path) > 0;
  return analysis;
}

}  // namespace edict::lsp
