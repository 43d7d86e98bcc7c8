#include "runtime/read/fhir_claim.h"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "runtime/read/claim_fields.h"

namespace edict::read {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::string_view kNpiSystem = "http://hl7.org/fhir/sid/us-npi";

std::optional<element> member(object o, std::string_view key) {
  element value;
  if (o[key].get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

std::string_view stringAt(object o, std::string_view key, const FieldPath& path) {
  auto value = member(o, key);
  if (!value) return {};
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) failField(path, "expected a string");
  return text;
}

std::optional<object> objectAt(object o, std::string_view key, const FieldPath& path) {
  auto value = member(o, key);
  if (!value) return std::nullopt;
  object result;
  if (value->get(result) != simdjson::SUCCESS) failField(path, "expected an object");
  return result;
}

/// The elements of the array at `key`; none when it is absent.
std::vector<element> arrayAt(object o, std::string_view key, const FieldPath& path) {
  std::vector<element> elements;
  auto value = member(o, key);
  if (!value) return elements;
  array result;
  if (value->get(result) != simdjson::SUCCESS) failField(path, "expected an array");
  for (element e : result) elements.push_back(e);
  return elements;
}

std::optional<double> numberAt(object o, std::string_view key, const FieldPath& path) {
  auto value = member(o, key);
  if (!value) return std::nullopt;
  double number = 0;
  if (value->get(number) != simdjson::SUCCESS) failField(path, "expected a number");
  return number;
}

std::optional<std::int64_t> integerAt(object o, std::string_view key, const FieldPath& path) {
  auto value = member(o, key);
  if (!value) return std::nullopt;
  std::int64_t number = 0;
  if (value->get(number) != simdjson::SUCCESS) failField(path, "expected an integer");
  return number;
}

/// The path of `<concept>.coding[i].code`, rendered only for a message.
struct CodePath {
  /// The CodeableConcept's path, owned by the caller of codingAt().
  const FieldPath* codeable;
  std::size_t index;
  std::string operator()() const {
    return FieldPath(FieldPath(*codeable, ".coding", index), ".code").str();
  }
  operator FieldPath() const { return FieldPath::lazy(*this); }  // NOLINT: implicit on purpose
};

/// A coding of a CodeableConcept: the first that has a code.
struct Coding {
  std::string_view system;
  std::string_view code;
  CodePath path;
};

/// The first coding with a code; `path` must outlive the result.
std::optional<Coding> firstCoding(object codeable, const FieldPath& path) {
  const FieldPath codings(path, ".coding");
  std::size_t i = 0;
  for (element e : arrayAt(codeable, "coding", codings)) {
    const FieldPath cpath(path, ".coding", i);
    object coding;
    if (e.get(coding) != simdjson::SUCCESS) failField(cpath, "expected an object");
    const std::string_view code = stringAt(coding, "code", FieldPath(cpath, ".code"));
    if (!code.empty())
      return Coding{stringAt(coding, "system", FieldPath(cpath, ".system")), code, {&path, i}};
    ++i;
  }
  return std::nullopt;
}

/// The first coding of the CodeableConcept at `o[key]`; `path` (the
/// concept's path) must outlive the result.
std::optional<Coding> codingAt(object o, std::string_view key, const FieldPath& path) {
  auto codeable = objectAt(o, key, path);
  if (!codeable) return std::nullopt;
  return firstCoding(*codeable, path);
}

/// The `identifier` (one or an array) at `path`: the first value is the id;
/// the value with the NPI system, else the id, is the NPI.
void readIdentifiers(object o, FhirTarget& target, const FieldPath& path) {
  auto value = member(o, "identifier");
  if (!value) return;
  std::vector<object> identifiers;
  object single;
  array many;
  if (value->get(single) == simdjson::SUCCESS) {
    identifiers.push_back(single);
  } else if (value->get(many) == simdjson::SUCCESS) {
    for (element e : many) {
      object id;
      if (e.get(id) == simdjson::SUCCESS) identifiers.push_back(id);
    }
  } else {
    failField(path, "expected an object or an array");
  }
  for (object id : identifiers) {
    const std::string_view v = stringAt(id, "value", FieldPath(path, ".value"));
    if (v.empty()) continue;
    if (target.id.empty()) target.id = v;
    if (stringAt(id, "system", FieldPath(path, ".system")) == kNpiSystem) target.npi = v;
  }
  if (target.npi.empty()) target.npi = target.id;
}

/// Resolves a Reference: a contained resource (`#id`), a resource seen
/// earlier in the file, the reference's own identifier, or its id.
class References {
 public:
  References(object claim, FhirDirectoryView directory, const FieldPath& path)
      : directory_(directory) {
    std::size_t i = 0;
    for (element e : arrayAt(claim, "contained", FieldPath(path, "contained"))) {
      const FieldPath cpath(path, "contained", i++);
      object resource;
      if (e.get(resource) != simdjson::SUCCESS) failField(cpath, "expected an object");
      const std::string_view id = stringAt(resource, "id", FieldPath(cpath, ".id"));
      if (!id.empty())
        contained_.emplace(std::string(id), fhirTarget(resource, FieldPath(cpath, ".")));
    }
  }

  /// The target of the reference at `o[key]`; nullopt when there is none.
  std::optional<FhirTarget> resolve(object o, std::string_view key, const FieldPath& path) const {
    auto ref = objectAt(o, key, path);
    if (!ref) return std::nullopt;
    const std::string_view reference = stringAt(*ref, "reference", FieldPath(path, ".reference"));
    if (reference.starts_with('#')) {
      auto found = contained_.find(std::string(reference.substr(1)));
      if (found == contained_.end())
        failField(FieldPath(path, ".reference"),
                  fmt::format("{} names no contained resource", quoted(reference)));
      return found->second;
    }
    if (!reference.empty())
      if (const FhirTarget* target = directory_.find(reference)) {
        if (!target->problem.empty())
          failField(FieldPath(path, ".reference"),
                    fmt::format("the resource {} could not be read: {}", quoted(reference),
                                target->problem));
        return *target;
      }
    FhirTarget target;
    readIdentifiers(*ref, target, FieldPath(path, ".identifier"));
    if (target.id.empty() && !reference.empty())
      target.id = reference.substr(reference.rfind('/') + 1);
    if (target.id.empty()) target.id = stringAt(*ref, "display", FieldPath(path, ".display"));
    return target;
  }

 private:
  FhirDirectoryView directory_;
  std::unordered_map<std::string, FhirTarget> contained_;
};

model::Sex gender(std::string_view text, const FieldPath& path) {
  if (text.empty() || text == "unknown" || text == "other") return model::Sex::Unknown;
  if (text == "female") return model::Sex::Female;
  if (text == "male") return model::Sex::Male;
  failField(path, fmt::format("{} is not an administrative gender (male, female, other, unknown)",
                              quoted(text)));
}

/// careTeam sequence -> the member's NPI, and the claim's rendering provider.
struct CareTeam {
  std::unordered_map<std::int64_t, std::string> npiBySequence;
  std::string rendering;
};

CareTeam readCareTeam(object claim, const References& refs, const FieldPath& path) {
  CareTeam team;
  std::size_t i = 0;
  for (element e : arrayAt(claim, "careTeam", FieldPath(path, "careTeam"))) {
    const FieldPath mpath(path, "careTeam", i++);
    object member;
    if (e.get(member) != simdjson::SUCCESS) failField(mpath, "expected an object");
    const auto sequence = integerAt(member, "sequence", FieldPath(mpath, ".sequence"));
    auto provider = refs.resolve(member, "provider", FieldPath(mpath, ".provider"));
    if (!provider) continue;
    if (sequence) team.npiBySequence[*sequence] = provider->npi;
    // The claim-level rendering provider: the first primary or performing member.
    const FieldPath rolePath(mpath, ".role");
    if (auto role = codingAt(member, "role", rolePath); role && team.rendering.empty()) {
      if (role->code == "primary" || role->code == "performing" || role->code == "rendering")
        team.rendering = provider->npi;
    }
  }
  return team;
}

model::Line convertItem(object item, const CareTeam& team, const FieldPath& path,
                        const FieldRules& rules) {
  model::Line line;
  const FieldPath productPath(path, ".productOrService");
  auto product = codingAt(item, "productOrService", productPath);
  if (!product) failField(FieldPath(path, ".productOrService"), "required field is missing");
  line.code = rules.code(product->code, product->path);

  std::size_t m = 0;
  for (element e : arrayAt(item, "modifier", FieldPath(path, ".modifier"))) {
    const FieldPath mpath(path, ".modifier", m++);
    object codeable;
    if (e.get(codeable) != simdjson::SUCCESS) failField(mpath, "expected an object");
    auto coding = firstCoding(codeable, mpath);
    if (!coding) failField(mpath, "the modifier has no code");
    rules.addModifier(line, coding->code, coding->path);
  }

  const std::string_view serviced =
      stringAt(item, "servicedDate", FieldPath(path, ".servicedDate"));
  if (!serviced.empty()) {
    line.date = rules.date(serviced, FieldPath(path, ".servicedDate"));
  } else if (auto period = objectAt(item, "servicedPeriod", FieldPath(path, ".servicedPeriod"))) {
    // A period of service: edits compare its first day, as for X12 RD8.
    line.date = rules.date(stringAt(*period, "start", FieldPath(path, ".servicedPeriod.start")),
                           FieldPath(path, ".servicedPeriod.start"));
  } else {
    failField(FieldPath(path, ".servicedDate"), "required field is missing (or servicedPeriod)");
  }

  if (auto quantity = objectAt(item, "quantity", FieldPath(path, ".quantity")))
    if (auto value = numberAt(*quantity, "value", FieldPath(path, ".quantity.value")))
      line.units = rules.units(rules.wholeNumber(*value, FieldPath(path, ".quantity.value")),
                               FieldPath(path, ".quantity.value"));
  if (auto net = objectAt(item, "net", FieldPath(path, ".net")))
    if (auto value = numberAt(*net, "value", FieldPath(path, ".net.value")))
      line.charge = rules.charge(*value, FieldPath(path, ".net.value"));
  const FieldPath locationPath(path, ".locationCodeableConcept");
  if (auto pos = codingAt(item, "locationCodeableConcept", locationPath))
    line.placeOfService = rules.placeOfService(pos->code, pos->path);

  std::size_t x = 0;
  for (element e : arrayAt(item, "extension", FieldPath(path, ".extension"))) {
    const FieldPath xpath(path, ".extension", x++);
    object extension;
    if (e.get(extension) != simdjson::SUCCESS) failField(xpath, "expected an object");
    if (stringAt(extension, "url", FieldPath(xpath, ".url")) != kMinutesExtension) continue;
    std::optional<double> minutes =
        numberAt(extension, "valueInteger", FieldPath(xpath, ".valueInteger"));
    if (!minutes) minutes = numberAt(extension, "valueDecimal", FieldPath(xpath, ".valueDecimal"));
    if (!minutes)
      if (auto q = objectAt(extension, "valueQuantity", FieldPath(xpath, ".valueQuantity")))
        minutes = numberAt(*q, "value", FieldPath(xpath, ".valueQuantity.value"));
    if (!minutes) failField(xpath, "the minutes extension has no valueInteger");
    line.minutes = rules.minutes(rules.wholeNumber(*minutes, xpath), xpath);
  }

  for (element e : arrayAt(item, "careTeamSequence", FieldPath(path, ".careTeamSequence"))) {
    std::int64_t sequence = 0;
    if (e.get(sequence) != simdjson::SUCCESS)
      failField(FieldPath(path, ".careTeamSequence[0]"), "expected an integer");
    auto found = team.npiBySequence.find(sequence);
    if (found == team.npiBySequence.end())
      failField(FieldPath(path, ".careTeamSequence[0]"),
                fmt::format("no careTeam member has sequence {}", sequence));
    line.providerNpi = found->second;
    break;  // the first member listed renders the service
  }
  return line;
}

/// The claim a Claim replaces: the `related` entry whose relationship is
/// `prior` (ex-relatedclaimrelationship), by its claim's business
/// identifier, else the id its reference ends with, else its own
/// `reference` identifier. Empty when no entry is a prior claim.
std::string priorClaim(object claim, const FieldPath& path) {
  std::string found;
  std::size_t i = 0;
  for (element e : arrayAt(claim, "related", FieldPath(path, "related"))) {
    const FieldPath rpath(path, "related", i++);
    object related;
    if (e.get(related) != simdjson::SUCCESS) failField(rpath, "expected an object");
    const FieldPath relationshipPath(rpath, ".relationship");
    auto relationship = codingAt(related, "relationship", relationshipPath);
    if (!relationship || relationship->code != "prior") continue;
    std::string id;
    const FieldPath claimPath(rpath, ".claim");
    if (auto ref = objectAt(related, "claim", claimPath)) {
      FhirTarget target;
      readIdentifiers(*ref, target, FieldPath(claimPath, ".identifier"));
      id = target.id;
      const std::string_view reference =
          stringAt(*ref, "reference", FieldPath(claimPath, ".reference"));
      if (id.empty()) id = reference.substr(reference.rfind('/') + 1);
    }
    if (id.empty())
      if (auto identifier = objectAt(related, "reference", FieldPath(rpath, ".reference")))
        id = stringAt(*identifier, "value", FieldPath(rpath, ".reference.value"));
    if (id.empty())
      failField(claimPath, "a prior claim needs its identifier (claim.identifier.value)");
    if (!found.empty() && found != id)
      failField(rpath, fmt::format("a second prior claim, {}; a claim replaces one claim, {}",
                                   read::quoted(id), read::quoted(found)));
    found = std::move(id);
  }
  return found;
}

}  // namespace

FhirTarget fhirTarget(object resource, const FieldPath& path) {
  FhirTarget target;
  readIdentifiers(resource, target, FieldPath(path, "identifier"));
  const std::string_view id = stringAt(resource, "id", FieldPath(path, "id"));
  if (target.id.empty()) target.id = id;
  target.birthDate = stringAt(resource, "birthDate", FieldPath(path, "birthDate"));
  target.gender = stringAt(resource, "gender", FieldPath(path, "gender"));
  return target;
}

void FhirDirectory::remember(std::string key, const FhirTarget& target) {
  std::unique_lock lock(mutex_);
  if (keys_.size() >= kMaxEntries || targets_.size() >= kMaxVersions) return;
  targets_.push_back(target);
  keys_[std::move(key)].emplace_back(++version_, &targets_.back());
}

std::uint64_t FhirDirectory::version() const {
  std::shared_lock lock(mutex_);
  return version_;
}

const FhirTarget* FhirDirectory::findKey(const std::string& key, std::uint64_t asOf) const {
  const auto found = keys_.find(key);
  if (found == keys_.end()) return nullptr;
  const FhirTarget* target = nullptr;
  for (const auto& [version, t] : found->second)
    if (version <= asOf) target = t;
  return target;
}

const FhirTarget* FhirDirectory::find(std::string_view reference, std::uint64_t asOf) const {
  std::shared_lock lock(mutex_);
  if (keys_.empty()) return nullptr;
  if (const FhirTarget* target = findKey(std::string(reference), asOf)) return target;
  // `https://server/fhir/Patient/7` matches a resource remembered as `Patient/7`.
  const std::size_t slash = reference.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return nullptr;
  const std::size_t typeStart = reference.rfind('/', slash - 1);
  if (typeStart == std::string_view::npos) return nullptr;
  return findKey(std::string(reference.substr(typeStart + 1)), asOf);
}

model::Claim convertFhirClaim(object resource, FhirDirectoryView directory, const FieldPath& path) {
  const FieldRules rules;
  model::Claim claim;
  FhirTarget self;
  readIdentifiers(resource, self, FieldPath(path, "identifier"));
  // The business identifier (the biller's claim number, X12 CLM01) is the
  // claim id; the resource id is the fallback.
  claim.id =
      self.id.empty() ? std::string(stringAt(resource, "id", FieldPath(path, "id"))) : self.id;
  if (claim.id.empty())
    failField(FieldPath(path, "identifier"), "required field is missing (or id)");

  const FieldPath typePath(path, "type");
  if (auto type = codingAt(resource, "type", typePath); type && type->code != "professional")
    failField(type->path, fmt::format("{} claims are not read; edict reads professional claims",
                                      quoted(type->code)));

  // A cancelled Claim voids the prior claim it names in `related`; an
  // active one naming a prior claim replaces it (X12 CLM05-3 8 and 7).
  claim.replaces = priorClaim(resource, path);
  if (stringAt(resource, "status", FieldPath(path, "status")) == "cancelled")
    claim.frequency = model::ClaimFrequency::Void;
  else if (!claim.replaces.empty())
    claim.frequency = model::ClaimFrequency::Replacement;
  rules.checkReplaces(claim, FieldPath(path, "status"), FieldPath(path, "related"));

  const References refs(resource, directory, path);
  auto patient = refs.resolve(resource, "patient", FieldPath(path, "patient"));
  if (!patient) failField(FieldPath(path, "patient"), "required field is missing");
  claim.patient.id = patient->id;
  if (!patient->birthDate.empty())
    claim.patient.birthDate =
        rules.date(patient->birthDate, FieldPath(path, "patient → Patient.birthDate"));
  claim.patient.sex = gender(patient->gender, FieldPath(path, "patient → Patient.gender"));

  if (auto insurer = refs.resolve(resource, "insurer", FieldPath(path, "insurer")))
    claim.payer = insurer->id;
  if (auto provider = refs.resolve(resource, "provider", FieldPath(path, "provider")))
    claim.billingProviderNpi = provider->npi;
  const CareTeam team = readCareTeam(resource, refs, path);
  claim.providerNpi = team.rendering;

  std::size_t d = 0;
  for (element e : arrayAt(resource, "diagnosis", FieldPath(path, "diagnosis"))) {
    const FieldPath dpath(path, "diagnosis", d++);
    object diagnosis;
    if (e.get(diagnosis) != simdjson::SUCCESS) failField(dpath, "expected an object");
    const FieldPath conceptPath(dpath, ".diagnosisCodeableConcept");
    auto coding = codingAt(diagnosis, "diagnosisCodeableConcept", conceptPath);
    if (!coding) {
      if (member(diagnosis, "diagnosisReference"))
        failField(FieldPath(dpath, ".diagnosisReference"),
                  "references to Condition resources are not read; give "
                  "diagnosisCodeableConcept");
      failField(FieldPath(dpath, ".diagnosisCodeableConcept"), "required field is missing");
    }
    const DiagnosisCodeSet set = coding->system.find("icd-9") != std::string_view::npos
                                     ? DiagnosisCodeSet::Icd9
                                     : DiagnosisCodeSet::Icd10;
    rules.addDiagnosis(claim, rules.diagnosis(coding->code, set, coding->path), coding->path);
  }

  const std::vector<element> items = arrayAt(resource, "item", FieldPath(path, "item"));
  rules.checkLineCount(items.size(), FieldPath(path, "item"));
  std::size_t i = 0;
  for (element e : items) {
    const FieldPath ipath(path, "item", i++);
    object item;
    if (e.get(item) != simdjson::SUCCESS) failField(ipath, "expected an object");
    claim.lines.push_back(convertItem(item, team, ipath, rules));
  }
  rules.completeClaim(claim, FieldPath(path, "item"));
  return claim;
}

}  // namespace edict::read
