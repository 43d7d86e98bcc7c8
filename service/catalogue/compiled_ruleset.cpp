#include "service/catalogue/compiled_ruleset.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <atomic>

#include "backends/jit/jit_engine.h"

namespace edict::service {

namespace {

std::atomic<std::size_t> liveRulesets{0};

/// One hash for all of a ruleset's inputs.
std::string contentHash(const std::vector<artifact::SourceStamp>& inputs) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(inputs.size());
  for (const artifact::SourceStamp& s : inputs) hashes.push_back(s.hash);
  return fmt::format("xxh3:{:016x}",
                     XXH3_64bits(hashes.data(), hashes.size() * sizeof(std::uint64_t)));
}

}  // namespace

std::shared_ptr<const CompiledRuleset> CompiledRuleset::load(const std::string& path,
                                                             const std::string& engine,
                                                             bool recordInputs,
                                                             std::string& problems) {
  const auto started = std::chrono::steady_clock::now();
  std::optional<LoadedProgram> program = loadRuleset(path, engine, problems, recordInputs);
  if (!program) return nullptr;
  return build(std::move(*program), path, engine, started, problems);
}

std::shared_ptr<const CompiledRuleset> CompiledRuleset::fromProgram(LoadedProgram program,
                                                                    const std::string& path,
                                                                    const std::string& engine,
                                                                    std::string& problems) {
  return build(std::move(program), path, engine, std::chrono::steady_clock::now(), problems);
}

std::shared_ptr<const CompiledRuleset> CompiledRuleset::build(
    LoadedProgram program, const std::string& path, const std::string& engine,
    std::chrono::steady_clock::time_point started, std::string& problems) {
  std::shared_ptr<CompiledRuleset> ruleset(new CompiledRuleset());
  ruleset->loaded_ = std::move(program);
  try {
    ruleset->engine_ = makeEngine(engine, ruleset->loaded_);
  } catch (const jit::JitError& e) {
    problems += fmt::format("{}: the JIT failed: {}\n", path, e.what());
    return nullptr;
  }
  const ir::Program& ir = ruleset->loaded_.program;
  ruleset->evaluator_ = std::make_unique<eval::Evaluator>(ir, *ruleset->engine_);
  ruleset->route_ = {ruleset->evaluator_.get(), {ir.name, ir.version}};
  RulesetOrigin& origin = ruleset->origin_;
  origin.path = path;
  origin.kind = ruleset->loaded_.fromArtifact ? "artifact" : "source";
  origin.engine = engine;
  origin.inputs = ruleset->loaded_.inputs;
  if (!origin.inputs.empty()) origin.contentHash = contentHash(origin.inputs);
  origin.loadedAt = std::chrono::system_clock::now();
  origin.loadSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return ruleset;
}

CompiledRuleset::CompiledRuleset() {
  ++liveRulesets;
}

CompiledRuleset::~CompiledRuleset() {
  // The evaluator reads the engine and the engine the program: in that order.
  evaluator_.reset();
  engine_.reset();
  --liveRulesets;
}

bool CompiledRuleset::unchanged() const {
  if (origin_.inputs.empty()) return false;
  for (const artifact::SourceStamp& then : origin_.inputs) {
    try {
      const artifact::SourceStamp now = artifact::stampFile(then.path);
      if (now.size != then.size || now.hash != then.hash) return false;
    } catch (const artifact::ArtifactError&) {
      return false;
    }
  }
  return true;
}

std::size_t CompiledRuleset::alive() {
  return liveRulesets.load();
}

}  // namespace edict::service
