#include "queue/submit/submitter.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "queue/message/claims_packer.h"

namespace edict::queue {

Submitter::Submitter(AsyncPublisher& publisher, SubmitOptions options, Log log)
    : publisher_(publisher), options_(std::move(options)), log_(std::move(log)) {}

bool Submitter::submitFile(std::istream& in, const std::string& name, std::string& problem) {
  const PackOutcome outcome = packClaims(in, name, options_.pack, [this](ClaimsBatch& batch) {
    send(batch);
    return failure_.empty();
  });
  counts_.oversized += outcome.oversized;
  if (outcome.converted)
    log_(
        fmt::format("edict submit: {}: larger than a message ({} bytes), so its claims travel as "
                    "JSON Lines, which say all that edict's claim model holds but not what only "
                    "the file's own format could (an X12 4010 file's ICD-9 diagnoses, which JSON "
                    "Lines refuses)",
                    name, options_.pack.maxMessage));
  problem = outcome.problem;
  if (problem.empty()) problem = failure_;
  return problem.empty();
}

void Submitter::send(ClaimsBatch& batch) {
  const std::string id = fmt::format("{}:{}", options_.runId, nextMessage_++);
  Pending& pending = pending_[id];
  pending.message.subject = options_.subject;
  pending.message.headers = batch.headers();
  pending.message.body = batch.body();
  pending.message.id = id;
  pending.claims = batch.claims();
  publish(id);
  settle(false);
}

void Submitter::publish(const std::string& id) {
  Pending& pending = pending_.at(id);
  ++pending.attempts;
  std::string error;
  if (!publisher_.publish(pending.message, error)) retry(id, error, false);
}

void Submitter::retry(const std::string& id, const std::string& why, bool full) {
  Pending& pending = pending_.at(id);
  const auto now = std::chrono::steady_clock::now();
  if (full && !pending.fullSince) pending.fullSince = now;
  if (!full) pending.fullSince.reset();
  if (full && !waitingForRoom_) {
    waitingForRoom_ = true;
    log_("edict submit: the claims stream is full; waiting for workers to take claims");
  }
  const bool givenUp =
      full ? now - *pending.fullSince > options_.fullWait : pending.attempts >= options_.attempts;
  if (!givenUp) {
    ++counts_.retries;
    retries_.push_back(id);
    return;
  }
  counts_.lost += pending.claims;
  if (failure_.empty())
    failure_ =
        full ? fmt::format(
                   "the claims stream is full (still after {} s): {}",
                   std::chrono::duration_cast<std::chrono::seconds>(options_.fullWait).count(), why)
             : fmt::format("message {} was not stored after {} attempts: {}", id, pending.attempts,
                           why);
  pending_.erase(id);
}

void Submitter::settle(bool all) {
  for (;;) {
    bool full = false;
    for (PublishOutcome& outcome : publisher_.takeOutcomes()) {
      const auto it = pending_.find(outcome.id);
      if (it == pending_.end()) continue;
      if (outcome.stored) {
        if (waitingForRoom_) log_("edict submit: the claims stream takes claims again");
        waitingForRoom_ = false;
        ++counts_.messages;
        counts_.claims += it->second.claims;
        if (outcome.duplicate) ++counts_.duplicates;
        pending_.erase(it);
        continue;
      }
      full = full || outcome.full;
      retry(outcome.id, outcome.error, outcome.full);
    }
    if (!retries_.empty()) {
      // A full stream empties as workers take claims; other failures are
      // most often a server restarting. Either way, wait a little.
      std::this_thread::sleep_for(std::chrono::milliseconds(full ? 250 : 100));
      for (const std::string& id : std::exchange(retries_, {}))
        if (pending_.count(id)) publish(id);
      continue;
    }
    if (!all || pending_.empty()) return;
    publisher_.waitAll(std::chrono::milliseconds(200));
  }
}

bool Submitter::finish(std::string& error) {
  settle(true);
  if (failure_.empty()) return true;
  error = failure_;
  return false;
}

}  // namespace edict::queue
