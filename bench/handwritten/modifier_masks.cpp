#include "handwritten/modifier_masks.h"

namespace edict::bench {

ModifierMask modifierMask(std::initializer_list<std::string_view> modifiers) {
  ModifierMask bits;
  for (std::string_view m : modifiers) bits.set(model::Modifier::parse(m)->packed);
  return bits;
}

NcciBypass::NcciBypass()
    : plain(modifierMask(
          {"24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU"})),
      anatomic(modifierMask({"E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6",
                             "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
                             "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI"})) {}

bool NcciBypass::sitesDiffer(const model::Line& line, const model::Line& other) const {
  bool lineHas = false;
  bool otherHas = false;
  for (std::uint8_t i = 0; i < line.modifierCount; ++i) {
    if (!anatomic.test(line.modifiers[i].packed)) continue;
    lineHas = true;
    if (other.hasModifier(line.modifiers[i])) return false;  // the same site on both
  }
  for (std::uint8_t i = 0; i < other.modifierCount; ++i)
    otherHas = otherHas || anatomic.test(other.modifiers[i].packed);
  return lineHas && otherHas;
}

}  // namespace edict::bench
