// Reads claims from JSON Lines: one JSON object per line (brief §4).
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "runtime/read/claim_reader.h"

namespace edict::read {

/// Reads JSON Lines from `in`; `fileName` is used in reject messages.
/// Blank lines are skipped; every other line yields one item. A file whose
/// first line is not shaped like a JSON object is refused as a whole.
std::unique_ptr<ClaimReader> openJsonLines(std::istream& in, std::string fileName);

}  // namespace edict::read
