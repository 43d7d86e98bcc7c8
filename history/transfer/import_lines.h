// `edict history import`: records a paid-lines file (a vendor's history) as
// claims. The consecutive records of one payer and claim id are one claim;
// a claim the history already knows is left as it is, so importing a file
// twice records nothing new. A record that cannot be read leaves its whole
// claim out, with a message naming the record. Claims are written in
// batches, each one transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "history/store/history_store.h"
#include "history/transfer/paid_line_reader.h"

namespace edict::history {

/// What an import did.
struct ImportSummary {
  std::uint64_t records = 0;
  std::uint64_t claimsImported = 0;
  std::uint64_t linesImported = 0;
  /// Claims the history already knew (recorded, replaced or voided).
  std::uint64_t claimsKnown = 0;
  /// Claims left out for a record that could not be read, and their records.
  std::uint64_t claimsRejected = 0;
  std::uint64_t recordsRejected = 0;

  /// One line for standard error.
  [[nodiscard]] std::string describe() const;
};

/// Receives `FILE:LINE: message` for each record left out.
using RejectSink = std::function<void(const std::string& message)>;

/// Imports every record of `reader` (named `fileName` in messages) into
/// `store`, `batchClaims` claims per transaction. Throws run::HistoryError
/// when the store fails.
ImportSummary importPaidLines(PaidLineReader& reader, HistoryStore& store,
                              const std::string& fileName, const RejectSink& rejects,
                              std::size_t batchClaims = 1000);

}  // namespace edict::history
