// Field validation shared by every claim reader, so that a code, a date or a
// unit count is judged the same whether it came from JSON, CSV, X12 or FHIR.
// Readers hand over field text in their own syntax (an X12 date is CCYYMMDD,
// a JSON one YYYY-MM-DD) and a path in their own vocabulary (`SV101-2`,
// `line.code`, `item[0].productOrService`); the rules and messages are here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/claim.h"
#include "runtime/read/field_path.h"

namespace edict::read {

/// A field that cannot be read; the reader turns it into a reject record.
/// Thrown only inside one claim's conversion and caught by its reader.
struct FieldError {
  /// `path: what is wrong`, e.g. `lines[1].units: must not be negative`.
  std::string message;
};

/// Throws a FieldError naming `path`.
[[noreturn]] void failField(const FieldPath& path, const std::string& what);

/// `text` in backticks for a message, cut short when long so that a hostile
/// field cannot make a reject record megabytes long.
std::string quoted(std::string_view text);

/// The most lines one claim may have; more is refused as hostile input.
inline constexpr std::size_t kMaxLinesPerClaim = 1000;
/// The most diagnoses one claim may have (X12 allows 12; FHIR has no limit).
inline constexpr std::size_t kMaxDiagnosesPerClaim = 100;

/// The code system of a diagnosis. X12 and FHIR say which; JSON Lines and
/// CSV carry ICD-10-CM only.
enum class DiagnosisCodeSet : std::uint8_t { Icd10, Icd9 };

/// Validators that convert raw field text to model values or fail with a
/// message naming the field. Stateless; one instance serves any number of claims.
struct FieldRules {
  [[nodiscard]] model::Code code(std::string_view text, const FieldPath& path) const;
  /// A date as `YYYY-MM-DD` (JSON, CSV, FHIR).
  [[nodiscard]] model::Date date(std::string_view text, const FieldPath& path) const;
  /// A date as `CCYYMMDD` (X12 `D8`).
  [[nodiscard]] model::Date compactDate(std::string_view text, const FieldPath& path) const;
  void addModifier(model::Line& line, std::string_view text, const FieldPath& path) const;
  [[nodiscard]] std::int32_t units(std::int64_t value, const FieldPath& path) const;
  [[nodiscard]] std::int32_t minutes(std::int64_t value, const FieldPath& path) const;
  [[nodiscard]] double charge(double value, const FieldPath& path) const;
  [[nodiscard]] model::Sex sex(std::string_view text, const FieldPath& path) const;
  void checkLineCount(std::size_t count, const FieldPath& path) const;

  /// A count given as a number that may have a fraction part (JSON `2.0`,
  /// X12 `2.00`, FHIR `quantity.value`): whole values pass, `1.5` fails.
  [[nodiscard]] std::int64_t wholeNumber(double value, const FieldPath& path) const;
  /// A decimal number written as text (`12.25`, `-3`, `.5`): CSV cells and
  /// X12 elements. No exponent, no thousands separators.
  [[nodiscard]] double decimal(std::string_view text, const FieldPath& path) const;
  /// A CMS place of service code: two digits.
  [[nodiscard]] std::string placeOfService(std::string_view text, const FieldPath& path) const;
  /// A diagnosis code in its canonical form: capitals, with the dot
  /// (`M5450` and `M54.50` both give `M54.50`; ICD-9 `7231` gives `723.1`).
  [[nodiscard]] std::string diagnosis(std::string_view text, DiagnosisCodeSet set,
                                      const FieldPath& path) const;
  /// Adds a diagnosis to the claim, failing past kMaxDiagnosesPerClaim.
  void addDiagnosis(model::Claim& claim, std::string code, const FieldPath& path) const;
  /// Fails unless `text` is valid UTF-8 (JSON input is checked by its parser).
  void utf8(std::string_view text, const FieldPath& path) const;

  /// An X12 CLM05-3 claim frequency code (JSON `frequency`, CSV column of
  /// the same name): one digit; `7` is a replacement, `8` a void, any other
  /// digit (`1` original, `6` corrected...) a new claim.
  [[nodiscard]] model::ClaimFrequency frequency(std::string_view text, const FieldPath& path) const;
  /// Checks that the claim's frequency and `Claim::replaces` agree: a
  /// replacement or a void names the claim it replaces (`replacesPath`), an
  /// original names none; `replaces` is trimmed of surrounding blanks first.
  void checkReplaces(model::Claim& claim, const FieldPath& frequencyPath,
                     const FieldPath& replacesPath) const;

  /// The last step of every reader, so that the same claim gives the same
  /// model whatever its format: checks the line count; fills the rendering
  /// provider from the billing provider and back when only one is given, and
  /// a missing claim place of service or provider from the first line; a
  /// line's value equal to the claim's is no override and is cleared.
  void completeClaim(model::Claim& claim, const FieldPath& linesPath) const;
};

}  // namespace edict::read
