#include "runtime/run/batch_runner.h"

#include <algorithm>

#include <fmt/format.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "core/text/counted.h"

namespace edict::run {

void RunSummary::add(const RunSummary& other) {
  read += other.read;
  evaluated += other.evaluated;
  rejected += other.rejected;
  unrouted += other.unrouted;
  for (std::size_t i = 0; i < editsByAction.size(); ++i) editsByAction[i] += other.editsByAction[i];
  historyUsed = historyUsed || other.historyUsed;
  historyRecorded += other.historyRecorded;
}

std::string RunSummary::describe() const {
  std::string out = fmt::format("{} read, {} evaluated, {} rejected", text::counted(read, "claim"),
                                evaluated, rejected);
  if (unrouted > 0) out += fmt::format(" ({} with no ruleset for their payer)", unrouted);
  out += "; edits:";
  for (auto action :
       {model::Action::Deny, model::Action::Modify, model::Action::Review, model::Action::Flag})
    out += fmt::format(" {} {}", editsByAction[static_cast<std::size_t>(action)],
                       model::actionName(action));
  if (historyUsed)
    out += fmt::format("; history: {} recorded", text::counted(historyRecorded, "claim"));
  return out;
}

model::Edit rejectRecord(const read::RejectedClaim& rejected, const RulesetLabel& label) {
  model::Edit edit;
  edit.claimId = rejected.claimId;
  edit.action = model::Action::Reject;
  edit.reason = "invalid-input";
  edit.message =
      fmt::format("{}:{}: {}", rejected.origin.file, rejected.origin.position, rejected.message);
  edit.ruleset = label.name;
  edit.version = label.version;
  return edit;
}

model::Edit unroutedRecord(const model::Claim& claim) {
  model::Edit edit;
  edit.claimId = claim.id;
  edit.action = model::Action::Reject;
  edit.reason = "no-ruleset";
  edit.message = fmt::format("{}:{}: no ruleset is routed for payer `{}` and there is no default",
                             claim.origin.file, claim.origin.position, claim.payer);
  return edit;
}

bool rejectedByRules(const std::vector<model::Edit>& edits) {
  return std::any_of(edits.begin(), edits.end(),
                     [](const model::Edit& e) { return e.action == model::Action::Reject; });
}

void runClaims(read::ClaimReader& reader, const eval::Evaluator& evaluator,
               const RulesetLabel& label, const RecordSink& sink, RunSummary& summary) {
  read::ReadItem item;
  std::vector<model::Edit> edits;
  while (reader.next(item)) {
    ++summary.read;
    if (auto* rejected = std::get_if<read::RejectedClaim>(&item)) {
      ++summary.rejected;
      sink(rejectRecord(*rejected, label));
      continue;
    }
    edits.clear();
    evaluator.evaluate(std::get<model::Claim>(item), edits);
    ++(rejectedByRules(edits) ? summary.rejected : summary.evaluated);
    for (const model::Edit& edit : edits) {
      ++summary.editsByAction[static_cast<std::size_t>(edit.action)];
      sink(edit);
    }
  }
}

namespace {

/// A batch of claims on its way through the pool.
struct Batch {
  std::vector<read::ReadItem> items;
  /// When the reader splits: the records, parsed into `items` by the worker.
  std::vector<read::RawRecord> records;
  /// The reader that parses `records`; null when `items` come read.
  const read::ClaimReader* parser = nullptr;
  /// The routes of the run the batch belongs to.
  const Router* router = nullptr;
  /// The history of the run, if it keeps one, and the batch's number in it.
  HistoryRun* history = nullptr;
  std::uint64_t sequence = 0;
  std::size_t count = 0;
  /// The formatted records of the batch, in claim order.
  std::string text;
  RunSummary counts;
  std::exception_ptr error;
  bool done = false;  // guarded by Pool::mutex
};

/// Evaluates a batch with its history (history_run.h) and formats its records.
void processWithHistory(Batch& batch, const write::RecordFormat& format) {
  try {
    if (batch.parser)
      for (std::size_t i = 0; i < batch.count; ++i)
        batch.parser->parseRecord(batch.records[i], batch.items[i]);
  } catch (...) {
    batch.history->abandon(batch.sequence);  // later batches must not wait for this one
    throw;
  }
  std::vector<model::Edit> records;
  batch.history->evaluate(batch.sequence, std::span(batch.items.data(), batch.count), *batch.router,
                          records, batch.counts);
  for (const model::Edit& record : records) format.append(record, batch.text);
}

/// Evaluates one batch: routes each claim, evaluates it, formats its records.
void process(Batch& batch, const write::RecordFormat& format) {
  if (batch.history) {
    processWithHistory(batch, format);
    return;
  }
  const Router& router = *batch.router;
  std::vector<model::Edit> edits;
  for (std::size_t i = 0; i < batch.count; ++i) {
    ++batch.counts.read;
    if (batch.parser) batch.parser->parseRecord(batch.records[i], batch.items[i]);
    if (const auto* rejected = std::get_if<read::RejectedClaim>(&batch.items[i])) {
      const Route* route = router.find(rejected->payer);
      format.append(rejectRecord(*rejected, route ? route->label : RulesetLabel{}), batch.text);
      ++batch.counts.rejected;
      continue;
    }
    const auto& claim = std::get<model::Claim>(batch.items[i]);
    const Route* route = router.find(claim.payer);
    if (!route) {
      format.append(unroutedRecord(claim), batch.text);
      ++batch.counts.rejected;
      ++batch.counts.unrouted;
      continue;
    }
    edits.clear();
    route->evaluator->evaluate(claim, edits);
    ++(rejectedByRules(edits) ? batch.counts.rejected : batch.counts.evaluated);
    for (const model::Edit& edit : edits) {
      ++batch.counts.editsByAction[static_cast<std::size_t>(edit.action)];
      format.append(edit, batch.text);
    }
  }
}

/// Splits the next record of `reader` into the batch's next slot.
bool nextRecord(read::ClaimReader& reader, Batch& batch) {
  if (batch.count == batch.records.size()) batch.records.emplace_back();
  return reader.nextRecord(batch.records[batch.count]);
}

}  // namespace

struct BatchRunner::Pool {
  Pool(const Router* r, const write::RecordFormat& f, RunOptions o)
      : router(r), format(f), options(o) {
    if (options.threads == 0) options.threads = std::max(1u, std::thread::hardware_concurrency());
    if (options.batchSize == 0) options.batchSize = 1;
    for (unsigned i = 0; i < options.threads; ++i) workers.emplace_back([this] { work(); });
  }

  ~Pool() {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    workReady.notify_all();
    for (std::thread& t : workers) t.join();
  }

  void work() {
    for (;;) {
      Batch* batch = nullptr;
      {
        std::unique_lock lock(mutex);
        workReady.wait(lock, [&] { return stopping || !queue.empty(); });
        if (queue.empty()) return;
        batch = queue.front();
        queue.pop_front();
      }
      try {
        process(*batch, format);
      } catch (...) {
        batch->error = std::current_exception();
      }
      {
        std::lock_guard lock(mutex);
        batch->done = true;
      }
      batchDone.notify_all();
    }
  }

  void submit(Batch& batch) {
    {
      std::lock_guard lock(mutex);
      queue.push_back(&batch);
    }
    workReady.notify_one();
  }

  void waitFor(Batch& batch) {
    std::unique_lock lock(mutex);
    batchDone.wait(lock, [&] { return batch.done; });
  }

  bool isDone(Batch& batch) {
    std::lock_guard lock(mutex);
    return batch.done;
  }

  /// The router of runs that name none; null when every run names one.
  const Router* router;
  const write::RecordFormat& format;
  RunOptions options;
  std::vector<std::thread> workers;
  std::mutex mutex;
  std::condition_variable workReady;
  std::condition_variable batchDone;
  std::deque<Batch*> queue;
  bool stopping = false;
};

BatchRunner::BatchRunner(const Router& router, const write::RecordFormat& format,
                         RunOptions options)
    : pool_(std::make_unique<Pool>(&router, format, options)) {}

BatchRunner::BatchRunner(const write::RecordFormat& format, RunOptions options)
    : pool_(std::make_unique<Pool>(nullptr, format, options)) {}

BatchRunner::~BatchRunner() = default;

unsigned BatchRunner::threads() const {
  return pool_->options.threads;
}

void BatchRunner::run(read::ClaimReader& reader, std::ostream& out, RunSummary& summary,
                      const ProgressFn& progress) {
  run(
      *pool_->router, reader,
      [&out](std::string_view text) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
      },
      summary, progress);
}

void BatchRunner::run(const Router& router, read::ClaimReader& reader, const TextSink& out,
                      RunSummary& summary, const ProgressFn& progress, HistoryUse history) {
  std::optional<HistoryRun> historyRun;
  if (history.access) historyRun.emplace(history);
  // A ring of batches: the reader fills the next free one while workers
  // evaluate the others; the oldest is written as soon as it is done. Two
  // per worker keeps every worker busy while the reader runs ahead.
  const std::size_t ringSize = 2 * static_cast<std::size_t>(pool_->options.threads) + 1;
  std::vector<Batch> ring(ringSize);
  std::uint64_t submitted = 0;
  std::uint64_t written = 0;
  std::uint64_t claimsRead = 0;
  // A reader that splits leaves parsing to the workers: on few cores the
  // reading thread, not evaluation, is what limits the run. Not with one
  // worker: then parsing on the reading thread overlaps evaluation, and
  // moving it would leave one thread doing both (a third slower, measured).
  const bool splits = reader.splits() && pool_->options.threads > 1;

  auto writeOldest = [&] {
    Batch& batch = ring[written % ringSize];
    pool_->waitFor(batch);
    ++written;
    if (batch.error) std::rethrow_exception(batch.error);
    out(batch.text);
    summary.add(batch.counts);
  };

  try {
    for (bool more = true; more;) {
      if (submitted - written == ringSize) writeOldest();
      Batch& batch = ring[submitted % ringSize];
      batch.count = 0;
      batch.text.clear();
      batch.counts = {};
      batch.error = nullptr;
      batch.done = false;
      batch.parser = splits ? &reader : nullptr;
      batch.router = &router;
      batch.history = historyRun ? &*historyRun : nullptr;
      batch.sequence = submitted;
      while (batch.count < pool_->options.batchSize) {
        if (batch.count == batch.items.size()) batch.items.emplace_back();
        const bool got = splits ? nextRecord(reader, batch) : reader.next(batch.items[batch.count]);
        if (!got) {
          more = false;
          break;
        }
        ++batch.count;
      }
      if (batch.count == 0) break;
      claimsRead += batch.count;
      if (!more && submitted == 0) {
        // The whole input in one batch: no hand-off buys anything.
        process(batch, pool_->format);
        if (progress) progress(claimsRead);
        out(batch.text);
        summary.add(batch.counts);
        return;
      }
      pool_->submit(batch);
      ++submitted;
      if (progress) progress(claimsRead);
      while (written < submitted && pool_->isDone(ring[written % ringSize])) writeOldest();
    }
    while (written < submitted) writeOldest();
  } catch (...) {
    // Workers still hold batches of the ring: let them finish before it goes.
    while (written < submitted) pool_->waitFor(ring[written++ % ringSize]);
    throw;
  }
}

}  // namespace edict::run
