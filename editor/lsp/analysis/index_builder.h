// Builds an Analysis's index from what the driver reports of each file it
// checked (driver::Inputs::checked): the file's outline, its sets and its
// rules, with each rule's text and a summary of what it does. Internal to
// editor/lsp/analysis.
#pragma once

#include "editor/lsp/analysis/analysis.h"
#include "frontend/check/checked_ruleset.h"

namespace edict::lsp {

/// Adds one checked file to `analysis` (the files a ruleset extends come
/// before it, so a later definition of an id follows the one it overrides).
void indexFile(Analysis& analysis, const source::SourceFile& file, const ast::Ruleset& ast,
               const check::CheckedRuleset& checked);

}  // namespace edict::lsp
