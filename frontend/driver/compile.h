// The compiler's single entry point: a ruleset file in, the rule IR out,
// running the phases in order (read, parse, check, lower) and stopping at
// the first phase that reports errors. Rulesets named by `extends` and
// `include` are read relative to the file that names them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/ir/program.h"
#include "frontend/ast/ruleset.h"
#include "frontend/check/checked_ruleset.h"
#include "frontend/check/table_cache.h"
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

/// What a caller may give the driver besides the ruleset. The defaults read
/// every file from the disk and lower to IR. The language server
/// (editor/lsp) reads the files open in the editor from their buffers, keeps
/// tables read across keystrokes, looks at each file's AST and checked form
/// (hover, go-to-definition) and needs no IR.
struct Inputs {
  /// The text to use for a ruleset file instead of the disk's (an editor's
  /// buffer), by the path the driver forms: the naming file's directory
  /// joined with the path as written, normalized. nullopt reads the file.
  std::function<std::optional<std::string>(const std::string& path)> overlay;
  /// Tables read before; null reads each table file every time.
  check::TableCache* tables = nullptr;
  /// Called for each file that parsed, once it is checked, with every
  /// statement that was valid (also when others were not); the files a
  /// ruleset extends or includes are reported before it.
  std::function<void(const source::SourceFile& file, const ast::Ruleset& ast,
                     const check::CheckedRuleset& checked)>
      checked;
  /// Lower to IR when there were no errors.
  bool lower = true;
};

/// Reads and compiles the ruleset at `path`; problems go to `sink`, each
/// file's sorted by position (DiagnosticSink::sortByPosition).
Compilation compileFile(const std::string& path, diag::DiagnosticSink& sink);

/// Compiles ruleset text already in memory (tests, fuzzers); `extends` and
/// `include` paths are read relative to `path`'s directory.
Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink);

/// compileText with what the caller gives (Inputs).
Compilation compileText(std::string path, std::string text, diag::DiagnosticSink& sink,
                        const Inputs& inputs);

}  // namespace edict::driver
