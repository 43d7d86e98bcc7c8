// Writes claims back out in the formats edict reads: JSON Lines, CSV, FHIR
// R4 NDJSON and X12 837P. The inverse of the readers, used to convert sample
// claims and to generate inputs for round-trip tests and reader benchmarks.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "core/model/claim.h"

namespace edict::write {

/// One claim as one JSON Lines object, with its newline.
std::string claimToJsonLine(const model::Claim& claim);

/// The header row of a claims CSV file, with its newline.
std::string claimCsvHeader();
/// One claim as CSV rows, one per line.
std::string claimToCsvRows(const model::Claim& claim);

/// One claim as one FHIR R4 Claim resource on one line (NDJSON), with a
/// contained Patient; minutes go in the extension read/fhir_claim.h names.
std::string claimToFhirLine(const model::Claim& claim);

/// Writes claims as an X12 837P (005010X222A1) interchange: one ISA/GS, a
/// new ST/SE transaction every `claimsPerTransaction` claims, each claim
/// under its own billing provider (HL 20) and subscriber (HL 22) levels.
/// X12 has no escape character, so separators in values become spaces, and
/// it has no field for minutes, which are left out.
class X12ClaimWriter {
 public:
  explicit X12ClaimWriter(std::ostream& out, std::size_t claimsPerTransaction = 1000);
  /// Closes the interchange if finish() was not called.
  ~X12ClaimWriter();
  X12ClaimWriter(const X12ClaimWriter&) = delete;
  X12ClaimWriter& operator=(const X12ClaimWriter&) = delete;

  void add(const model::Claim& claim);
  /// Closes the open transaction, the group and the interchange.
  void finish();

 private:
  void segment(std::string text);
  void startTransaction();
  void endTransaction();

  std::ostream& out_;
  std::size_t claimsPerTransaction_;
  std::size_t claimsInTransaction_ = 0;
  std::size_t transactions_ = 0;
  std::size_t segmentsInTransaction_ = 0;
  std::size_t hl_ = 0;
  bool inTransaction_ = false;
  bool finished_ = false;
};

}  // namespace edict::write
