// Loads one ruleset for the programs that run one (`edict run`, `explain`,
// `serve`, libedict): from source (compiling it) or from an artifact written
// by `edict compile` (refused, with the reason, when it is damaged, stale,
// or from another compiler or CPU), and builds the chosen back end for it.
// What is wrong is returned as text, as `edict check` renders diagnostics,
// so that a command prints it and a service puts it in its answer and log.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/artifact/artifact_file.h"
#include "core/engine/predicate_engine.h"
#include "core/ir/program.h"

namespace edict::service {

/// A ruleset ready to run.
struct LoadedProgram {
  ir::Program program;
  /// The artifact's object code; empty when compiled from source.
  std::string object;
  /// Whether it came from an artifact rather than ruleset text.
  bool fromArtifact = false;
  /// With `recordInputs`, every file it was made from, as read: the
  /// ruleset, those it extends or includes and its tables; for an artifact,
  /// the artifact file. (Reading them again costs time a batch run need
  /// not spend; a service reports and compares them.)
  std::vector<artifact::SourceStamp> inputs;
};

/// The back ends a ruleset can run on.
inline constexpr std::string_view kEngineNames[] = {"jit", "interp"};

/// Loads the ruleset or artifact at `path` for `engine` (`jit` or `interp`;
/// an artifact's CPU only matters to the JIT). Returns nullopt when it
/// cannot be used, with its diagnostics or the reason appended to `problems`.
std::optional<LoadedProgram> loadRuleset(const std::string& path, const std::string& engine,
                                         std::string& problems, bool recordInputs = false);

/// The predicate engine named `engine` for `loaded`, whose program must
/// outlive it. The JIT links an artifact's object code as it is; throws
/// jit::JitError when LLVM fails.
std::unique_ptr<engine::PredicateEngine> makeEngine(const std::string& engine,
                                                    const LoadedProgram& loaded);

/// Every file `program` was compiled from (ruleset files and tables) with
/// `files`, the rulesets the compiler read; what `edict compile` stamps.
std::vector<artifact::SourceStamp> stampInputs(const std::vector<std::string>& files,
                                               const ir::Program& program);

}  // namespace edict::service
