#include "harness/artifact_load.h"

#include <stdexcept>

#include "backends/jit/native_object.h"
#include "harness/stopwatch.h"

namespace edict::bench {

namespace {

/// One load, step by step, as tools/edict/ruleset_loader.cpp does it.
std::unique_ptr<LoadedArtifact> loadOnce(const std::string& path, LoadSteps& steps) {
  auto out = std::make_unique<LoadedArtifact>();
  const Stopwatch reading;
  out->artifact = artifact::readArtifactFile(path, jit::compilerIdentity());
  steps.readAndDecode = reading.elapsed();
  const Stopwatch judging;
  if (auto stale = artifact::staleSource(out->artifact)) throw std::runtime_error(*stale);
  if (auto why = jit::whyNotRunnableHere(out->artifact.target)) throw std::runtime_error(*why);
  steps.staleness = judging.elapsed();
  const Stopwatch linking;
  out->jit = jit::JitEngine::load(out->artifact.program, out->artifact.object);
  steps.link = linking.elapsed();
  const Stopwatch indexing;
  out->evaluator = std::make_unique<eval::Evaluator>(out->artifact.program, *out->jit);
  steps.index = indexing.elapsed();
  return out;
}

}  // namespace

ArtifactFigures measureArtifact(const ir::Program& program, const std::vector<std::string>& sources,
                                const std::string& path, int loads) {
  ArtifactFigures figures;
  {
    const Stopwatch saving;
    artifact::Artifact out;
    out.compiler = jit::compilerIdentity();
    for (const std::string& source : sources) out.sources.push_back(artifact::stampFile(source));
    jit::NativeObject native = jit::compileObject(program, jit::CpuChoice::Host);
    out.target = std::move(native.target);
    out.object = std::move(native.bytes);
    out.program = program;
    const std::string bytes = artifact::encodeArtifact(out);
    artifact::writeArtifactFile(path, bytes);
    figures.bytes = bytes.size();
    figures.save = saving.elapsed();
  }
  for (int i = 0; i < std::max(1, loads); ++i) {
    figures.loaded.reset();  // one program in memory at a time, as in `edict run`
    LoadSteps steps;
    figures.loaded = loadOnce(path, steps);
    if (i == 0 || steps.total().wall < figures.load.total().wall) figures.load = steps;
  }
  return figures;
}

}  // namespace edict::bench
