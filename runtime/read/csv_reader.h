// Reads claims from CSV: one row per service line under a header row of
// field names (read/csv_columns.h); consecutive rows with the same `id` are
// one claim.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "runtime/read/claim_reader.h"

namespace edict::read {

/// Reads claims CSV from `in`; `fileName` is used in reject messages. A
/// header that is not a claims header is a fatal error for the file; a bad
/// row rejects its claim, naming the line and the column.
std::unique_ptr<ClaimReader> openCsv(std::istream& in, std::string fileName);

}  // namespace edict::read
