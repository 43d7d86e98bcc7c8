#include "read/claim_fields.h"

#include <fmt/format.h>

#include <cmath>

namespace edict::read {

void failField(const std::string& path, const std::string& what) {
  throw FieldError{fmt::format("{}: {}", path, what)};
}

model::Code FieldRules::code(std::string_view text, const std::string& path) const {
  if (auto c = model::Code::parse(text)) return *c;
  failField(path, fmt::format("`{}` is not a procedure code: {}", text,
                              model::Code::whyNotCode(text)));
}

model::Date FieldRules::date(std::string_view text, const std::string& path) const {
  if (auto d = model::Date::parseIso(text)) return *d;
  failField(path, fmt::format("`{}` is not a date (expected YYYY-MM-DD)", text));
}

void FieldRules::addModifier(model::Line& line, std::string_view text,
                             const std::string& path) const {
  auto m = model::Modifier::parse(text);
  if (!m) failField(path, fmt::format("`{}` is not a modifier (two digits or capital letters)", text));
  if (line.modifierCount == line.modifiers.size())
    failField(path, "a line has at most four modifiers");
  line.modifiers[line.modifierCount++] = *m;
}

std::int32_t FieldRules::units(std::int64_t value, const std::string& path) const {
  if (value < 0) failField(path, fmt::format("must not be negative, got {}", value));
  if (value > 99999) failField(path, fmt::format("{} is more units than a claim line can bill", value));
  return static_cast<std::int32_t>(value);
}

std::int32_t FieldRules::minutes(std::int64_t value, const std::string& path) const {
  if (value < 0) failField(path, fmt::format("must not be negative, got {}", value));
  if (value > 24 * 60) failField(path, fmt::format("{} minutes is more than a day", value));
  return static_cast<std::int32_t>(value);
}

double FieldRules::charge(double value, const std::string& path) const {
  if (!std::isfinite(value) || value < 0)
    failField(path, fmt::format("must be a non-negative amount, got {}", value));
  return value;
}

model::Sex FieldRules::sex(std::string_view text, const std::string& path) const {
  if (text.empty() || text == "U") return model::Sex::Unknown;
  if (text == "F") return model::Sex::Female;
  if (text == "M") return model::Sex::Male;
  failField(path, fmt::format("`{}` is not a sex (F, M or U)", text));
}

void FieldRules::checkLineCount(std::size_t count, const std::string& path) const {
  if (count == 0) failField(path, "a claim needs at least one service line");
  if (count > kMaxLinesPerClaim)
    failField(path, fmt::format("{} lines is more than the {} a claim may have", count,
                                kMaxLinesPerClaim));
}

}  // namespace edict::read
