// Reads claims from FHIR R4 JSON: Claim resources as NDJSON (one resource
// per line), or in a Bundle (any layout, streamed entry by entry). Patient,
// Practitioner and Organization resources earlier in the same file, and
// contained ones, are used to resolve the Claim's references.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include "runtime/read/claim_reader.h"

namespace edict::read {

/// Reads FHIR JSON from `in`; `fileName` is used in reject messages, whose
/// position is the line on which the resource (or Bundle entry) begins. A
/// file whose first value is not a FHIR resource, or that holds no Claim,
/// is refused with one fatal error.
std::unique_ptr<ClaimReader> openFhir(std::istream& in, std::string fileName);

}  // namespace edict::read
