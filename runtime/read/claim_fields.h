// Field validation shared by every claim reader, so that a code, a date or a
// unit count is judged the same whether it came from JSON, CSV, X12 or FHIR.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/claim.h"

namespace edict::read {

/// A field that cannot be read; the reader turns it into a reject record.
/// Thrown only inside one claim's conversion and caught by its reader.
struct FieldError {
  /// `path: what is wrong`, e.g. `lines[1].units: must not be negative`.
  std::string message;
};

/// Throws a FieldError naming `path`.
[[noreturn]] void failField(const std::string& path, const std::string& what);

/// The most lines one claim may have; more is refused as hostile input.
inline constexpr std::size_t kMaxLinesPerClaim = 1000;

/// Validators that convert raw field text to model values or fail with a
/// message naming the field. Stateless; one instance serves any number of claims.
struct FieldRules {
  [[nodiscard]] model::Code code(std::string_view text, const std::string& path) const;
  [[nodiscard]] model::Date date(std::string_view text, const std::string& path) const;
  void addModifier(model::Line& line, std::string_view text, const std::string& path) const;
  [[nodiscard]] std::int32_t units(std::int64_t value, const std::string& path) const;
  [[nodiscard]] std::int32_t minutes(std::int64_t value, const std::string& path) const;
  [[nodiscard]] double charge(double value, const std::string& path) const;
  [[nodiscard]] model::Sex sex(std::string_view text, const std::string& path) const;
  void checkLineCount(std::size_t count, const std::string& path) const;
};

}  // namespace edict::read
