// `edict fmt`: the one canonical layout of a ruleset. It re-lays the tokens
// (comments included) rather than printing the AST, so every construct of the
// language, and every comment, survives: statements start at column 0,
// continuation lines and test bodies are indented by two spaces, tokens are
// separated by one space (none inside `a.b`, `a..b`, `f(x)`, before `,` `;`),
// the analyst's line breaks inside a statement are kept, runs of blank lines
// become one, and the file ends with one newline. Formatting is idempotent.
#pragma once

#include <optional>
#include <string>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/source/source_file.h"

namespace edict::format {

/// The canonical text of `file`, or nullopt (with diagnostics) when it does
/// not parse: a file with syntax errors is never rewritten.
std::optional<std::string> formatRuleset(const source::SourceFile& file,
                                         diag::DiagnosticSink& sink);

}  // namespace edict::format
