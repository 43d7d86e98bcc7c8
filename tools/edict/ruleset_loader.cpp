#include "ruleset_loader.h"

#include <iostream>

#include "diag/render.h"
#include "driver/compile.h"
#include "interp/interpreter.h"
#include "jit/jit_engine.h"

namespace edict::cli {

std::optional<ir::Program> loadRuleset(const std::string& path) {
  diag::DiagnosticSink sink;
  driver::Compilation compilation = driver::compileFile(path, sink);
  for (const diag::Diagnostic& d : sink.all())
    std::cerr << diag::renderText(d, compilation.file(d.file));
  return std::move(compilation.program);
}

std::unique_ptr<eval::PredicateEngine> makeEngine(const std::string& engine,
                                                  const ir::Program& program) {
  if (engine == "interp") return std::make_unique<interp::Interpreter>(program);
  return jit::JitEngine::compile(program);
}

}  // namespace edict::cli
