// What both hand-written baselines need of modifiers: sets as bitmaps, and
// the NCCI bypass of a PTP pair (a distinct-service modifier on either line,
// or anatomic modifiers naming different sites). Plain C++ over the claim
// model, sharing nothing with edict's evaluation.
#pragma once

#include <bitset>
#include <initializer_list>
#include <string_view>

#include "core/model/claim.h"

namespace edict::bench {

/// A set of modifiers, one bit per packed value.
using ModifierMask = std::bitset<model::kModifierSpace>;

/// The set of `modifiers` (two-character codes, valid by construction).
ModifierMask modifierMask(std::initializer_list<std::string_view> modifiers);

/// Whether `line` carries a modifier of `set`.
inline bool anyIn(const ModifierMask& set, const model::Line& line) {
  for (std::uint8_t i = 0; i < line.modifierCount; ++i)
    if (set.test(line.modifiers[i].packed)) return true;
  return false;
}

/// The NCCI-associated modifiers split as a pair's bypass uses them.
struct NcciBypass {
  NcciBypass();

  /// Both lines carry anatomic modifiers and none of `line`'s is on `other`.
  [[nodiscard]] bool sitesDiffer(const model::Line& line, const model::Line& other) const;
  /// Modifier indicator 1 with the NCCI-associated modifiers as the bypass.
  [[nodiscard]] bool bypassed(const model::Line& line, const model::Line& other) const {
    return anyIn(plain, line) || anyIn(plain, other) || sitesDiffer(line, other);
  }

  /// Global surgery and the others (59, X{EPSU}...): one on either line suffices.
  ModifierMask plain;
  /// E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI.
  ModifierMask anatomic;
};

}  // namespace edict::bench
