#include "frontend/diag/diagnostic_sink.h"

#include <fmt/format.h>

namespace edict::diag {

void DiagnosticSink::report(Diagnostic diagnostic) {
  if (full()) return;
  if (severityOf(diagnostic.kind) == Severity::Warning) {
    ++warnings_;
    diagnostics_.push_back(std::move(diagnostic));
    return;
  }
  ++errors_;
  const std::string file = diagnostic.file;
  const source::Span span = diagnostic.span;
  diagnostics_.push_back(std::move(diagnostic));
  if (full())
    diagnostics_.push_back(Diagnostic{Kind::TooManyErrors, file, span,
                                      fmt::format("stopped after {} errors", maxErrors_),
                                      std::nullopt});
}

}  // namespace edict::diag
