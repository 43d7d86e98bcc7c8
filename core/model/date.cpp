#include "core/model/date.h"

#include <fmt/format.h>
#include <chrono>

namespace edict::model {

namespace {

std::optional<int> parseDigits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> Date::fromParts(int year, unsigned month, unsigned day) {
  // Years outside this window are typing errors in claims and rulesets.
  if (year < 1800 || year > 2999) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) return std::nullopt;
  const auto days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  return Date{static_cast<std::int32_t>(days)};
}

std::optional<Date> Date::parseIso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = parseDigits(text.substr(0, 4));
  auto m = parseDigits(text.substr(5, 2));
  auto d = parseDigits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  return fromParts(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::optional<Date> Date::parseCompact(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  auto y = parseDigits(text.substr(0, 4));
  auto m = parseDigits(text.substr(4, 2));
  auto d = parseDigits(text.substr(6, 2));
  if (!y || !m || !d) return std::nullopt;
  return fromParts(*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d));
}

std::string Date::iso() const {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

void Date::appendIso(std::string& out) const {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  if (y < 0 || y > 9999) {
    out += iso();
    return;
  }
  const char text[10] = {static_cast<char>('0' + y / 1000),
                         static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),
                         static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),
                         static_cast<char>('0' + d % 10)};
  out.append(text, 10);
}

int yearsBetween(Date birth, Date on) {
  const std::chrono::year_month_day b{std::chrono::sys_days{std::chrono::days{birth.days}}};
  const std::chrono::year_month_day o{std::chrono::sys_days{std::chrono::days{on.days}}};
  int years = static_cast<int>(o.year()) - static_cast<int>(b.year());
  const auto bm = static_cast<unsigned>(b.month());
  const auto om = static_cast<unsigned>(o.month());
  if (om < bm || (om == bm && static_cast<unsigned>(o.day()) < static_cast<unsigned>(b.day())))
    --years;
  return years;
}

YearBounds calendarYearOf(Date date) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{date.days}}};
  const auto dayOf = [](std::chrono::year_month_day d) {
    return Date{static_cast<std::int32_t>(std::chrono::sys_days{d}.time_since_epoch().count())};
  };
  return {dayOf(ymd.year() / std::chrono::January / 1),
          dayOf(ymd.year() / std::chrono::December / 31)};
}

}  // namespace edict::model
