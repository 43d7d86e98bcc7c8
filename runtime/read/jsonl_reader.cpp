#include "read/jsonl_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <optional>
#include <string_view>

#include "read/claim_fields.h"
#include "read/line_source.h"

namespace edict::read {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

[[noreturn]] void fail(const std::string& field, const std::string& what) { failField(field, what); }

std::optional<element> member(object obj, std::string_view key) {
  element value;
  if (obj[key].get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

std::string stringField(object obj, std::string_view key, const std::string& path,
                        bool required) {
  auto value = member(obj, key);
  if (!value) {
    if (required) fail(path, "required field is missing");
    return {};
  }
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) fail(path, "expected a string");
  return std::string(text);
}

std::optional<std::int64_t> wholeNumberField(object obj, std::string_view key,
                                             const std::string& path, const FieldRules& rules) {
  auto value = member(obj, key);
  if (!value) return std::nullopt;
  std::int64_t n = 0;
  if (value->get(n) != simdjson::SUCCESS) {
    double d = 0;
    if (value->get(d) == simdjson::SUCCESS) return rules.wholeNumber(d, path);
    fail(path, "expected a whole number");
  }
  return n;
}

std::string placeOfServiceField(object obj, const std::string& path, const FieldRules& rules) {
  std::string text = stringField(obj, "place_of_service", path, false);
  return text.empty() ? text : rules.placeOfService(text, path);
}

std::optional<object> objectField(object obj, std::string_view key, const std::string& path) {
  auto value = member(obj, key);
  if (!value) return std::nullopt;
  object result;
  if (value->get(result) != simdjson::SUCCESS) fail(path, "expected an object");
  return result;
}

model::Line convertLine(object obj, const std::string& path, const FieldRules& rules) {
  model::Line line;
  line.code = rules.code(stringField(obj, "code", path + ".code", true), path + ".code");
  line.date = rules.date(stringField(obj, "date", path + ".date", true), path + ".date");

  if (auto mods = member(obj, "modifiers")) {
    simdjson::dom::array array;
    if (mods->get(array) != simdjson::SUCCESS) fail(path + ".modifiers", "expected an array");
    std::size_t i = 0;
    for (element m : array) {
      const std::string mpath = fmt::format("{}.modifiers[{}]", path, i++);
      std::string_view text;
      if (m.get(text) != simdjson::SUCCESS) fail(mpath, "expected a string");
      rules.addModifier(line, text, mpath);
    }
  }
  if (auto units = wholeNumberField(obj, "units", path + ".units", rules))
    line.units = rules.units(*units, path + ".units");
  if (auto minutes = wholeNumberField(obj, "minutes", path + ".minutes", rules))
    line.minutes = rules.minutes(*minutes, path + ".minutes");
  if (auto charge = member(obj, "charge")) {
    double value = 0;
    if (charge->get(value) != simdjson::SUCCESS) fail(path + ".charge", "expected a number");
    line.charge = rules.charge(value, path + ".charge");
  }
  line.placeOfService = placeOfServiceField(obj, path + ".place_of_service", rules);
  if (auto provider = objectField(obj, "provider", path + ".provider"))
    line.providerNpi = stringField(*provider, "npi", path + ".provider.npi", false);
  return line;
}

model::Claim convertClaim(object obj, const FieldRules& rules) {
  model::Claim claim;
  claim.id = stringField(obj, "id", "id", true);
  if (claim.id.empty()) fail("id", "must not be empty");
  claim.payer = stringField(obj, "payer", "payer", false);
  claim.placeOfService = placeOfServiceField(obj, "place_of_service", rules);

  if (auto patient = objectField(obj, "patient", "patient")) {
    claim.patient.id = stringField(*patient, "id", "patient.id", false);
    std::string birth = stringField(*patient, "birth_date", "patient.birth_date", false);
    if (!birth.empty()) claim.patient.birthDate = rules.date(birth, "patient.birth_date");
    claim.patient.sex =
        rules.sex(stringField(*patient, "sex", "patient.sex", false), "patient.sex");
  }
  if (auto provider = objectField(obj, "provider", "provider"))
    claim.providerNpi = stringField(*provider, "npi", "provider.npi", false);
  if (auto billing = objectField(obj, "billing_provider", "billing_provider"))
    claim.billingProviderNpi = stringField(*billing, "npi", "billing_provider.npi", false);

  if (auto dx = member(obj, "diagnoses")) {
    simdjson::dom::array array;
    if (dx->get(array) != simdjson::SUCCESS) fail("diagnoses", "expected an array");
    std::size_t i = 0;
    for (element d : array) {
      const std::string dpath = fmt::format("diagnoses[{}]", i++);
      std::string_view text;
      if (d.get(text) != simdjson::SUCCESS) fail(dpath, "expected a string");
      rules.addDiagnosis(claim, rules.diagnosis(text, DiagnosisCodeSet::Icd10, dpath), dpath);
    }
  }

  auto lines = member(obj, "lines");
  if (!lines) fail("lines", "required field is missing");
  simdjson::dom::array array;
  if (lines->get(array) != simdjson::SUCCESS) fail("lines", "expected an array");
  rules.checkLineCount(array.size(), "lines");
  std::size_t i = 0;
  for (element l : array) {
    const std::string path = fmt::format("lines[{}]", i++);
    object lineObj;
    if (l.get(lineObj) != simdjson::SUCCESS) fail(path, "expected an object");
    claim.lines.push_back(convertLine(lineObj, path, rules));
  }
  rules.completeClaim(claim, "lines");
  return claim;
}

/// A top-level string member, if the object has a readable one, for the id
/// and payer of reject records.
std::string stringIfAny(element root, std::string_view key) {
  std::string_view text;
  if (root[key].get(text) == simdjson::SUCCESS) return std::string(text);
  return {};
}

/// A UTF-8 byte order mark, which some Windows tools put before the first line.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class JsonLinesReader final : public ClaimReader {
 public:
  JsonLinesReader(std::istream& in, std::string fileName)
      : source_(in), fileName_(std::move(fileName)) {}

  bool next(ReadItem& item) override {
    std::string text;
    for (;;) {
      if (!fatal_.empty()) return false;
      auto status = source_.next(text);
      if (status == LineSource::Status::End) return false;
      const model::ClaimOrigin origin{fileName_, source_.lineNumber()};
      if (status == LineSource::Status::TooLong) {
        item = RejectedClaim{origin, {},
                             fmt::format("line is longer than {} bytes", LineSource::kMaxLine), {}};
        sawRecord_ = true;
        return true;
      }
      std::string_view line = text;
      if (origin.position == 1 && line.starts_with(kByteOrderMark))
        line.remove_prefix(kByteOrderMark.size());
      const std::size_t start = line.find_first_not_of(" \t\r");
      if (start == std::string_view::npos) continue;
      // The file's start decides whether it is claims at all: a first
      // record that is not even shaped like a JSON object makes one error
      // for the file, not a reject for each of its lines.
      if (!sawRecord_ && line[start] != '{') {
        fatal_ = fmt::format(
            "not JSON Lines: line {} does not start a JSON object (one claim per line, each "
            "`{{...}}`)",
            origin.position);
        return false;
      }
      sawRecord_ = true;
      item = convert(line, origin);
      return true;
    }
  }

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  ReadItem convert(std::string_view text, const model::ClaimOrigin& origin) {
    element root;
    if (auto error = parser_.parse(text.data(), text.size()).get(root);
        error != simdjson::SUCCESS)
      return RejectedClaim{origin, {},
                           fmt::format("not valid JSON: {}", simdjson::error_message(error)), {}};
    object obj;
    if (root.get(obj) != simdjson::SUCCESS)
      return RejectedClaim{origin, {}, "expected a JSON object for the claim", {}};
    try {
      model::Claim claim = convertClaim(obj, FieldRules{});
      claim.origin = origin;
      return claim;
    } catch (const FieldError& e) {
      return RejectedClaim{origin, stringIfAny(root, "id"), e.message, stringIfAny(root, "payer")};
    }
  }

  LineSource source_;
  std::string fileName_;
  simdjson::dom::parser parser_;
  bool sawRecord_ = false;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openJsonLines(std::istream& in, std::string fileName) {
  return std::make_unique<JsonLinesReader>(in, std::move(fileName));
}

}  // namespace edict::read
