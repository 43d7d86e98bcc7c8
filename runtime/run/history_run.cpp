#include "runtime/run/history_run.h"

#include "runtime/run/batch_history.h"
#include "runtime/run/batch_runner.h"

namespace edict::run {

namespace {

/// The keys the routed claims of `items` fetch.
BatchKeys keysOf(std::span<const read::ReadItem> items, const Router& router) {
  BatchKeys keys;
  for (const read::ReadItem& item : items)
    if (const auto* claim = std::get_if<model::Claim>(&item); claim && router.find(claim->payer))
      keys.add(*claim);
  return keys;
}

/// Evaluates `items` in order against `history`, recording each outcome in
/// it when `record`; the records and counts replace `records` and `counts`.
void evaluateItems(std::span<const read::ReadItem> items, const Router& router,
                   BatchHistory& history, bool record, std::vector<model::Edit>& records,
                   RunSummary& counts) {
  records.clear();
  counts = {};
  counts.historyUsed = true;
  std::vector<model::Edit> edits;
  for (const read::ReadItem& item : items) {
    ++counts.read;
    if (const auto* rejected = std::get_if<read::RejectedClaim>(&item)) {
      const Route* route = router.find(rejected->payer);
      records.push_back(rejectRecord(*rejected, route ? route->label : RulesetLabel{}));
      ++counts.rejected;
      continue;
    }
    const auto& claim = std::get<model::Claim>(item);
    const Route* route = router.find(claim.payer);
    if (!route) {
      records.push_back(unroutedRecord(claim));
      ++counts.rejected;
      ++counts.unrouted;
      continue;
    }
    edits.clear();
    route->evaluator->evaluate(claim, edits, &history.historyFor(claim));
    if (record) history.apply(claim, edits, route->label);
    ++(rejectedByRules(edits) ? counts.rejected : counts.evaluated);
    for (model::Edit& edit : edits) {
      ++counts.editsByAction[static_cast<std::size_t>(edit.action)];
      records.push_back(std::move(edit));
    }
  }
  counts.historyRecorded = history.claimsRecorded();
}

}  // namespace

void HistoryRun::waitForTurn(std::uint64_t sequence) {
  std::unique_lock lock(mutex_);
  turnTaken_.wait(lock, [&] { return turn_ == sequence; });
}

void HistoryRun::passTurn(bool failed) {
  {
    std::lock_guard lock(mutex_);
    ++turn_;
    failed_ = failed_ || failed;
  }
  turnTaken_.notify_all();
}

void HistoryRun::abandon(std::uint64_t sequence) {
  if (use_.readOnly) return;
  waitForTurn(sequence);
  passTurn(true);
}

void HistoryRun::evaluate(std::uint64_t sequence, std::span<const read::ReadItem> items,
                          const Router& router, std::vector<model::Edit>& records,
                          RunSummary& counts) {
  if (use_.readOnly) {
    evaluateOnce(items, router, records, counts);
    return;
  }
  waitForTurn(sequence);
  bool failedBefore = false;
  {
    std::lock_guard lock(mutex_);
    failedBefore = failed_;
  }
  if (failedBefore) {
    passTurn(true);
    throw HistoryError("an earlier batch could not be recorded; later claims are not evaluated");
  }
  try {
    evaluateOnce(items, router, records, counts);
  } catch (...) {
    passTurn(true);
    throw;
  }
  passTurn(false);
}

void HistoryRun::evaluateOnce(std::span<const read::ReadItem> items, const Router& router,
                              std::vector<model::Edit>& records, RunSummary& counts) {
  const BatchKeys keys = keysOf(items, router);
  std::vector<model::Edit> batchRecords;
  RunSummary batchCounts;
  if (use_.readOnly) {
    // Only the fetch holds the store; claims are evaluated in parallel.
    FetchedHistory fetched;
    use_.access->transact(
        true, [&](HistoryTransaction& tx) { fetched = tx.fetch(keys.patients, keys.claims); });
    BatchHistory history(keys, std::move(fetched));
    evaluateItems(items, router, history, false, batchRecords, batchCounts);
  } else {
    use_.access->transact(false, [&](HistoryTransaction& tx) {
      BatchHistory history(keys, tx.fetch(keys.patients, keys.claims));
      evaluateItems(items, router, history, true, batchRecords, batchCounts);
      if (!history.changes().empty()) tx.record(history.changes());
    });
  }
  records.insert(records.end(), std::make_move_iterator(batchRecords.begin()),
                 std::make_move_iterator(batchRecords.end()));
  counts.add(batchCounts);
}

}  // namespace edict::run
