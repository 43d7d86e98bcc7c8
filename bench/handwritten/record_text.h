// The hand-written baseline's own writer of result records: one JSON line
// per edit, in the field order of edict's stable contract (brief §4), so
// that its output file can be compared with `edict run`'s byte for byte.
#pragma once

#include <string>

#include "core/model/edit.h"

namespace edict::bench {

/// Appends `edit` as one JSON line, with its newline, to `out`.
void appendRecordLine(const model::Edit& edit, std::string& out);

}  // namespace edict::bench
