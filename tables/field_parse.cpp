#include "tables/field_parse.h"

#include <fmt/format.h>

#include "tables/encoding.h"

namespace edict::tables {

std::size_t splitFields(std::string_view line, char separator, std::span<std::string_view> out) {
  std::size_t count = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = line.find(separator, start);
    const std::size_t stop = end == std::string_view::npos ? line.size() : end;
    if (count < out.size()) out[count] = line.substr(start, stop - start);
    ++count;
    if (end == std::string_view::npos) return count;
    start = end + 1;
  }
}

std::string_view trimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

Parsed<model::Code> parseCodeCell(std::string_view text) {
  if (auto code = model::Code::parse(text)) return *code;
  if (text.empty()) return std::string("missing procedure code");
  return fmt::format("{} is not a procedure code: {}", quoteForMessage(text),
                     model::Code::whyNotCode(text));
}

Parsed<model::Date> parseCompactDateCell(std::string_view text) {
  if (auto date = model::Date::parseCompact(text)) return *date;
  if (text.empty()) return std::string("missing date");
  return fmt::format("{} is not a date in the form YYYYMMDD", quoteForMessage(text));
}

Parsed<model::Date> parseDateCell(std::string_view text) {
  if (auto date = model::Date::parseIso(text)) return *date;
  if (auto date = model::Date::parseCompact(text)) return *date;
  if (text.empty()) return std::string("missing date");
  return fmt::format("{} is not a date in the form YYYY-MM-DD", quoteForMessage(text));
}

Parsed<PtpIndicator> parsePtpIndicatorCell(std::string_view text) {
  if (text == "0") return PtpIndicator::NotAllowed;
  if (text == "1") return PtpIndicator::Allowed;
  if (text == "9") return PtpIndicator::NotApplicable;
  return fmt::format(
      "{} is not a modifier indicator: use 0 (not allowed), 1 (allowed) or 9 (not applicable)",
      quoteForMessage(text));
}

Parsed<MueIndicator> parseMueIndicatorCell(std::string_view text) {
  if (text == "1") return MueIndicator::Line;
  if (text == "2") return MueIndicator::DatePolicy;
  if (text == "3") return MueIndicator::DateClinical;
  return fmt::format(
      "{} is not an MUE adjudication indicator: use 1 (line), 2 (date of service, policy) or 3 "
      "(date of service, clinical)",
      quoteForMessage(text));
}

Parsed<std::int32_t> parseCountCell(std::string_view text) {
  if (text.empty()) return std::string("missing number");
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || text.size() > 10)
      return fmt::format("{} is not a whole number of units", quoteForMessage(text));
    value = value * 10 + (c - '0');
  }
  if (value > INT32_MAX) return fmt::format("{} is too large", quoteForMessage(text));
  return static_cast<std::int32_t>(value);
}

}  // namespace edict::tables
