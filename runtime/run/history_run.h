// The history side of one run of the batch runner. Recording runs take the
// batches' transactions in input order, one batch at a time (the other
// workers meanwhile parse and format), so every claim is judged with the
// stored history plus the outcome of every earlier claim of the run, and
// the records are those of running the claims one at a time, whatever the
// threads and batch size. Read-only runs judge each claim with the stored
// history alone, and their batches go in parallel.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "core/model/edit.h"
#include "runtime/read/claim_reader.h"
#include "runtime/run/history_access.h"
#include "runtime/run/router.h"

namespace edict::run {

struct RunSummary;

/// Whether and how a run keeps a claim history.
struct HistoryUse {
  /// The store; null for a run without history.
  HistoryAccess* access = nullptr;
  /// Fetch, but record nothing (`--history-readonly`).
  bool readOnly = false;
};

class HistoryRun {
 public:
  /// `use.access` must be set and outlive the run.
  explicit HistoryRun(HistoryUse use) : use_(use) {}

  /// Evaluates the items of batch number `sequence` (from 0, each number
  /// once) with their history and records their outcome; appends every
  /// record, rejects included, to `records` in item order and adds the
  /// counts to `counts`. Called from any thread; a recording run's batches
  /// wait for their turn. Throws HistoryError when the store fails, and
  /// for every later batch of the run once one has.
  void evaluate(std::uint64_t sequence, std::span<const read::ReadItem> items, const Router& router,
                std::vector<model::Edit>& records, RunSummary& counts);
  /// Gives up batch `sequence` (it failed before evaluate): its turn passes,
  /// and every later batch of the run fails.
  void abandon(std::uint64_t sequence);

 private:
  /// Waits until batch `sequence` may record.
  void waitForTurn(std::uint64_t sequence);
  /// Passes the turn to the next batch; `failed` fails the rest of the run.
  void passTurn(bool failed);
  void evaluateOnce(std::span<const read::ReadItem> items, const Router& router,
                    std::vector<model::Edit>& records, RunSummary& counts);

  HistoryUse use_;
  std::mutex mutex_;
  std::condition_variable turnTaken_;
  std::uint64_t turn_ = 0;
  bool failed_ = false;
};

}  // namespace edict::run
