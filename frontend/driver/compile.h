// The compiler's single entry point: a ruleset file in, the rule IR out,
// running the phases in order (read, parse, check, lower) and stopping at
// the first phase that reports errors. Rulesets named by `extends` and
// `include` are read relative to the file that names them.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/ir/program.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/source/source_file.h"

namespace edict::driver {

/// The deepest chain of `extends`/`include` accepted.
inline constexpr int kMaxLayerDepth = 16;

/// What compiling one file produced.
struct Compilation {
  /// Every file read (the ruleset and those it extends or includes), by
  /// path, for rendering diagnostics.
  std::map<std::string, std::shared_ptr<const source::SourceFile>> files;
  /// The IR, when there were no errors.
  std::optional<ir::Program> program;

  /// The text of `path`, or null if it was not read.
  [[nodiscard]] const source::SourceFile* file(const std::string& path) const;
};

/// Reads and compiles the ruleset at `path`; problems go to `sink`, each
/// file's sorted by position (DiagnosticSink::sortByPosition).
Compilation compileFile(const std::string& path, diag::DiagnosticSink& sink);

/// Compiles ruleset text already in memory (tests, fuzzers); `extends` and
/// `include` paths are read relative to `path`'s directory.
Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink);

}  // namespace edict::driver
