// Renders diagnostics for people (text with source line and caret) and for
// machines (JSON), the formats of `edict check --format`.
#pragma once

#include <string>
#include <vector>

#include "frontend/diag/diagnostic.h"
#include "frontend/source/source_file.h"

namespace edict::diag {

/// `file:line:col: error[E0101]: message`, the source line, a caret line
/// under the span, and `help: ...` when the diagnostic has help.
std::string renderText(const Diagnostic& diagnostic, const source::SourceFile* file);

/// One JSON object per diagnostic in an array, with 1-based positions.
std::string renderJson(const std::vector<Diagnostic>& diagnostics);

/// A SARIF 2.1.0 log (one run of the tool `edict`) for CI systems that read
/// static-analysis results; every registered kind is listed as a rule.
std::string renderSarif(const std::vector<Diagnostic>& diagnostics, std::string_view toolVersion);

}  // namespace edict::diag
