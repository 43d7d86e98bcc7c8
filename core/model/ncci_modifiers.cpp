#include "core/model/ncci_modifiers.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace edict::model {

namespace {

std::vector<model::Modifier> parseAll(std::initializer_list<std::string_view> texts) {
  std::vector<model::Modifier> out;
  for (std::string_view t : texts) out.push_back(*model::Modifier::parse(t));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const std::vector<model::Modifier>& anatomicModifiers() {
  static const auto set =
      parseAll({"E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6",
                "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7",
                "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI"});
  return set;
}

const std::vector<model::Modifier>& ncciAssociatedModifiers() {
  static const auto set = [] {
    auto all =
        parseAll({"24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU"});
    const auto& anatomic = anatomicModifiers();
    all.insert(all.end(), anatomic.begin(), anatomic.end());
    std::sort(all.begin(), all.end());
    return all;
  }();
  return set;
}

bool isAnatomic(model::Modifier m) {
  const auto& set = anatomicModifiers();
  return std::binary_search(set.begin(), set.end(), m);
}

}  // namespace edict::model
