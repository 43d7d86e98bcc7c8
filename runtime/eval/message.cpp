#include "eval/message.h"

#include <fmt/format.h>

namespace edict::eval {

const std::vector<std::string_view>& messagePlaceholders() {
  static const std::vector<std::string_view> names{
      "line.code",     "line.units",  "line.minutes",  "line.date",   "line.modifiers",
      "line.position", "line.charge", "claim.id",      "claim.payer", "claim.place_of_service",
      "patient.age",   "patient.sex", "allowed_units", "timing"};
  return names;
}

std::vector<std::string> placeholdersIn(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      names.emplace_back(text.substr(i + 1));
      break;
    }
    names.emplace_back(text.substr(i + 1, close - i - 1));
    i = close;
  }
  return names;
}

namespace {

std::string sexName(model::Sex sex) {
  switch (sex) {
    case model::Sex::Female: return "F";
    case model::Sex::Male: return "M";
    case model::Sex::Unknown: break;
  }
  return "U";
}

std::string valueOf(std::string_view name, const MessageContext& cx) {
  const model::Line* line = cx.line;
  if (name == "claim.id") return cx.claim.id;
  if (name == "claim.payer") return cx.claim.payer;
  if (name == "claim.place_of_service") return cx.claim.placeOfService;
  if (name == "patient.sex") return sexName(cx.claim.patient.sex);
  if (name == "allowed_units") return cx.allowedUnits ? std::to_string(*cx.allowedUnits) : "";
  if (name == "timing") return std::string(cx.timing);
  if (name == "patient.age") {
    if (!cx.claim.patient.birthDate) return "unknown";
    const model::Date on = line != nullptr ? line->date : cx.claim.lines.front().date;
    return std::to_string(model::yearsBetween(*cx.claim.patient.birthDate, on));
  }
  if (line == nullptr) return "";
  if (name == "line.code") return line->code.text();
  if (name == "line.units") return std::to_string(line->units);
  if (name == "line.minutes") return line->minutes ? std::to_string(*line->minutes) : "no";
  if (name == "line.date") return line->date.iso();
  if (name == "line.position") return std::to_string(cx.position);
  if (name == "line.charge") return fmt::format("{:.2f}", line->charge);
  if (name == "line.modifiers") {
    std::string out;
    for (std::uint8_t i = 0; i < line->modifierCount; ++i)
      out.append(i > 0 ? " " : "").append(line->modifiers[i].text());
    return out.empty() ? "none" : out;
  }
  return "";
}

}  // namespace

std::string renderMessage(std::string_view text, const MessageContext& context) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      out.push_back(c);
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out += valueOf(text.substr(i + 1, close - i - 1), context);
    i = close;
  }
  return out;
}

}  // namespace edict::eval
