// Compiles a ruleset for the verbs that run one, printing its diagnostics
// to standard error, and builds the chosen back end for it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "eval/predicate_engine.h"
#include "ir/program.h"

namespace edict::cli {

/// Compiles `path`; prints diagnostics (warnings too) to stderr. Returns
/// nullopt when the ruleset has errors.
std::optional<ir::Program> loadRuleset(const std::string& path);

/// The predicate engine named `engine` (`jit` or `interp`) for `program`.
std::unique_ptr<eval::PredicateEngine> makeEngine(const std::string& engine,
                                                  const ir::Program& program);

}  // namespace edict::cli
