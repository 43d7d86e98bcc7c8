// Converts one FHIR R4 Claim resource to the claim model: which element
// gives which field is documented in docs/input-formats.md.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <deque>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
/// past kMaxEntries keys, resources are no longer remembered (nor past
/// kMaxVersions resources in all, for files that give one key again and
/// again). The reading thread remembers while the threads that convert
/// claims look up, each as the file stood where its claim was (version()
/// then): a later resource of the same key does not change an earlier claim.
class FhirDirectory {
 public:
  static constexpr std::size_t kMaxEntries = 100000;
  static constexpr std::size_t kMaxVersions = 4 * kMaxEntries;
  void remember(std::string key, const FhirTarget& target);
  /// How many resources have been remembered so far: a point in the file.
  [[nodiscard]] std::uint64_t version() const;
  /// The resource `reference` names as of `asOf` (a version()); null when none.
  [[nodiscard]] const FhirTarget* find(std::string_view reference,
                                       std::uint64_t asOf = UINT64_MAX) const;

 private:
  [[nodiscard]] const FhirTarget* findKey(const std::string& key, std::uint64_t asOf) const;

  mutable std::shared_mutex mutex_;
  /// Each key's resources in the order remembered, with their versions.
  std::unordered_map<std::string, std::vector<std::pair<std::uint64_t, const FhirTarget*>>> keys_;
  std::deque<FhirTarget> targets_;  ///< stable addresses while it grows
  std::uint64_t version_ = 0;
};

/// A directory as of one point in its file.
struct FhirDirectoryView {
  const FhirDirectory& directory;
  std::uint64_t asOf = UINT64_MAX;
  [[nodiscard]] const FhirTarget* find(std::string_view reference) const {
    return directory.find(reference, asOf);
  }
};

/// Converts `claim`; throws FieldError naming the element (prefixed by
/// `path`, e.g. `entry[3].resource.`) when a field cannot be read.
model::Claim convertFhirClaim(simdjson::dom::object claim, FhirDirectoryView directory,
                              const FieldPath& path);

}  // namespace edict::read
