#include "runtime/run/batch_history.h"

#include <algorithm>
#include <tuple>

namespace edict::run {

namespace {

bool earlier(const model::PriorLine& a, const model::PriorLine& b) {
  return std::tie(a.date, a.claimId, a.line) < std::tie(b.date, b.claimId, b.line);
}

template <typename Key>
void addDistinct(std::vector<Key>& keys, std::unordered_set<Key>& seen, Key key) {
  if (seen.insert(key).second) keys.push_back(std::move(key));
}

}  // namespace

void BatchKeys::add(const model::Claim& claim) {
  if (!claim.patient.id.empty())
    addDistinct(patients, seenPatients_, PatientKey{claim.payer, claim.patient.id});
  addDistinct(claims, seenClaims_, ClaimKey{claim.payer, claim.id});
  if (!claim.replaces.empty())
    addDistinct(claims, seenClaims_, ClaimKey{claim.payer, claim.replaces});
}

BatchHistory::BatchHistory(const BatchKeys& keys, FetchedHistory fetched)
    : lines_(std::move(fetched.lines)) {
  lines_.resize(keys.patients.size());
  for (std::size_t i = 0; i < keys.patients.size(); ++i) {
    patientIndex_.emplace(keys.patients[i], i);
    std::sort(lines_[i].begin(), lines_[i].end(), earlier);
  }
  for (std::size_t i = 0; i < keys.claims.size() && i < fetched.status.size(); ++i) {
    if (!fetched.status[i]) continue;
    status_.emplace(keys.claims[i], *fetched.status[i]);
    if (*fetched.status[i] == ClaimStatus::Active) storedActive_.insert(keys.claims[i]);
  }
}

const model::ClaimHistory& BatchHistory::historyFor(const model::Claim& claim) {
  view_.lines.clear();
  if (claim.patient.id.empty()) return view_;
  const auto found = patientIndex_.find(PatientKey{claim.payer, claim.patient.id});
  if (found == patientIndex_.end()) return view_;
  for (const model::PriorLine& line : lines_[found->second])
    if (line.claimId != claim.id && (claim.replaces.empty() || line.claimId != claim.replaces))
      view_.lines.push_back(line);
  return view_;
}

std::optional<ClaimStatus> BatchHistory::status(const ClaimKey& key) const {
  const auto found = status_.find(key);
  if (found == status_.end()) return std::nullopt;
  return found->second;
}

ClaimChange& BatchHistory::changeOf(const ClaimKey& key) {
  const auto [at, added] = changeIndex_.emplace(key, changes_.size());
  if (added) {
    ClaimChange& change = changes_.emplace_back();
    change.key = key;
    change.full = false;
    change.hadLines = storedActive_.contains(key);
  }
  return changes_[at->second];
}

void BatchHistory::removeLines(const ClaimKey& key) {
  // Only a replacement or void removes lines, and its original may be any
  // patient's (a replacement may correct the patient): every list of the
  // payer is searched.
  for (const auto& [patient, index] : patientIndex_) {
    if (patient.payer != key.payer) continue;
    std::erase_if(lines_[index],
                  [&](const model::PriorLine& line) { return line.claimId == key.claimId; });
  }
}

void BatchHistory::addLines(const PatientKey& patient, const std::vector<model::PriorLine>& lines) {
  const auto found = patientIndex_.find(patient);
  if (found == patientIndex_.end()) return;  // no patient id: no one reads them
  std::vector<model::PriorLine>& list = lines_[found->second];
  const auto middle = static_cast<std::ptrdiff_t>(list.size());
  list.insert(list.end(), lines.begin(), lines.end());
  std::sort(list.begin() + middle, list.end(), earlier);
  std::inplace_merge(list.begin(), list.begin() + middle, list.end(), earlier);
}

void BatchHistory::activate(const ClaimKey& key, const model::Claim& claim,
                            std::vector<model::PriorLine> lines, const RulesetLabel& label) {
  if (status(key) == ClaimStatus::Active) removeLines(key);
  status_[key] = ClaimStatus::Active;
  addLines(PatientKey{claim.payer, claim.patient.id}, lines);
  ClaimChange& change = changeOf(key);
  change.status = ClaimStatus::Active;
  change.supersededBy.clear();
  change.full = true;
  change.patientId = claim.patient.id;
  change.frequency = claim.frequency;
  change.replaces = claim.replaces;
  change.ruleset = label.name;
  change.version = label.version;
  change.lines = std::move(lines);
}

bool BatchHistory::supersede(const ClaimKey& key, ClaimStatus to, const std::string& by) {
  const std::optional<ClaimStatus> from = status(key);
  // Replaced, Voided and Void are final: a claim already gone stays gone.
  if (from && *from != ClaimStatus::Active) return false;
  if (from) removeLines(key);
  status_[key] = to;
  ClaimChange& change = changeOf(key);
  change.status = to;
  change.supersededBy = by;
  change.lines.clear();
  return true;
}

void BatchHistory::apply(const model::Claim& claim, std::span<const model::Edit> edits,
                         const RulesetLabel& label) {
  std::vector<model::PriorLine> outcome = model::outcomeLines(claim, edits);
  if (outcome.empty()) return;  // rejected: not history
  const ClaimKey key{claim.payer, claim.id};
  const ClaimKey original{claim.payer, claim.replaces};
  bool changed = false;
  switch (claim.frequency) {
    case model::ClaimFrequency::Original:
      if (!status(key)) {
        activate(key, claim, std::move(outcome), label);
        changed = true;
      }
      break;
    case model::ClaimFrequency::Replacement:
      if (key == original) {
        // Resent under its own id: the new outcome takes the old one's
        // place, unless the claim was voided.
        const std::optional<ClaimStatus> now = status(key);
        if (!now || *now == ClaimStatus::Active || *now == ClaimStatus::Replaced) {
          activate(key, claim, std::move(outcome), label);
          changed = true;
        }
        break;
      }
      changed = supersede(original, ClaimStatus::Replaced, claim.id);
      if (!status(key)) {
        activate(key, claim, std::move(outcome), label);
        changed = true;
      }
      break;
    case model::ClaimFrequency::Void:
      changed = supersede(original, ClaimStatus::Voided, claim.id);
      if (key != original && !status(key)) {
        // The void itself is known, so that a rerun records nothing; its
        // lines cancel a claim and are not services.
        activate(key, claim, {}, label);
        status_[key] = ClaimStatus::Void;
        changeOf(key).status = ClaimStatus::Void;
        changed = true;
      }
      break;
  }
  if (changed) ++claimsRecorded_;
}

model::ClaimHistory storedHistory(HistoryAccess& access, const model::Claim& claim) {
  BatchKeys keys;
  keys.add(claim);
  FetchedHistory fetched;
  access.transact(true,
                  [&](HistoryTransaction& tx) { fetched = tx.fetch(keys.patients, keys.claims); });
  BatchHistory history(keys, std::move(fetched));
  return history.historyFor(claim);
}

}  // namespace edict::run
