#include "ruleset_loader.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "backends/artifact/artifact_file.h"
#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "backends/jit/native_object.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"

namespace edict::cli {

namespace {

/// True when the file at `path` starts with an artifact's magic.
bool isArtifact(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string start(artifact::kMagic.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in.gcount() == static_cast<std::streamsize>(start.size()) &&
         artifact::hasArtifactMagic(start);
}

std::optional<LoadedProgram> loadArtifact(const std::string& path, const std::string& engine) {
  try {
    artifact::Artifact found = artifact::readArtifactFile(path, jit::compilerIdentity());
    if (auto stale = artifact::staleSource(found)) {
      std::cerr << fmt::format("{}: stale: {}; run `edict compile` again\n", path, *stale);
      return std::nullopt;
    }
    if (engine == "jit")
      if (auto why = jit::whyNotRunnableHere(found.target)) {
        std::cerr << fmt::format("{}: {}\n", path, *why);
        return std::nullopt;
      }
    return LoadedProgram{std::move(found.program), std::move(found.object)};
  } catch (const artifact::ArtifactError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  }
}

}  // namespace

std::optional<LoadedProgram> loadRuleset(const std::string& path, const std::string& engine) {
  if (isArtifact(path)) return loadArtifact(path, engine);
  diag::DiagnosticSink sink;
  driver::Compilation compilation = driver::compileFile(path, sink);
  for (const diag::Diagnostic& d : sink.all())
    std::cerr << diag::renderText(d, compilation.file(d.file));
  if (!compilation.program) return std::nullopt;
  return LoadedProgram{std::move(*compilation.program), {}};
}

std::unique_ptr<engine::PredicateEngine> makeEngine(const std::string& engine,
                                                    const LoadedProgram& loaded) {
  if (engine == "interp") return std::make_unique<interp::Interpreter>(loaded.program);
  if (!loaded.object.empty()) return jit::JitEngine::load(loaded.program, loaded.object);
  return jit::JitEngine::compile(loaded.program);
}

}  // namespace edict::cli
