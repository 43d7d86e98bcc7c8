// Reads claims from X12 837P files (005010X222A1/A2, and 004010X098A1):
// any number of interchanges, groups and transactions, each transaction
// with any number of claims. See docs/input-formats.md for what is read from
// which segment.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "runtime/read/claim_reader.h"

namespace edict::read {

/// Reads X12 from `in`; `fileName` is used in reject messages, whose
/// position is the segment number (1 = the first ISA). A file that does not
/// start with an ISA segment, or whose first transaction is not an 837P
/// (an 837I, an 835), is refused with one fatal error.
std::unique_ptr<ClaimReader> openX12(std::istream& in, std::string fileName);

}  // namespace edict::read
