// Diagnostics as data: a kind from the registry (diag/kinds.def), a place in
// a source file, a message and an optional help line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontend/source/source_file.h"

namespace edict::diag {

/// Every diagnostic kind, one per line of kinds.def.
enum class Kind {
#define EDICT_DIAG(code, name, severity, summary) name,
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
};

enum class Severity { Error, Warning };

/// The stable code of a kind, e.g. `E0101`.
std::string_view codeOf(Kind kind);
/// Whether a kind is an error or a warning.
Severity severityOf(Kind kind);
/// The one-line description of a kind from the registry.
std::string_view summaryOf(Kind kind);

/// One reported problem.
struct Diagnostic {
  Kind kind;
  /// Path of the file; the span is within it.
  std::string file;
  source::Span span;
  /// Lower case, no trailing period, user text in `backticks`.
  std::string message;
  /// How to fix it, where known.
  std::optional<std::string> help;
};

}  // namespace edict::diag
