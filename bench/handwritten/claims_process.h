// The hand-written baseline as a whole process, for the benchmark's
// whole-process part beside `edict run`: a JSON Lines file of claims in, the
// records of the shipped CMS (or ACME) ruleset out as JSON Lines, by its own
// reader (jsonl_claim.h), its own rules and its own writer (record_text.h).
// The calling thread reads the file in blocks of whole lines and writes the
// results in input order; `threads` workers parse, evaluate and format the
// blocks. Memory is bounded by the blocks in flight.
#pragma once

#include <cstdint>
#include <string>

#include "handwritten/shipped_therapy_policy.h"

namespace edict::bench {

/// What one run did.
struct ProcessCounts {
  std::uint64_t claims = 0;    ///< claims read
  std::uint64_t rejected = 0;  ///< lines that were no claim
  std::uint64_t records = 0;   ///< records written
};

/// Runs `policy` over the claims of `inPath` into `outPath`. Throws
/// std::runtime_error when a file cannot be opened or written.
ProcessCounts runClaimsProcess(const HandwrittenShippedTherapy& policy, const std::string& inPath,
                               const std::string& outPath, unsigned threads);

}  // namespace edict::bench
