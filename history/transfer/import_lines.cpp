#include "history/transfer/import_lines.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/text/counted.h"

namespace edict::history {

std::string ImportSummary::describe() const {
  return fmt::format(
      "{} read: {} imported ({}), {} already in the history, {} left out for {} that could "
      "not be read",
      text::counted(static_cast<std::int64_t>(records), "record"),
      text::counted(static_cast<std::int64_t>(claimsImported), "claim"),
      text::counted(static_cast<std::int64_t>(linesImported), "line"), claimsKnown,
      text::counted(static_cast<std::int64_t>(claimsRejected), "claim"),
      text::counted(static_cast<std::int64_t>(recordsRejected), "record"));
}

namespace {

/// The records of one claim, gathered.
struct PendingClaim {
  run::ClaimChange change;
  std::uint64_t firstRecord = 0;
  std::uint64_t records = 0;
  /// The first problem of any of its records; the claim is then left out.
  std::string problem;
};

class Importer {
 public:
  Importer(HistoryStore& store, const std::string& fileName, const RejectSink& rejects,
           std::size_t batchClaims)
      : store_(store), fileName_(fileName), rejects_(rejects), batchClaims_(batchClaims) {}

  void add(const PaidLineRow& row) {
    ++summary_.records;
    const bool sameClaim = !batch_.empty() && batch_.back().change.key.payer == row.payer &&
                           batch_.back().change.key.claimId == row.claimId && !row.claimId.empty();
    if (!sameClaim) {
      if (batch_.size() == batchClaims_) flush();
      PendingClaim& claim = batch_.emplace_back();
      claim.change.key = {row.payer, row.claimId};
      claim.change.ruleset = "import";
      claim.firstRecord = row.position;
    }
    PendingClaim& claim = batch_.back();
    ++claim.records;
    if (!claim.problem.empty()) return;
    if (!row.paid) {
      claim.problem = fmt::format("{}:{}: {}", fileName_, row.position, row.problem);
      return;
    }
    model::PriorLine line = row.paid->line;
    if (!row.numbered) line.line = static_cast<std::uint32_t>(claim.change.lines.size() + 1);
    if (claim.change.lines.empty()) {
      claim.change.patientId = row.paid->patientId;
    } else if (claim.change.patientId != row.paid->patientId) {
      claim.problem = fmt::format(
          "{}:{}: patient: `{}` differs from `{}` on the claim's first "
          "record (line {}); the records of a claim agree on its patient",
          fileName_, row.position, row.paid->patientId, claim.change.patientId, claim.firstRecord);
      return;
    }
    const bool taken = std::any_of(claim.change.lines.begin(), claim.change.lines.end(),
                                   [&](const model::PriorLine& l) { return l.line == line.line; });
    if (taken) {
      claim.problem = fmt::format("{}:{}: line: the claim has two records of line {}", fileName_,
                                  row.position, line.line);
      return;
    }
    claim.change.lines.push_back(std::move(line));
  }

  ImportSummary finish() {
    flush();
    return summary_;
  }

 private:
  void flush() {
    if (batch_.empty()) return;
    std::vector<const PendingClaim*> good;
    for (const PendingClaim& claim : batch_) {
      if (claim.problem.empty()) {
        good.push_back(&claim);
        continue;
      }
      ++summary_.claimsRejected;
      summary_.recordsRejected += claim.records;
      rejects_(fmt::format("{} (claim `{}` left out: {})", claim.problem, claim.change.key.claimId,
                           text::counted(static_cast<std::int64_t>(claim.records), "record")));
    }
    // A claim met twice in one batch (its records not consecutive) is
    // fetched once, and known by the time of its second meeting.
    std::vector<run::ClaimKey> keys;
    std::unordered_map<run::ClaimKey, std::size_t> keyIndex;
    for (const PendingClaim* claim : good)
      if (keyIndex.emplace(claim->change.key, keys.size()).second)
        keys.push_back(claim->change.key);
    std::uint64_t imported = 0;
    std::uint64_t lines = 0;
    std::uint64_t known = 0;
    store_.transact(false, [&](run::HistoryTransaction& tx) {
      imported = lines = known = 0;
      const run::FetchedHistory fetched = tx.fetch({}, keys);
      std::vector<run::ClaimChange> changes;
      std::unordered_set<run::ClaimKey> recorded;
      for (std::size_t i = 0; i < good.size(); ++i) {
        const run::ClaimKey& key = good[i]->change.key;
        if (fetched.status[keyIndex.at(key)] || !recorded.insert(key).second) {
          ++known;
          continue;
        }
        changes.push_back(good[i]->change);
        std::sort(changes.back().lines.begin(), changes.back().lines.end(),
                  [](const auto& a, const auto& b) { return a.line < b.line; });
        ++imported;
        lines += good[i]->change.lines.size();
      }
      if (!changes.empty()) tx.record(changes);
    });
    summary_.claimsImported += imported;
    summary_.linesImported += lines;
    summary_.claimsKnown += known;
    batch_.clear();
  }

  HistoryStore& store_;
  const std::string& fileName_;
  const RejectSink& rejects_;
  std::size_t batchClaims_;
  std::vector<PendingClaim> batch_;
  ImportSummary summary_;
};

}  // namespace

ImportSummary importPaidLines(PaidLineReader& reader, HistoryStore& store,
                              const std::string& fileName, const RejectSink& rejects,
                              std::size_t batchClaims) {
  Importer importer(store, fileName, rejects, std::max<std::size_t>(batchClaims, 1));
  PaidLineRow row;
  while (reader.next(row)) importer.add(row);
  return importer.finish();
}

}  // namespace edict::history
