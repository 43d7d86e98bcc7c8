// Cells of edict's normalized tables (docs/tables.md): UTF-8, one row per
// line, cells separated by tabs. A text cell escapes the four characters that
// would break that: `\\`, `\t`, `\n` and `\r` (the convention of PostgreSQL's
// text COPY format and of IANA's text/tab-separated-values users).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/code.h"
#include "core/model/date.h"

namespace edict::tables {

/// Appends `text` with backslash, tab, LF and CR escaped.
void appendTsvEscaped(std::string& out, std::string_view text);

/// Appends `text` with its escapes undone; returns why it is malformed
/// (an unknown escape or a lone backslash at the end), or nullopt.
std::optional<std::string> appendTsvUnescaped(std::string& out, std::string_view text);

/// Appends the code's five characters.
void appendCode(std::string& out, model::Code code);

}  // namespace edict::tables
