// The claim model every reader produces and every engine evaluates:
// a professional claim with its patient, provider and service lines.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/code.h"
#include "core/model/date.h"

namespace edict::model {

/// Administrative sex as claims carry it.
enum class Sex : std::uint8_t { Unknown, Female, Male };

/// The person who received the services.
struct Patient {
  std::string id;
  std::optional<Date> birthDate;
  Sex sex = Sex::Unknown;
};

/// One service line. Lines are numbered from 1 in claim order.
struct Line {
  Code code;
  std::array<Modifier, 4> modifiers{};
  std::uint8_t modifierCount = 0;
  std::int32_t units = 1;
  /// Minutes actually spent, from documentation; absent on most claims.
  std::optional<std::int32_t> minutes;
  Date date;
  double charge = 0.0;
  /// Overrides of the claim-level values; empty when not overridden.
  std::string placeOfService;
  std::string providerNpi;

  [[nodiscard]] bool hasModifier(Modifier m) const {
    for (std::uint8_t i = 0; i < modifierCount; ++i)
      if (modifiers[i] == m) return true;
    return false;
  }
};

/// X12 CLM05-3 claim frequency: what a claim does to the history
/// (core/model/history.h).
enum class ClaimFrequency : std::uint8_t {
  Original,     ///< 1 (and any code edict does not treat specially): a new claim
  Replacement,  ///< 7: takes the place of the claim named by `Claim::replaces`
  Void,         ///< 8: removes the claim named by `Claim::replaces`
};

/// Where a claim came from, so that results and rejects can point at it.
struct ClaimOrigin {
  std::string file;
  /// 1-based line of the input file (JSON Lines, CSV) or segment number (X12).
  std::uint64_t position = 0;
};

/// A professional claim.
struct Claim {
  std::string id;
  std::string payer;
  Patient patient;
  /// The rendering provider: the one whose same-day services edits compare.
  std::string providerNpi;
  /// The billing provider (X12 2010AA, FHIR Claim.provider); readers fill it
  /// from the rendering provider, and back, when a claim gives only one.
  std::string billingProviderNpi;
  std::string placeOfService;
  std::vector<std::string> diagnoses;
  std::vector<Line> lines;
  /// Original, replacement (7) or void (8), and for the last two the id of
  /// the claim replaced or voided (X12 REF*F8, JSON `replaces`).
  ClaimFrequency frequency = ClaimFrequency::Original;
  std::string replaces;
  ClaimOrigin origin;

  /// The provider that rendered `line`: its own, else the claim's.
  [[nodiscard]] const std::string& providerOf(const Line& line) const {
    return line.providerNpi.empty() ? providerNpi : line.providerNpi;
  }
};

}  // namespace edict::model
