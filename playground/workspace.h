// What one `edict playground` works on: the ruleset file and the claims
// file it opened, and the front end run over the page's edited text of
// that ruleset. The text is compiled as the opened file, so that its
// `extends`, `include` and table paths resolve beside it and its
// diagnostics name it as `edict check FILE` does; the tables it reads are
// kept between checks (frontend/check/table_cache.h, as the language
// server keeps them), so a keystroke does not read them again.
#pragma once

#include <optional>
#include <string>

#include "frontend/check/table_cache.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"

namespace edict::playground {

/// A file the playground opened, as it was on disk then.
struct OpenedFile {
  /// The path as given on the command line.
  std::string path;
  std::string text;
};

/// The ruleset and the claims a playground starts from.
struct WorkspaceFiles {
  OpenedFile ruleset;
  OpenedFile claims;
};

/// Reads the ruleset and the claims at their paths; nullopt with the reason
/// in `error` (naming the file) when one cannot be read, or when together
/// they are too large for the page to send back in a body of `maxBody`.
std::optional<WorkspaceFiles> openFiles(const std::string& rulesetPath,
                                        const std::string& claimsPath, std::size_t maxBody,
                                        std::string& error);

/// The opened files and the front end over edited texts; thread-safe.
class Workspace {
 public:
  /// `engine` (`jit` or `interp`) runs the claims.
  Workspace(WorkspaceFiles files, std::string engine)
      : files_(std::move(files)), engine_(std::move(engine)) {}

  [[nodiscard]] const WorkspaceFiles& files() const { return files_; }
  [[nodiscard]] const std::string& engine() const { return engine_; }

  /// Compiles `text` as the opened ruleset, its problems to `sink` (sorted
  /// as `edict check` prints them); with `lower`, to the rule IR when it
  /// has no errors.
  driver::Compilation compile(std::string text, diag::DiagnosticSink& sink, bool lower) const;

  /// The tables read so far, kept (for tests of the cache).
  [[nodiscard]] const check::TableCache& tables() const { return tables_; }

 private:
  WorkspaceFiles files_;
  std::string engine_;
  mutable check::TableCache tables_;
};

}  // namespace edict::playground
