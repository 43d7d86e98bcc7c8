// Loads a ruleset for the verbs that run one: from source (compiling it and
// printing its diagnostics to standard error) or from an artifact written
// by `edict compile` (refused, with the reason on standard error, when it is
// damaged, stale, or from another compiler or CPU). Builds the chosen back
// end for it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/engine/predicate_engine.h"
#include "core/ir/program.h"

namespace edict::cli {

/// A ruleset ready to run.
struct LoadedProgram {
  ir::Program program;
  /// The artifact's object code; empty when compiled from source.
  std::string object;
};

/// Loads the ruleset or artifact at `path` for `engine` (`jit` or `interp`;
/// an artifact's CPU only matters to the JIT). Prints what is wrong to
/// stderr and returns nullopt when it cannot be used.
std::optional<LoadedProgram> loadRuleset(const std::string& path, const std::string& engine);

/// The predicate engine named `engine` for `loaded`, whose program must
/// outlive it. The JIT links an artifact's object code as it is.
std::unique_ptr<engine::PredicateEngine> makeEngine(const std::string& engine,
                                                    const LoadedProgram& loaded);

}  // namespace edict::cli
