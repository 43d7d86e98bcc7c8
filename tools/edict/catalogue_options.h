// The options that say which rulesets to load and how (--ruleset, --route,
// --routes, --engine), shared by `edict run` and `edict serve` so that both
// take routes exactly alike.
#pragma once

#include <CLI/CLI.hpp>

#include "service/catalogue/catalogue.h"

namespace edict::cli {

/// Adds the ruleset and routing options of `spec` to `cmd`.
void addCatalogueOptions(CLI::App& cmd, service::CatalogueSpec& spec);

}  // namespace edict::cli
