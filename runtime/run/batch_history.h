// The history one batch of claims is evaluated with, kept up to date claim
// by claim: the stored lines of the batch's patients and the status of its
// claims, fetched once, then changed by each claim as the store would be
// changed had the claims been recorded one at a time. So a claim sees the
// outcome of every earlier claim of its patient in the batch, and the
// changes it collects are what the batch writes in its transaction. The
// recording rules (docs/history.md) are written here once; the stores only
// write the changes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/model/claim.h"
#include "core/model/edit.h"
#include "core/model/history.h"
#include "runtime/run/history_access.h"
#include "runtime/run/router.h"

namespace edict::run {

/// The keys a batch fetches: its claims' patients, and its claims with the
/// claims they replace. Each distinct, in the order first met.
struct BatchKeys {
  std::vector<PatientKey> patients;
  std::vector<ClaimKey> claims;

  /// Adds what `claim` needs. A claim without a patient id has no history.
  void add(const model::Claim& claim);

 private:
  std::unordered_set<PatientKey> seenPatients_;
  std::unordered_set<ClaimKey> seenClaims_;
};

class BatchHistory {
 public:
  /// Starts from what `fetched` holds for `keys` (its lines in any order).
  BatchHistory(const BatchKeys& keys, FetchedHistory fetched);

  /// The history `claim` is judged with: the Active lines of its patient at
  /// its payer, without its own lines and those of the claim it replaces,
  /// sorted by date, claim id and line. Valid until the next call.
  const model::ClaimHistory& historyFor(const model::Claim& claim);

  /// Records what evaluating `claim` gave (`edits`, with the ruleset that
  /// made them): an original is recorded unless the history knows its id; a
  /// replacement takes the place of the claim it replaces; a void removes
  /// it. A claim rejected (a Reject record) changes nothing.
  void apply(const model::Claim& claim, std::span<const model::Edit> edits,
             const RulesetLabel& label);

  /// The changes to write, one per claim changed, in the order first made.
  [[nodiscard]] const std::vector<ClaimChange>& changes() const { return changes_; }
  /// How many claims of the batch changed the history.
  [[nodiscard]] std::uint64_t claimsRecorded() const { return claimsRecorded_; }

 private:
  [[nodiscard]] std::optional<ClaimStatus> status(const ClaimKey& key) const;
  /// The change of `key`, made when first needed.
  ClaimChange& changeOf(const ClaimKey& key);
  /// Makes `key` Active with the claim's lines (replacing any it had).
  void activate(const ClaimKey& key, const model::Claim& claim, std::vector<model::PriorLine> lines,
                const RulesetLabel& label);
  /// Marks the claim `key` replaced or voided by `by`, removing its lines;
  /// true when that changed it (a claim already gone stays as it is).
  bool supersede(const ClaimKey& key, ClaimStatus status, const std::string& by);
  void removeLines(const ClaimKey& key);
  void addLines(const PatientKey& patient, const std::vector<model::PriorLine>& lines);

  std::unordered_map<PatientKey, std::size_t> patientIndex_;
  std::vector<std::vector<model::PriorLine>> lines_;
  std::unordered_map<ClaimKey, ClaimStatus> status_;
  /// Claims whose stored lines were fetched (their lines must be deleted
  /// when the batch changes them).
  std::unordered_set<ClaimKey> storedActive_;
  std::vector<ClaimChange> changes_;
  std::unordered_map<ClaimKey, std::size_t> changeIndex_;
  std::uint64_t claimsRecorded_ = 0;
  model::ClaimHistory view_;
};

/// The history a read-only run judges `claim` with: the stored lines of its
/// patient at its payer, fetched in one transaction of `access` (for `edict
/// explain --history`, which explains one claim at a time).
model::ClaimHistory storedHistory(HistoryAccess& access, const model::Claim& claim);

}  // namespace edict::run
