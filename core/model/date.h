// Calendar dates as whole days since 1970-01-01, the one date type of edict.
// Claims, rulesets and compiled code all use this encoding, so a date
// comparison is an integer comparison everywhere, JIT code included.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace edict::model {

/// A calendar date, stored as days since 1970-01-01 (negative before).
struct Date {
  std::int32_t days = 0;

  /// Parses `YYYY-MM-DD`; nullopt when the text is not a real calendar date.
  static std::optional<Date> parseIso(std::string_view text);
  /// Parses `YYYYMMDD` (the X12 and CMS table form).
  static std::optional<Date> parseCompact(std::string_view text);
  /// Builds a date from its parts; nullopt for 2026-02-30 and the like.
  static std::optional<Date> fromParts(int year, unsigned month, unsigned day);

  /// The date as `YYYY-MM-DD`.
  [[nodiscard]] std::string iso() const;
  /// Appends the same text to `out` without a temporary string: for writers
  /// and messages that format dates by the million.
  void appendIso(std::string& out) const;

  friend auto operator<=>(Date, Date) = default;
};

/// Whole years from `birth` to `on` (an age); negative when `on` is earlier.
int yearsBetween(Date birth, Date on);

/// January 1 and December 31 of the calendar year `date` falls in: the
/// window of a `per calendar year` limit.
struct YearBounds {
  Date first;
  Date last;
};
YearBounds calendarYearOf(Date date);

/// The last representable date; stands for "no end" in date ranges.
inline constexpr Date kEndOfTime{INT32_MAX};
/// The earliest date: "since always".
inline constexpr Date kBeginningOfTime{INT32_MIN};

}  // namespace edict::model
