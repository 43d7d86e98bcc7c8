#include "frontend/diag/diagnostic_sink.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

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

namespace edict::diag {

void DiagnosticSink::sortByPosition() {
  std::map<std::string, std::size_t> fileRank;
  for (const Diagnostic& d : diagnostics_) fileRank.emplace(d.file, fileRank.size());
  const auto key = [&](const Diagnostic& d) {
    return std::make_tuple(d.kind == Kind::TooManyErrors, fileRank.at(d.file), d.span.line,
                           d.span.column);
  };
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace edict::diag
