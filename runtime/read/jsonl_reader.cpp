#include "runtime/read/jsonl_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <optional>
#include <string_view>

#include "core/io/byte_order_mark.h"
#include "core/io/line_reader.h"
#include "runtime/read/claim_fields.h"

namespace edict::read {

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

/// The members of one JSON object that a conversion looks at, found in one
/// pass over the object: looking each key up in turn costs a scan per key.
template <std::size_t N>
struct Members {
  std::array<std::optional<element>, N> values;

  Members(object obj, const std::array<std::string_view, N>& keys) {
    for (auto [key, value] : obj) {
      if (value.is_null()) continue;  // `null` is the same as absent
      for (std::size_t i = 0; i < N; ++i)
        if (key == keys[i]) {
          values[i] = value;
          break;
        }
    }
  }
  const std::optional<element>& operator[](std::size_t i) const { return values[i]; }
};

std::string_view stringValue(const std::optional<element>& value, const FieldPath& path,
                             bool required) {
  if (!value) {
    if (required) failField(path, "required field is missing");
    return {};
  }
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) failField(path, "expected a string");
  return text;
}

std::optional<std::int64_t> wholeNumberValue(const std::optional<element>& value,
                                             const FieldPath& path, const FieldRules& rules) {
  if (!value) return std::nullopt;
  std::int64_t n = 0;
  if (value->get(n) != simdjson::SUCCESS) {
    double d = 0;
    if (value->get(d) == simdjson::SUCCESS) return rules.wholeNumber(d, path);
    failField(path, "expected a whole number");
  }
  return n;
}

std::optional<object> objectValue(const std::optional<element>& value, const FieldPath& path) {
  if (!value) return std::nullopt;
  object result;
  if (value->get(result) != simdjson::SUCCESS) failField(path, "expected an object");
  return result;
}

simdjson::dom::array arrayValue(const element& value, const FieldPath& path) {
  simdjson::dom::array result;
  if (value.get(result) != simdjson::SUCCESS) failField(path, "expected an array");
  return result;
}

/// `{"npi": "..."}`, the shape of `provider` and `billing_provider`.
std::string npiOf(const std::optional<element>& value, const FieldPath& path) {
  auto provider = objectValue(value, path);
  if (!provider) return {};
  element npi;
  if ((*provider)["npi"].get(npi) != simdjson::SUCCESS || npi.is_null()) return {};
  return std::string(stringValue(npi, FieldPath(path, ".npi"), false));
}

std::string placeOfServiceValue(const std::optional<element>& value, const FieldPath& path,
                                const FieldRules& rules) {
  const std::string_view text = stringValue(value, path, false);
  return text.empty() ? std::string() : rules.placeOfService(text, path);
}

enum LineKey { kCode, kDate, kModifiers, kUnits, kMinutes, kCharge, kLinePos, kLineProvider };
constexpr std::array<std::string_view, 8> kLineKeys = {
    "code", "date", "modifiers", "units", "minutes", "charge", "place_of_service", "provider"};

model::Line convertLine(object obj, const FieldPath& path, const FieldRules& rules) {
  const Members<8> m(obj, kLineKeys);
  model::Line line;
  const FieldPath codePath(path, ".code");
  line.code = rules.code(stringValue(m[kCode], codePath, true), codePath);
  const FieldPath datePath(path, ".date");
  line.date = rules.date(stringValue(m[kDate], datePath, true), datePath);
  if (m[kModifiers]) {
    const FieldPath modifiersPath(path, ".modifiers");
    std::size_t i = 0;
    for (element e : arrayValue(*m[kModifiers], modifiersPath)) {
      const FieldPath mpath(modifiersPath, "", i++);
      rules.addModifier(line, stringValue(e, mpath, true), mpath);
    }
  }
  const FieldPath unitsPath(path, ".units");
  if (auto units = wholeNumberValue(m[kUnits], unitsPath, rules))
    line.units = rules.units(*units, unitsPath);
  const FieldPath minutesPath(path, ".minutes");
  if (auto minutes = wholeNumberValue(m[kMinutes], minutesPath, rules))
    line.minutes = rules.minutes(*minutes, minutesPath);
  if (m[kCharge]) {
    const FieldPath chargePath(path, ".charge");
    double value = 0;
    if (m[kCharge]->get(value) != simdjson::SUCCESS) failField(chargePath, "expected a number");
    line.charge = rules.charge(value, chargePath);
  }
  line.placeOfService =
      placeOfServiceValue(m[kLinePos], FieldPath(path, ".place_of_service"), rules);
  line.providerNpi = npiOf(m[kLineProvider], FieldPath(path, ".provider"));
  return line;
}

/// `"frequency":"7"`, or the number 7 written without quotes.
model::ClaimFrequency frequencyValue(const std::optional<element>& value, const FieldPath& path,
                                     const FieldRules& rules) {
  if (!value) return model::ClaimFrequency::Original;
  std::int64_t number = 0;
  if (value->get(number) == simdjson::SUCCESS) return rules.frequency(std::to_string(number), path);
  return rules.frequency(stringValue(value, path, true), path);
}

enum ClaimKey {
  kId,
  kPayer,
  kPos,
  kPatient,
  kProvider,
  kBilling,
  kDiagnoses,
  kLines,
  kFrequency,
  kReplaces
};
constexpr std::array<std::string_view, 10> kClaimKeys = {
    "id",        "payer", "place_of_service", "patient", "provider", "billing_provider",
    "diagnoses", "lines", "frequency",        "replaces"};

model::Claim convertClaim(object obj, const FieldRules& rules) {
  const Members<10> m(obj, kClaimKeys);
  model::Claim claim;
  claim.id = stringValue(m[kId], "id", true);
  if (claim.id.empty()) failField("id", "must not be empty");
  claim.payer = stringValue(m[kPayer], "payer", false);
  claim.placeOfService = placeOfServiceValue(m[kPos], "place_of_service", rules);

  if (auto patient = objectValue(m[kPatient], "patient")) {
    const Members<3> p(*patient, {"id", "birth_date", "sex"});
    claim.patient.id = stringValue(p[0], "patient.id", false);
    const std::string_view birth = stringValue(p[1], "patient.birth_date", false);
    if (!birth.empty()) claim.patient.birthDate = rules.date(birth, "patient.birth_date");
    claim.patient.sex = rules.sex(stringValue(p[2], "patient.sex", false), "patient.sex");
  }
  claim.providerNpi = npiOf(m[kProvider], "provider");
  claim.billingProviderNpi = npiOf(m[kBilling], "billing_provider");
  claim.frequency = frequencyValue(m[kFrequency], "frequency", rules);
  claim.replaces = stringValue(m[kReplaces], "replaces", false);
  rules.checkReplaces(claim, "frequency", "replaces");

  if (m[kDiagnoses]) {
    const FieldPath root("diagnoses");
    std::size_t i = 0;
    for (element d : arrayValue(*m[kDiagnoses], root)) {
      const FieldPath dpath(root, "", i++);
      rules.addDiagnosis(
          claim, rules.diagnosis(stringValue(d, dpath, true), DiagnosisCodeSet::Icd10, dpath),
          dpath);
    }
  }

  if (!m[kLines]) failField("lines", "required field is missing");
  const simdjson::dom::array lines = arrayValue(*m[kLines], "lines");
  rules.checkLineCount(lines.size(), "lines");
  claim.lines.reserve(lines.size());
  const FieldPath root("lines");
  std::size_t i = 0;
  for (element l : lines) {
    const FieldPath path(root, "", i++);
    object lineObj;
    if (l.get(lineObj) != simdjson::SUCCESS) failField(path, "expected an object");
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

/// The longest line read; a claim is rarely more than a few kilobytes.
constexpr std::size_t kMaxLine = 16u << 20;

/// Parses one line into an item. A parser per thread, so workers parse
/// apart; each keeps its buffers from line to line.
ReadItem convert(const std::string& text, const model::ClaimOrigin& origin) {
  thread_local simdjson::dom::parser parser;
  element root;
  // Parsed where it is when the string has simdjson's padding as spare
  // capacity (nextRecord sees to it), else copied into a padded buffer.
  if (auto error = parser.parse(text).get(root); error != simdjson::SUCCESS)
    return RejectedClaim{
        origin, {}, fmt::format("not valid JSON: {}", simdjson::error_message(error)), {}};
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

class JsonLinesReader final : public SplittingReader {
 public:
  JsonLinesReader(std::istream& in, std::string fileName)
      : lines_(in, kMaxLine), fileName_(std::move(fileName)) {}

  bool nextRecord(RawRecord& record) override {
    std::string& text = record.text;
    for (;;) {
      if (!fatal_.empty()) return false;
      std::string_view line;
      const auto status = lines_.next(line);
      if (status == io::LineReader::Status::End) return false;
      const std::uint64_t position = lines_.lineNumber();
      if (status == io::LineReader::Status::TooLong) {
        setOrigin(record, position);
        text.clear();
        record.refusal = fmt::format("line is longer than {} bytes", kMaxLine);
        sawRecord_ = true;
        return true;
      }
      // A UTF-8 byte order mark, which some Windows tools put before the first line.
      const std::string_view content = position == 1 ? io::withoutUtf8ByteOrderMark(line) : line;
      // Room for the padding simdjson reads past the end, so that the
      // worker parses the text in place instead of copying it (the string
      // is reused from record to record, so this seldom allocates).
      text.reserve(content.size() + simdjson::SIMDJSON_PADDING);
      text.assign(content);
      const std::size_t start = text.find_first_not_of(" \t\r");
      if (start == std::string::npos) continue;
      // The file's start decides whether it is claims at all: a first
      // record that is not even shaped like a JSON object makes one error
      // for the file, not a reject for each of its lines.
      if (!sawRecord_ && text[start] != '{') {
        fatal_ = fmt::format(
            "not JSON Lines: line {} does not start a JSON object (one claim per line, each "
            "`{{...}}`)",
            position);
        return false;
      }
      sawRecord_ = true;
      setOrigin(record, position);
      record.refusal.clear();
      return true;
    }
  }

  void parseRecord(const RawRecord& record, ReadItem& item) const override {
    if (!record.refusal.empty())
      item = RejectedClaim{record.origin, {}, record.refusal, {}};
    else
      item = convert(record.text, record.origin);
  }

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  // Assigned member by member, so a reused record keeps its buffers.
  void setOrigin(RawRecord& record, std::uint64_t position) const {
    record.origin.file = fileName_;
    record.origin.position = position;
  }

  io::LineReader lines_;
  std::string fileName_;
  bool sawRecord_ = false;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<ClaimReader> openJsonLines(std::istream& in, std::string fileName) {
  return std::make_unique<JsonLinesReader>(in, std::move(fileName));
}

}  // namespace edict::read
