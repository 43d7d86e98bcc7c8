// The front door of the compiler: ruleset text in, typed AST out, with every
// syntax problem reported to the sink. Never throws on bad input.
#pragma once

#include <optional>

#include "frontend/ast/ruleset.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/source/source_file.h"

namespace edict::parse {

/// The largest ruleset file accepted; larger is refused before lexing.
inline constexpr std::size_t kMaxSourceBytes = 8u << 20;
/// The deepest nesting of parentheses accepted.
inline constexpr int kMaxParenDepth = 64;
/// How many times a file is parsed again after misspelt keywords were read
/// as the keywords they resemble (each parse finds at most one more per statement).
inline constexpr int kMaxRecoveryPasses = 8;

/// Parses `file` into an AST. Returns nullopt when the text is not a
/// ruleset (diagnostics say why); syntax errors are all reported, and the
/// AST is returned only when there were none.
std::optional<ast::Ruleset> parseRuleset(const source::SourceFile& file,
                                         diag::DiagnosticSink& sink);

}  // namespace edict::parse
