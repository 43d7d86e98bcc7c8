// Collects the diagnostics of one compilation, up to a limit, so a hostile
// or badly broken ruleset cannot produce unbounded output.
#pragma once

#include <cstddef>
#include <vector>

#include "frontend/diag/diagnostic.h"

namespace edict::diag {

/// Gathers diagnostics in report order; stops after `maxErrors` errors.
class DiagnosticSink {
 public:
  static constexpr std::size_t kDefaultMaxErrors = 50;

  explicit DiagnosticSink(std::size_t maxErrors = kDefaultMaxErrors) : maxErrors_(maxErrors) {}

  /// Records a diagnostic, unless the error limit was already reached.
  void report(Diagnostic diagnostic);

  [[nodiscard]] const std::vector<Diagnostic>& all() const { return diagnostics_; }
  [[nodiscard]] std::size_t errorCount() const { return errors_; }
  [[nodiscard]] std::size_t warningCount() const { return warnings_; }
  [[nodiscard]] bool hasErrors() const { return errors_ > 0; }
  /// True once the limit is reached; callers may stop early.
  [[nodiscard]] bool full() const { return errors_ >= maxErrors_; }
  /// Puts each file's diagnostics in the order of their positions (files in
  /// the order they were first reported, the stop after the error limit
  /// last), for people who read a file from the top. Ties keep report order.
  void sortByPosition();

 private:
  std::size_t maxErrors_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace edict::diag
