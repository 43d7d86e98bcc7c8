// What the playground answers about a ruleset's text: its diagnostics, as
// `edict check` gives them for the same file. Every answer (check, test,
// run) carries them, so the editor's markers follow whichever came last.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "playground/workspace.h"

namespace edict::playground {

/// Answers keep their keys in the order written.
using Json = nlohmann::ordered_json;

/// Adds to `answer`: `diagnostics`, the objects `edict check --format json`
/// prints for the same file (code, severity, file, line, column and length
/// in code points, message, help), in its order; `errors` and `warnings`,
/// their counts; `text`, what `edict check` prints for them.
void addDiagnostics(Json& answer, const diag::DiagnosticSink& sink,
                    const driver::Compilation& compilation);

/// The front end run over the edited text of the opened ruleset, as every
/// answer starts: when it started, what it compiled, and the answer begun
/// with the diagnostics (addDiagnostics).
struct CheckedText {
  std::chrono::steady_clock::time_point start;
  driver::Compilation compilation;
  Json answer;

  /// The answer, with `ms`: how long it took since the start.
  Json finish();
};

/// Compiles `ruleset` in `workspace`, to the rule IR when `lower` and it
/// has no errors.
CheckedText checkText(const Workspace& workspace, std::string ruleset, bool lower);

/// POST /api/check: the diagnostics of `ruleset` (the edited text of the
/// opened ruleset), and `ms`, how long the front end took.
Json checkAnswer(const Workspace& workspace, std::string ruleset);

}  // namespace edict::playground
