#include "service/catalogue/ruleset_loader.h"

#include <fmt/format.h>

#include <fstream>
#include <set>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "backends/jit/native_object.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"

namespace edict::service {

namespace {

/// True when the file at `path` starts with an artifact's magic.
bool isArtifact(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string start(artifact::kMagic.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in.gcount() == static_cast<std::streamsize>(start.size()) &&
         artifact::hasArtifactMagic(start);
}

std::optional<LoadedProgram> loadArtifact(const std::string& path, const std::string& engine,
                                          std::string& problems, bool recordInputs) {
  try {
    // Stamped first: a file replaced while it is read is then seen as
    // changed at the next reload rather than taken for the one read.
    std::vector<artifact::SourceStamp> inputs;
    if (recordInputs) inputs.push_back(artifact::stampFile(path));
    artifact::Artifact found = artifact::readArtifactFile(path, jit::compilerIdentity());
    if (auto stale = artifact::staleSource(found)) {
      problems += fmt::format("{}: stale: {}; run `edict compile` again\n", path, *stale);
      return std::nullopt;
    }
    if (engine == "jit")
      if (auto why = jit::whyNotRunnableHere(found.target)) {
        problems += fmt::format("{}: {}\n", path, *why);
        return std::nullopt;
      }
    return LoadedProgram{std::move(found.program), std::move(found.object), true,
                         std::move(inputs)};
  } catch (const artifact::ArtifactError& e) {
    problems += e.what();
    problems += "\n";
    return std::nullopt;
  }
}

}  // namespace

std::vector<artifact::SourceStamp> stampInputs(const std::vector<std::string>& files,
                                               const ir::Program& program) {
  std::set<std::string> paths(files.begin(), files.end());
  for (const ir::PairTable& t : program.pairTables)
    if (!t.source.empty()) paths.insert(t.source);
  for (const ir::MueTable& t : program.mueTables)
    if (!t.source.empty()) paths.insert(t.source);
  std::vector<artifact::SourceStamp> out;
  for (const std::string& path : paths) out.push_back(artifact::stampFile(path));
  return out;
}

std::optional<LoadedProgram> loadRuleset(const std::string& path, const std::string& engine,
                                         std::string& problems, bool recordInputs) {
  if (isArtifact(path)) return loadArtifact(path, engine, problems, recordInputs);
  diag::DiagnosticSink sink;
  driver::Compilation compilation = driver::compileFile(path, sink);
  for (const diag::Diagnostic& d : sink.all())
    problems += diag::renderText(d, compilation.file(d.file));
  if (!compilation.program) return std::nullopt;
  LoadedProgram loaded{std::move(*compilation.program), {}, false, {}};
  if (!recordInputs) return loaded;
  std::vector<std::string> files;
  for (const auto& [file, text] : compilation.files) files.push_back(file);
  try {
    loaded.inputs = stampInputs(files, loaded.program);
  } catch (const artifact::ArtifactError& e) {
    // A file that vanished right after it was compiled: the program stands;
    // only the record of its inputs is short of it.
    problems += fmt::format("{}: {}\n", path, e.what());
  }
  return loaded;
}

std::unique_ptr<engine::PredicateEngine> makeEngine(const std::string& engine,
                                                    const LoadedProgram& loaded) {
  if (engine == "interp") return std::make_unique<interp::Interpreter>(loaded.program);
  if (!loaded.object.empty()) return jit::JitEngine::load(loaded.program, loaded.object);
  return jit::JitEngine::compile(loaded.program);
}

}  // namespace edict::service
