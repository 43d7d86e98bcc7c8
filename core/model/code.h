// Procedure codes (CPT/HCPCS) and modifiers as small integers.
// A code is five characters of [0-9A-Z], packed in base 36 so that numeric
// order equals text order: ranges such as 97760..97763 or 0591T..0596T become
// integer comparisons. A modifier is two such characters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace edict::model {

/// A CPT or HCPCS procedure code such as `97110`, `G0283` or `0591T`.
struct Code {
  std::uint32_t packed = 0;

  /// Parses a code; nullopt unless it has the shape of CPT (5 digits),
  /// HCPCS level II (a letter and 4 digits) or CPT category II/III, PLA,
  /// MAAA and vaccine codes (4 digits and `F`, `T`, `U`, `M` or `A`).
  /// Lower-case letters are refused.
  static std::optional<Code> parse(std::string_view text);
  /// Why `text` is not a code, for diagnostics and reject messages.
  static std::string whyNotCode(std::string_view text);

  [[nodiscard]] std::string text() const;

  friend auto operator<=>(Code, Code) = default;
};

/// A two-character procedure modifier such as `59`, `GP` or `LT`.
struct Modifier {
  /// 1 + base-36 value of the two characters; 0 means "no modifier".
  std::uint16_t packed = 0;

  /// Parses a modifier: exactly two characters of [0-9A-Z].
  static std::optional<Modifier> parse(std::string_view text);

  [[nodiscard]] std::string text() const;

  friend auto operator<=>(Modifier, Modifier) = default;
};

/// The number of distinct modifier values, for bitmaps indexed by `packed`.
inline constexpr std::uint32_t kModifierSpace = 36 * 36 + 1;

}  // namespace edict::model
