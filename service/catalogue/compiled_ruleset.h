// One ruleset loaded for evaluation: its program, the back end built for it
// and the evaluator around them, with what a service reports of it (where it
// came from, a hash of its contents, when and how fast it was loaded).
// Immutable once made and shared by every catalogue that routes to it; the
// back end's code (for the JIT, its ORC resources) goes when the last
// catalogue, and so the last request, holding it lets go.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "runtime/eval/evaluator.h"
#include "runtime/run/router.h"
#include "service/catalogue/ruleset_loader.h"

namespace edict::service {

/// Where a compiled ruleset came from and when.
struct RulesetOrigin {
  /// The path it was loaded from, as routed.
  std::string path;
  /// `source` (ruleset text, compiled at load) or `artifact`.
  std::string kind;
  /// `jit` or `interp`.
  std::string engine;
  /// `xxh3:` and 16 hex digits: the XXH3-64 of its inputs' hashes in path
  /// order (ruleset files and tables; for an artifact, the artifact file);
  /// empty when the inputs were not recorded.
  std::string contentHash;
  std::chrono::system_clock::time_point loadedAt;
  double loadSeconds = 0;
  /// The inputs as they were read, to tell whether a reload must redo it.
  std::vector<artifact::SourceStamp> inputs;
};

/// A ruleset ready to evaluate claims on any number of threads.
class CompiledRuleset {
 public:
  /// Loads `path` for `engine`, stamping its inputs when `recordInputs`;
  /// null when it cannot be used, with the reason (diagnostics, or the
  /// JIT's failure) appended to `problems`. Warnings of a usable ruleset
  /// are appended too.
  static std::shared_ptr<const CompiledRuleset> load(const std::string& path,
                                                     const std::string& engine, bool recordInputs,
                                                     std::string& problems);
  /// Builds the back end `engine` and the evaluator for a program already
  /// compiled (the playground's edited text), named by `path`; null when
  /// the JIT fails, with the reason appended to `problems`.
  static std::shared_ptr<const CompiledRuleset> fromProgram(LoadedProgram program,
                                                            const std::string& path,
                                                            const std::string& engine,
                                                            std::string& problems);
  ~CompiledRuleset();
  CompiledRuleset(const CompiledRuleset&) = delete;
  CompiledRuleset& operator=(const CompiledRuleset&) = delete;

  /// The route that sends claims to it.
  [[nodiscard]] const run::Route& route() const { return route_; }
  [[nodiscard]] const ir::Program& program() const { return loaded_.program; }
  [[nodiscard]] const RulesetOrigin& origin() const { return origin_; }

  /// Whether every input still has the contents it had when loaded (so a
  /// reload may keep this one instead of loading it again); false when
  /// the inputs were not recorded.
  [[nodiscard]] bool unchanged() const;

  /// How many compiled rulesets exist in this process: those routed now
  /// plus old ones that requests still hold.
  static std::size_t alive();

 private:
  CompiledRuleset();
  /// load() and fromProgram(): the load timed from `started`.
  static std::shared_ptr<const CompiledRuleset> build(LoadedProgram program,
                                                      const std::string& path,
                                                      const std::string& engine,
                                                      std::chrono::steady_clock::time_point started,
                                                      std::string& problems);
  LoadedProgram loaded_;
  std::unique_ptr<engine::PredicateEngine> engine_;
  std::unique_ptr<eval::Evaluator> evaluator_;
  run::Route route_;
  RulesetOrigin origin_;
};

}  // namespace edict::service
