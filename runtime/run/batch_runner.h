// Runs claims from a reader through the ruleset of each claim's payer and
// writes every record (edits and rejects) in input order, counting what
// happened so the summary can account for every claim read.
//
// Claims are read in batches on the calling thread, evaluated and formatted
// by a pool of worker threads, and written by the calling thread in input
// order; with more than one worker, a reader that splits() only splits
// records on the calling thread and the workers parse them, so reading does
// not bound the run. The output
// is the same whatever the number of threads. Memory is bounded by the
// batches in flight, not by the size of the input.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/edit.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/claim_reader.h"
#include "runtime/run/history_run.h"
#include "runtime/run/router.h"
#include "runtime/write/record_format.h"

namespace edict::run {

/// What one run did; read == evaluated + rejected.
struct RunSummary {
  std::uint64_t read = 0;
  std::uint64_t evaluated = 0;
  /// Claims not evaluated: malformed ones, and those with no ruleset.
  std::uint64_t rejected = 0;
  /// Of the rejected: claims whose payer has no route and no default exists.
  std::uint64_t unrouted = 0;
  /// Edits by model::Action (reject records are counted in `rejected`).
  std::array<std::uint64_t, 5> editsByAction{};
  /// Whether the run kept a claim history, and how many of its claims
  /// changed it (recorded, replaced or voided a claim).
  bool historyUsed = false;
  std::uint64_t historyRecorded = 0;

  /// Adds `other`'s counts to these.
  void add(const RunSummary& other);
  /// One line for standard error: claims and edits by action.
  [[nodiscard]] std::string describe() const;
};

/// Receives each result record in input order.
using RecordSink = std::function<void(const model::Edit&)>;

/// The record for a claim that could not be read (brief §4).
model::Edit rejectRecord(const read::RejectedClaim& rejected, const RulesetLabel& label);

/// The record for a claim whose payer is routed to no ruleset.
model::Edit unroutedRecord(const model::Claim& claim);

/// Whether the rules refused the claim (a Reject among its edits, e.g.
/// minutes on an untimed code): it then counts as rejected.
bool rejectedByRules(const std::vector<model::Edit>& edits);

/// Reads every claim of `reader`, evaluates it with one evaluator on the
/// calling thread and writes its records to `sink`; adds the counts to
/// `summary`. The simple form, for embedding and tests.
void runClaims(read::ClaimReader& reader, const eval::Evaluator& evaluator,
               const RulesetLabel& label, const RecordSink& sink, RunSummary& summary);

/// How the batch runner divides the work.
struct RunOptions {
  /// Worker threads; 0 means one per hardware thread.
  unsigned threads = 0;
  /// Claims per batch: large enough to amortise hand-offs between threads,
  /// small enough that batches in flight stay a few megabytes.
  std::size_t batchSize = 512;
};

/// Told, on the calling thread after each batch is read, how many claims
/// have been read so far (for a progress bar).
using ProgressFn = std::function<void(std::uint64_t claimsRead)>;

/// Receives the formatted records of each batch, in input order.
using TextSink = std::function<void(std::string_view text)>;

/// The multi-threaded, order-preserving, payer-routing runner. One runner
/// (one thread pool) serves any number of inputs; run() may be called from
/// several threads at once (a service's requests), each run with its own
/// router, and the workers take the batches of all runs in turn.
class BatchRunner {
 public:
  /// `router` and `format` must outlive the runner; runs without a router
  /// of their own use `router`.
  BatchRunner(const Router& router, const write::RecordFormat& format, RunOptions options = {});
  /// A runner whose every run names its router; `format` must outlive it.
  explicit BatchRunner(const write::RecordFormat& format, RunOptions options = {});
  ~BatchRunner();
  BatchRunner(const BatchRunner&) = delete;
  BatchRunner& operator=(const BatchRunner&) = delete;

  /// Reads every claim of `reader`, writes the formatted records of each to
  /// `out` in input order (no header: the caller writes it once), and adds
  /// the counts to `summary`.
  void run(read::ClaimReader& reader, std::ostream& out, RunSummary& summary,
           const ProgressFn& progress = {});

  /// The same through `router`, which must outlive the call, handing the
  /// text of each batch to `out`, with the claim history `history` when it
  /// names one (runtime/run/history_run.h says what claims see of it).
  /// Thread-safe. Throws HistoryError when the history fails.
  void run(const Router& router, read::ClaimReader& reader, const TextSink& out,
           RunSummary& summary, const ProgressFn& progress = {}, HistoryUse history = {});

  /// The number of worker threads.
  [[nodiscard]] unsigned threads() const;

 private:
  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace edict::run
