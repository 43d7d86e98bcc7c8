#include "core/text/message_template.h"

#include <fmt/format.h>

#include <charconv>
#include <iterator>

#include "core/text/counted.h"

namespace edict::text {

const std::vector<std::string_view>& messagePlaceholders() {
  static const std::vector<std::string_view> names{
      "line.code",     "line.units",  "line.minutes",  "line.date",   "line.modifiers",
      "line.position", "line.charge", "claim.id",      "claim.payer", "claim.place_of_service",
      "patient.age",   "patient.sex", "allowed_units", "timing"};
  return names;
}

namespace {

Placeholder split(std::string_view inside) {
  const std::size_t space = inside.find(' ');
  if (space == std::string_view::npos) return {std::string(inside), {}};
  const std::size_t noun = inside.find_first_not_of(' ', space);
  return {std::string(inside.substr(0, space)),
          noun == std::string_view::npos ? std::string() : std::string(inside.substr(noun))};
}

}  // namespace

bool quotesNumber(std::string_view name) {
  return name == "line.units" || name == "line.minutes" || name == "line.position" ||
         name == "patient.age" || name == "allowed_units";
}

std::vector<Placeholder> placeholdersIn(std::string_view text) {
  std::vector<Placeholder> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      names.push_back({std::string(text.substr(i + 1)), {}});
      break;
    }
    names.push_back(split(text.substr(i + 1, close - i - 1)));
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

/// What a placeholder quotes; the order of messagePlaceholders().
enum Field : std::uint8_t {
  LineCode,
  LineUnits,
  LineMinutes,
  LineDate,
  LineModifiers,
  LinePosition,
  LineCharge,
  ClaimId,
  ClaimPayer,
  ClaimPlaceOfService,
  PatientAge,
  PatientSex,
  AllowedUnits,
  Timing,
  Unknown,
  Literal,
};

Field fieldNamed(std::string_view name) {
  const auto& names = messagePlaceholders();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Field>(i);
  return Unknown;
}

/// `n` in decimal, as std::to_string writes it, without a temporary string.
void appendNumber(std::string& out, std::int64_t n) {
  char digits[24];  // an int64 has at most 20 characters with its sign
  out.append(digits, std::to_chars(std::begin(digits), std::end(digits), n).ptr);
}

/// The number a count placeholder quotes, for its noun; nullopt when absent.
std::optional<std::int64_t> numberOf(Field field, const MessageContext& cx) {
  const model::Line* line = cx.line;
  switch (field) {
    case AllowedUnits: return cx.allowedUnits;
    case PatientAge: {
      if (!cx.claim.patient.birthDate) return std::nullopt;
      const model::Date on = line != nullptr ? line->date : cx.claim.lines.front().date;
      return model::yearsBetween(*cx.claim.patient.birthDate, on);
    }
    case LineUnits:
      if (line != nullptr) return line->units;
      return std::nullopt;
    case LineMinutes:
      if (line != nullptr) return line->minutes;
      return std::nullopt;
    case LinePosition: return cx.position;
    default: return std::nullopt;
  }
}

void appendValue(Field field, const MessageContext& cx, std::string& out) {
  const model::Line* line = cx.line;
  switch (field) {
    case ClaimId: out += cx.claim.id; return;
    case ClaimPayer: out += cx.claim.payer; return;
    case ClaimPlaceOfService: out += cx.claim.placeOfService; return;
    case PatientSex: out += sexName(cx.claim.patient.sex); return;
    case AllowedUnits:
      if (cx.allowedUnits) appendNumber(out, *cx.allowedUnits);
      return;
    case Timing: out += cx.timing; return;
    case PatientAge: {
      if (!cx.claim.patient.birthDate) {
        out += "unknown";
        return;
      }
      const model::Date on = line != nullptr ? line->date : cx.claim.lines.front().date;
      appendNumber(out, model::yearsBetween(*cx.claim.patient.birthDate, on));
      return;
    }
    default: break;
  }
  if (line == nullptr) return;
  switch (field) {
    case LineCode: out += line->code.text(); return;
    case LineUnits: appendNumber(out, line->units); return;
    case LineMinutes:
      if (line->minutes)
        appendNumber(out, *line->minutes);
      else
        out += "no";
      return;
    case LineDate: out += line->date.iso(); return;
    case LinePosition: appendNumber(out, cx.position); return;
    case LineCharge: out += fmt::format("{:.2f}", line->charge); return;
    case LineModifiers: {
      if (line->modifierCount == 0) {
        out += "none";
        return;
      }
      for (std::uint8_t i = 0; i < line->modifierCount; ++i)
        out.append(i > 0 ? " " : "").append(line->modifiers[i].text());
      return;
    }
    default: return;
  }
}

}  // namespace

MessageTemplate::MessageTemplate(std::string_view text) {
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) parts_.push_back({Literal, std::move(literal)});
    literal.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal.push_back(c);
      ++i;
      continue;
    }
    if (c != '{') {
      literal.push_back(c);
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      literal.append(text.substr(i));
      break;
    }
    flush();
    Placeholder placeholder = split(text.substr(i + 1, close - i - 1));
    parts_.push_back({fieldNamed(placeholder.name), std::move(placeholder.noun)});
    i = close;
  }
  flush();
  for (const Part& part : parts_) {
    if (part.field == Literal)
      literalSize_ += part.text.size();
    else
      ++fieldCount_;
  }
}

std::string MessageTemplate::render(const MessageContext& context) const {
  std::string out;
  // One allocation instead of a growth step per append: the literal text,
  // a guess for each short field, and the timing text, the one long field.
  out.reserve(literalSize_ + kFieldGuess * fieldCount_ + context.timing.size());
  for (const Part& part : parts_) {
    if (part.field == Literal) {
      out += part.text;
      continue;
    }
    const auto field = static_cast<Field>(part.field);
    appendValue(field, context, out);
    if (!part.text.empty())
      out.append(" ").append(nounFor(numberOf(field, context).value_or(0), part.text));
  }
  return out;
}

std::string renderMessage(std::string_view text, const MessageContext& context) {
  return MessageTemplate(text).render(context);
}

}  // namespace edict::text
