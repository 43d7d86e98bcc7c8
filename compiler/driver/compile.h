// The compiler's single entry point: a ruleset file in, the rule IR out,
// running the phases in order (read, parse, check, lower) and stopping at
// the first phase that reports errors.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "diag/diagnostic_sink.h"
#include "ir/program.h"
#include "source/source_file.h"

namespace edict::driver {

/// What compiling one file produced.
struct Compilation {
  /// The file's text, for rendering diagnostics; null if it could not be read.
  std::shared_ptr<const source::SourceFile> file;
  /// The IR, when the file had no errors.
  std::optional<ir::Program> program;
};

/// Reads and compiles the ruleset at `path`; problems go to `sink`.
Compilation compileFile(const std::string& path, diag::DiagnosticSink& sink);

/// Compiles ruleset text already in memory (tests, fuzzers).
Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink);

}  // namespace edict::driver
