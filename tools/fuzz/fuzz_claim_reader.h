// The body shared by the claim reader fuzz targets: any bytes through one
// reader, to the end. A reader must never crash, hang or leak; and what it
// says about bad input must make valid output: every reject record formats
// as valid JSON, and every claim it accepts is a claim the runner can take.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "runtime/read/claim_fields.h"
#include "runtime/read/claim_reader.h"
#include "runtime/write/jsonl_writer.h"

namespace edict::fuzz {

/// Stops the fuzzer, which reports the input, when `ok` is false.
inline void require(bool ok) {
  if (!ok) std::abort();
}

/// Reads every item of `data` with the reader `open` makes, checking each.
template <typename Open>
int readAll(const std::uint8_t* data, std::size_t size, Open open) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::unique_ptr<read::ClaimReader> reader = open(in);
  read::ReadItem item;
  simdjson::dom::parser parser;
  while (reader->next(item)) {
    std::string record;
    if (const auto* rejected = std::get_if<read::RejectedClaim>(&item)) {
      require(!rejected->message.empty());
      model::Edit edit;
      edit.claimId = rejected->claimId;
      edit.action = model::Action::Reject;
      edit.reason = "invalid-input";
      edit.message = rejected->message;
      write::appendJsonLine(edit, record);
    } else {
      const auto& claim = std::get<model::Claim>(item);
      require(!claim.id.empty());
      require(!claim.lines.empty() && claim.lines.size() <= read::kMaxLinesPerClaim);
      require(claim.diagnoses.size() <= read::kMaxDiagnosesPerClaim);
      model::Edit edit;
      edit.claimId = claim.id;
      edit.message = claim.payer + claim.patient.id + claim.providerNpi;
      write::appendJsonLine(edit, record);
    }
    simdjson::dom::element parsed;
    require(parser.parse(record).get(parsed) == simdjson::SUCCESS);
  }
  (void)reader->fatalError();
  return 0;
}

}  // namespace edict::fuzz
