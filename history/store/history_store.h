// The claim history store: the runner's HistoryAccess (fetch a batch's
// history, record its outcome, one transaction per batch) plus what
// `edict history` needs (stats, export). Two back ends implement it,
// history/sqlite and history/postgres; history/open picks one by URL.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "core/model/history.h"
#include "runtime/run/history_access.h"

namespace edict::history {

/// A recorded line with the claim's payer and patient: one row of
/// `edict history export` and `import` (docs/history.md).
struct PaidLine {
  std::string payer;
  std::string patientId;
  model::PriorLine line;
};

/// What a history holds, for `edict history stats`.
struct HistoryStats {
  int schemaVersion = 0;
  /// Claims by run::ClaimStatus (active, replaced, voided, void).
  std::array<std::uint64_t, 4> claims{};
  std::uint64_t lines = 0;
  /// Distinct patients (at their payers) with lines.
  std::uint64_t patients = 0;
};

class HistoryStore : public run::HistoryAccess {
 public:
  [[nodiscard]] virtual HistoryStats stats() = 0;
  /// Calls `each` with every line of every Active claim, ordered by payer,
  /// claim id and line.
  virtual void exportLines(const std::function<void(const PaidLine&)>& each) = 0;
};

/// A store that cannot be used: unreachable, not an edict history, a schema
/// this edict does not know. `edict` exits 2 with the message.
class StoreError : public run::HistoryError {
 public:
  using run::HistoryError::HistoryError;
};

}  // namespace edict::history
