// Splitting lines into fields and reading the typed cells every table reader
// shares: codes, dates, indicators, counts. Each parser returns the value or
// the message for a problem, never both, and never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/model/code.h"
#include "core/model/date.h"
#include "tables/mue_rows.h"
#include "tables/ptp_rows.h"

namespace edict::tables {

/// A parsed value, or why the text is not one.
template <typename T>
using Parsed = std::variant<T, std::string>;

/// Splits `line` at `separator` into `out` (as many as fit) and returns the
/// number of fields the line has.
std::size_t splitFields(std::string_view line, char separator, std::span<std::string_view> out);

/// `text` without leading and trailing spaces.
std::string_view trimSpaces(std::string_view text);

/// A CPT or HCPCS code.
Parsed<model::Code> parseCodeCell(std::string_view text);
/// A date as `YYYYMMDD` (the CMS form).
Parsed<model::Date> parseCompactDateCell(std::string_view text);
/// A date as `YYYY-MM-DD`, or `YYYYMMDD` as CMS writes it.
Parsed<model::Date> parseDateCell(std::string_view text);
/// A PTP modifier indicator: `0`, `1` or `9`.
Parsed<PtpIndicator> parsePtpIndicatorCell(std::string_view text);
/// An MUE adjudication indicator: `1`, `2` or `3`.
Parsed<MueIndicator> parseMueIndicatorCell(std::string_view text);
/// A count of units: digits only, at most 2^31 - 1.
Parsed<std::int32_t> parseCountCell(std::string_view text);

/// A file line number as rows store it (saturating).
inline std::uint32_t rowLine(std::uint64_t line) {
  return line > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(line);
}

}  // namespace edict::tables
