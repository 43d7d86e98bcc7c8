#include "runtime/read/claim_fields.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>
#include <cmath>

namespace edict::read {

namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool isCodeChar(char c) {
  return isDigit(c) || isUpper(c);
}

bool allOf(std::string_view text, bool (*pred)(char)) {
  for (char c : text)
    if (!pred(c)) return false;
  return true;
}

/// Splits `M54.50` or `M5450` into `M54` and `50` around the dot that
/// belongs after `headLength` characters; false when a dot is misplaced.
bool splitAtDot(std::string_view text, std::size_t headLength, std::string_view& head,
                std::string_view& tail) {
  if (text.size() < headLength) return false;
  head = text.substr(0, headLength);
  tail = text.substr(headLength);
  if (!tail.empty() && tail.front() == '.') {
    tail.remove_prefix(1);
    if (tail.empty()) return false;
  }
  return tail.find('.') == std::string_view::npos && head.find('.') == std::string_view::npos;
}

std::string joinDotted(std::string_view head, std::string_view tail) {
  std::string out(head);
  if (!tail.empty()) {
    out.push_back('.');
    out.append(tail);
  }
  return out;
}

/// ICD-10-CM: a letter, a digit, a digit or letter, then up to four more.
std::optional<std::string> icd10(std::string_view text) {
  std::string_view head;
  std::string_view tail;
  if (!splitAtDot(text, 3, head, tail)) return std::nullopt;
  if (!isUpper(head[0]) || !isDigit(head[1]) || !isCodeChar(head[2])) return std::nullopt;
  if (tail.size() > 4 || !allOf(tail, isCodeChar)) return std::nullopt;
  return joinDotted(head, tail);
}

/// ICD-9-CM: three digits (+2), `V` and two digits (+2), `E` and three digits (+1).
std::optional<std::string> icd9(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::size_t headLength = text[0] == 'E' ? 4 : 3;
  const std::size_t maxTail = text[0] == 'E' ? 1 : 2;
  std::string_view head;
  std::string_view tail;
  if (!splitAtDot(text, headLength, head, tail)) return std::nullopt;
  const std::string_view digits = (text[0] == 'E' || text[0] == 'V') ? head.substr(1) : head;
  if (!allOf(digits, isDigit) || (!isDigit(text[0]) && text[0] != 'E' && text[0] != 'V'))
    return std::nullopt;
  if (tail.size() > maxTail || !allOf(tail, isDigit)) return std::nullopt;
  return joinDotted(head, tail);
}

}  // namespace

void failField(const FieldPath& path, const std::string& what) {
  throw FieldError{fmt::format("{}: {}", path.str(), what)};
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return fmt::format("`{}`", text);
  // Cut on a UTF-8 character boundary so the message stays valid text.
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("`{}…` ({} bytes)", text.substr(0, cut), text.size());
}

model::Code FieldRules::code(std::string_view text, const FieldPath& path) const {
  if (auto c = model::Code::parse(text)) return *c;
  if (text.empty()) failField(path, "required field is missing");
  if (text.size() > 40)
    failField(path, fmt::format("{} is not a procedure code: procedure codes have five characters",
                                quoted(text)));
  failField(path,
            fmt::format("`{}` is not a procedure code: {}", text, model::Code::whyNotCode(text)));
}

model::Date FieldRules::date(std::string_view text, const FieldPath& path) const {
  if (auto d = model::Date::parseIso(text)) return *d;
  if (text.empty()) failField(path, "required field is missing");
  failField(path, fmt::format("{} is not a date (expected YYYY-MM-DD)", quoted(text)));
}

model::Date FieldRules::compactDate(std::string_view text, const FieldPath& path) const {
  if (auto d = model::Date::parseCompact(text)) return *d;
  if (text.empty()) failField(path, "required field is missing");
  failField(path, fmt::format("{} is not a date (expected CCYYMMDD)", quoted(text)));
}

void FieldRules::addModifier(model::Line& line, std::string_view text,
                             const FieldPath& path) const {
  auto m = model::Modifier::parse(text);
  if (!m)
    failField(path,
              fmt::format("{} is not a modifier (two digits or capital letters)", quoted(text)));
  if (line.modifierCount == line.modifiers.size())
    failField(path, "a line has at most four modifiers");
  line.modifiers[line.modifierCount++] = *m;
}

std::int32_t FieldRules::units(std::int64_t value, const FieldPath& path) const {
  if (value < 0) failField(path, fmt::format("must not be negative, got {}", value));
  if (value > 99999)
    failField(path, fmt::format("{} is more units than a claim line can bill", value));
  return static_cast<std::int32_t>(value);
}

std::int32_t FieldRules::minutes(std::int64_t value, const FieldPath& path) const {
  if (value < 0) failField(path, fmt::format("must not be negative, got {}", value));
  if (value > 24 * 60) failField(path, fmt::format("{} minutes is more than a day", value));
  return static_cast<std::int32_t>(value);
}

double FieldRules::charge(double value, const FieldPath& path) const {
  if (!std::isfinite(value) || value < 0)
    failField(path, fmt::format("must be a non-negative amount, got {}", value));
  return value;
}

model::Sex FieldRules::sex(std::string_view text, const FieldPath& path) const {
  if (text.empty() || text == "U") return model::Sex::Unknown;
  if (text == "F") return model::Sex::Female;
  if (text == "M") return model::Sex::Male;
  failField(path, fmt::format("{} is not a sex (F, M or U)", quoted(text)));
}

void FieldRules::checkLineCount(std::size_t count, const FieldPath& path) const {
  if (count == 0) failField(path, "a claim needs at least one service line");
  if (count > kMaxLinesPerClaim)
    failField(path, fmt::format("{} lines is more than the {} a claim may have", count,
                                kMaxLinesPerClaim));
}

std::int64_t FieldRules::wholeNumber(double value, const FieldPath& path) const {
  // Beyond 2^53 a double has no fraction part to check; such counts are
  // refused by the range checks of units() and minutes() anyway.
  if (!std::isfinite(value) || std::fabs(value) > 9.0e15)
    failField(path, fmt::format("{} is not a whole number in range", value));
  if (value != std::trunc(value))
    failField(path, fmt::format("expected a whole number, got {}", value));
  return static_cast<std::int64_t>(value);
}

double FieldRules::decimal(std::string_view text, const FieldPath& path) const {
  if (text.empty()) failField(path, "required field is missing");
  // X12 type R and CSV numbers: optional minus, digits, optional fraction.
  std::size_t i = text[0] == '-' ? 1 : 0;
  bool digits = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    if (isDigit(text[i])) {
      digits = true;
    } else if (text[i] == '.' && !point) {
      point = true;
    } else {
      digits = false;
      break;
    }
  }
  double value = 0;
  if (digits) {
    const char* first = text.data();
    const char* last = text.data() + text.size();
    auto [end, ec] = std::from_chars(first, last, value, std::chars_format::fixed);
    if (ec != std::errc() || end != last) digits = false;
  }
  if (!digits) failField(path, fmt::format("{} is not a number", quoted(text)));
  return value;
}

std::string FieldRules::placeOfService(std::string_view text, const FieldPath& path) const {
  if (text.size() != 2 || !isDigit(text[0]) || !isDigit(text[1]))
    failField(path, fmt::format("{} is not a place of service code (two digits)", quoted(text)));
  return std::string(text);
}

std::string FieldRules::diagnosis(std::string_view text, DiagnosisCodeSet set,
                                  const FieldPath& path) const {
  if (text.empty()) failField(path, "required field is missing");
  if (set == DiagnosisCodeSet::Icd9) {
    if (auto code = icd9(text)) return *code;
    failField(path, fmt::format("{} is not an ICD-9-CM diagnosis code (e.g. `723.1`, `V57.1`, "
                                "`E888.9`)",
                                quoted(text)));
  }
  if (auto code = icd10(text)) return *code;
  failField(path, fmt::format("{} is not an ICD-10-CM diagnosis code (a capital letter, a digit, "
                              "then up to five digits or capital letters, e.g. `M54.50`)",
                              quoted(text)));
}

void FieldRules::addDiagnosis(model::Claim& claim, std::string code, const FieldPath& path) const {
  if (claim.diagnoses.size() == kMaxDiagnosesPerClaim)
    failField(path, fmt::format("a claim has at most {} diagnoses", kMaxDiagnosesPerClaim));
  claim.diagnoses.push_back(std::move(code));
}

void FieldRules::utf8(std::string_view text, const FieldPath& path) const {
  // Claims are almost all ASCII; checking that first skips the validator's
  // dispatch, which costs more than the check on short fields.
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii && !simdjson::validate_utf8(text.data(), text.size()))
    failField(path, "not valid UTF-8 text");
}

model::ClaimFrequency FieldRules::frequency(std::string_view text, const FieldPath& path) const {
  if (text.size() != 1 || !isDigit(text[0]))
    failField(path, fmt::format("{} is not a claim frequency code (one digit: 1 original, "
                                "7 replacement, 8 void)",
                                quoted(text)));
  if (text[0] == '7') return model::ClaimFrequency::Replacement;
  if (text[0] == '8') return model::ClaimFrequency::Void;
  return model::ClaimFrequency::Original;
}

void FieldRules::checkReplaces(model::Claim& claim, const FieldPath& frequencyPath,
                               const FieldPath& replacesPath) const {
  const std::size_t first = claim.replaces.find_first_not_of(" \t");
  if (first == std::string::npos) {
    claim.replaces.clear();
  } else {
    claim.replaces.erase(claim.replaces.find_last_not_of(" \t") + 1);
    claim.replaces.erase(0, first);
  }
  const bool isVoid = claim.frequency == model::ClaimFrequency::Void;
  if (claim.frequency == model::ClaimFrequency::Original) {
    if (!claim.replaces.empty())
      failField(replacesPath,
                fmt::format("names the claim {} to replace, but `{}` does not make the claim a "
                            "replacement (7) or a void (8)",
                            read::quoted(claim.replaces), frequencyPath.str()));
  } else if (claim.replaces.empty()) {
    failField(replacesPath,
              fmt::format("required field is missing: `{}` makes the claim a {}, which names the "
                          "claim it {}",
                          frequencyPath.str(), isVoid ? "void" : "replacement",
                          isVoid ? "voids" : "replaces"));
  }
}

void FieldRules::completeClaim(model::Claim& claim, const FieldPath& linesPath) const {
  checkLineCount(claim.lines.size(), linesPath);
  if (claim.providerNpi.empty()) claim.providerNpi = claim.billingProviderNpi;
  // A claim without its own value takes its first line's: every line keeps
  // the same effective value, and formats without claim-level fields (FHIR
  // has place of service only on items) give the same model as the others.
  if (claim.providerNpi.empty()) claim.providerNpi = claim.lines.front().providerNpi;
  if (claim.placeOfService.empty()) claim.placeOfService = claim.lines.front().placeOfService;
  if (claim.billingProviderNpi.empty()) claim.billingProviderNpi = claim.providerNpi;
  for (model::Line& line : claim.lines) {
    if (line.placeOfService == claim.placeOfService) line.placeOfService.clear();
    if (line.providerNpi == claim.providerNpi) line.providerNpi.clear();
  }
}

}  // namespace edict::read
