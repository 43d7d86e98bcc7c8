// The NCCI-associated modifiers (brief §1 item 1), built into every ruleset
// as the modifier sets `ncci` and `anatomic`. Anatomic modifiers only
// separate services performed on different sites.
#pragma once

#include <vector>

#include "core/model/code.h"

namespace edict::model {

/// All NCCI-associated modifiers: anatomic, global surgery and others.
const std::vector<model::Modifier>& ncciAssociatedModifiers();

/// The anatomic subset: E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI.
const std::vector<model::Modifier>& anatomicModifiers();

/// Whether `m` is anatomic.
bool isAnatomic(model::Modifier m);

}  // namespace edict::model
