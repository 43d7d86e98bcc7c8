// Converts one FHIR R4 Claim resource to the claim model: which element
// gives which field is documented in docs/input-formats.md.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/model/claim.h"
#include "runtime/read/field_path.h"

namespace edict::read {

/// The URL of the extension that carries the minutes a timed service took
/// on a Claim item; FHIR has no element for them.
inline constexpr std::string_view kMinutesExtension = "urn:edict:fhir:service-minutes";

/// What a Claim needs from a resource it refers to (Patient, Practitioner,
/// Organization): ids, NPI, birth date and gender.
struct FhirTarget {
  /// The first identifier's value, else the resource id.
  std::string id;
  /// The identifier with the NPI system, else the first identifier.
  std::string npi;
  std::string birthDate;
  std::string gender;
  /// Why the resource could not be read; a Claim referring to it is rejected.
  std::string problem;
};

/// Reads the fields of a referable resource; `path` prefixes field names in
/// errors (`contained[0].`).
FhirTarget fhirTarget(simdjson::dom::object resource, const FieldPath& path);

/// Resources seen earlier in the same file, by `Type/id` and by fullUrl,
/// so that a Claim may refer to a Patient that came before it. Bounded:
/// past kMaxEntries, resources are no longer remembered.
class FhirDirectory {
 public:
  static constexpr std::size_t kMaxEntries = 100000;
  void remember(std::string key, const FhirTarget& target);
  [[nodiscard]] const FhirTarget* find(std::string_view reference) const;

 private:
  std::unordered_map<std::string, FhirTarget> targets_;
};

/// Converts `claim`; throws FieldError naming the element (prefixed by
/// `path`, e.g. `entry[3].resource.`) when a field cannot be read.
model::Claim convertFhirClaim(simdjson::dom::object claim, const FhirDirectory& directory,
                              const FieldPath& path);

}  // namespace edict::read
