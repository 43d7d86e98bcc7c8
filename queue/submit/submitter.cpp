#include "queue/submit/submitter.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>
#include <variant>

#include "runtime/read/input_stream.h"

namespace edict::queue {

Submitter::Submitter(AsyncPublisher& publisher, SubmitOptions options, Log log)
    : publisher_(publisher), options_(std::move(options)), log_(std::move(log)) {}

bool Submitter::submitFile(std::istream& source, const std::string& name, std::string& problem) {
  read::InputStream in(source);
  auto reader = read::openClaims(in, name, options_.format, problem);
  if (!reader) return false;
  ClaimsBatch batch(name);
  if (reader->splits()) {
    // JSON Lines: each record as its reader split it, byte for byte.
    read::RawRecord record;
    while (failure_.empty() && reader->nextRecord(record)) {
      if (!record.refusal.empty())
        putRejected(batch, read::RejectedClaim{record.origin, {}, record.refusal, {}});
      else
        put(batch, record.text, record.origin, {}, {});
    }
  } else {
    read::ReadItem item;
    while (failure_.empty() && reader->next(item)) {
      if (const auto* claim = std::get_if<model::Claim>(&item))
        put(batch, ClaimsBatch::lineOf(*claim), claim->origin, claim->id, claim->payer);
      else
        putRejected(batch, std::get<read::RejectedClaim>(item));
    }
  }
  if (batch.claims() > 0) send(batch);
  problem = reader->fatalError();
  if (problem.empty()) problem = failure_;
  return problem.empty();
}

void Submitter::makeRoom(ClaimsBatch& batch, std::size_t bytes) {
  if (batch.claims() >= options_.claimsPerMessage ||
      (batch.claims() > 0 && batch.size() + bytes + 16 > options_.maxBody))
    send(batch);
}

void Submitter::putRejected(ClaimsBatch& batch, const read::RejectedClaim& rejected) {
  makeRoom(batch, rejected.message.size() + rejected.claimId.size() + rejected.payer.size() + 64);
  batch.addRejected(rejected);
}

void Submitter::put(ClaimsBatch& batch, std::string_view line, const model::ClaimOrigin& origin,
                    const std::string& id, const std::string& payer) {
  makeRoom(batch, line.size());
  if (line.size() + 1024 > options_.maxBody) {
    // No message can hold it: the worker makes it a reject, so it is
    // accounted for in the results rather than lost.
    ++counts_.oversized;
    putRejected(batch, read::RejectedClaim{
        origin, id,
        fmt::format("the claim is {} bytes; a message may hold at most {} (the NATS server's "
                    "max_payload), so it was not submitted",
                    line.size(), options_.maxBody),
        payer});
    return;
  }
  batch.add(line, origin.position);
}

void Submitter::send(ClaimsBatch& batch) {
  const std::string id = fmt::format("{}:{}", options_.runId, nextMessage_++);
  Pending& pending = pending_[id];
  pending.message.subject = options_.subject;
  pending.message.headers = batch.headers();
  pending.message.body = batch.body();
  pending.message.id = id;
  pending.claims = batch.claims();
  batch.clear();
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
  const bool givenUp = full ? now - *pending.fullSince > options_.fullWait
                            : pending.attempts >= options_.attempts;
  if (!givenUp) {
    ++counts_.retries;
    retries_.push_back(id);
    return;
  }
  counts_.lost += pending.claims;
  if (failure_.empty())
    failure_ = full ? fmt::format("the claims stream is full (still after {} s): {}",
                                  std::chrono::duration_cast<std::chrono::seconds>(options_.fullWait)
                                      .count(),
                                  why)
                    : fmt::format("message {} was not stored after {} attempts: {}", id,
                                  pending.attempts, why);
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
