#include "playground/check_answer.h"

#include <chrono>
#include <cmath>

#include "frontend/diag/render.h"

namespace edict::playground {

namespace {

/// Milliseconds since `start`, to a tenth.
double millisecondsSince(std::chrono::steady_clock::time_point start) {
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  return std::round(took.count() * 10) / 10;
}

}  // namespace

void addDiagnostics(Json& answer, const diag::DiagnosticSink& sink,
                    const driver::Compilation& compilation) {
  // Rendered by edict check's own function, then read back: the objects
  // are the CLI's by construction.
  answer["diagnostics"] = Json::parse(diag::renderJson(sink.all()));
  answer["errors"] = sink.errorCount();
  answer["warnings"] = sink.warningCount();
  std::string text;
  for (const diag::Diagnostic& d : sink.all())
    text += diag::renderText(d, compilation.file(d.file));
  answer["text"] = std::move(text);
}

CheckedText checkText(const Workspace& workspace, std::string ruleset, bool lower) {
  CheckedText checked{std::chrono::steady_clock::now(), {}, Json::object()};
  diag::DiagnosticSink sink;
  checked.compilation = workspace.compile(std::move(ruleset), sink, lower);
  addDiagnostics(checked.answer, sink, checked.compilation);
  return checked;
}

Json CheckedText::finish() {
  answer["ms"] = millisecondsSince(start);
  return std::move(answer);
}

Json checkAnswer(const Workspace& workspace, std::string ruleset) {
  return checkText(workspace, std::move(ruleset), false).finish();
}

}  // namespace edict::playground
