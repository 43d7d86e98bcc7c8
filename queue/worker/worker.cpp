#include "queue/worker/worker.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "queue/message/claims_message.h"
#include "queue/message/subjects.h"
#include "queue/worker/dead_letters.h"
#include "queue/worker/evaluate_message.h"
#include "queue/worker/result_messages.h"

namespace edict::queue {

namespace {

double epochSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// Room left in a message for headers besides the body.
constexpr std::size_t kHeaderRoom = 4096;

ClaimsHeaders claimsHeaders(const InMessage& message) {
  return {message.header(kSourceHeader), message.header(kPositionsHeader),
          message.header(kRejectedHeader), message.header(kFormatHeader)};
}

}  // namespace

Worker::Worker(const Connection& connection, const service::LiveCatalogue& catalogue,
               run::BatchRunner& runner, WorkerOptions options, Log log)
    : connection_(connection),
      catalogue_(catalogue),
      runner_(runner),
      options_(std::move(options)),
      log_(std::move(log)),
      publisher_(connection, options_.inFlight, options_.answerWait) {}

bool Worker::start(std::string& error) {
  return pull_.bind(connection_, options_.claimsStream, options_.consumer, error) &&
         publisher_.start(error);
}

void Worker::run(const std::atomic<bool>& stop) {
  std::vector<InMessage> batch;
  std::string lastFailure;
  std::chrono::milliseconds backoff{100};
  while (!stop.load()) {
    batch.clear();
    std::string error;
    const FetchResult fetched = pull_.fetch(options_.fetch, options_.fetchWait, batch, error);
    if (fetched == FetchResult::Failed) {
      // Said once per kind of failure, not once per attempt.
      if (error != lastFailure) log_(fmt::format("edict worker: {}; trying again", error));
      lastFailure = error;
      for (auto waited = std::chrono::milliseconds(0); waited < backoff && !stop.load();
           waited += std::chrono::milliseconds(20))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      backoff = std::min(backoff * 2, std::chrono::milliseconds(2000));
      continue;
    }
    if (!lastFailure.empty()) log_("edict worker: pulling messages again");
    lastFailure.clear();
    backoff = std::chrono::milliseconds(100);
    if (fetched != FetchResult::Messages) continue;
    if (counts_.firstTaken == 0) counts_.firstTaken = epochSeconds();
    work(batch, stop);
    counts_.lastSettled = epochSeconds();
  }
  handBackLateArrivals();
}

void Worker::handBackLateArrivals() {
  // The last pull request expires fetchWait after it was sent; what the
  // server delivers to it until then is queued here and nobody's.
  const auto expired =
      std::chrono::steady_clock::now() + options_.fetchWait + std::chrono::milliseconds(200);
  std::vector<InMessage> arrived;
  std::string error;
  while (std::chrono::steady_clock::now() < expired) {
    arrived.clear();
    if (pull_.takeArrived(arrived) == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    for (InMessage& message : arrived) {
      if (message.nak(std::chrono::milliseconds(0), error))
        ++counts_.handedBack;
      else
        log_("edict worker: " + error);
    }
  }
  // A nak is a plain publish: make sure the server has every one before
  // the connection closes.
  if (!connection_.flush(error)) log_("edict worker: " + error);
}

void Worker::work(std::vector<InMessage>& batch, const std::atomic<bool>& stop) {
  std::vector<Job> jobs(batch.size());
  // Messages are evaluated side by side, one per evaluation thread: most
  // payer groups of a message are one batch of the runner, which it
  // evaluates on the calling thread.
  std::atomic<std::size_t> next{0};
  const auto evaluateSome = [&] {
    for (std::size_t i; (i = next++) < jobs.size();) {
      jobs[i].message = &batch[i];
      // Not begun when the stop came: handed back below.
      jobs[i].begun = !stop.load();
      if (jobs[i].begun) evaluate(batch[i], jobs[i]);
    }
  };
  std::vector<std::thread> helpers;
  const std::size_t threads = std::min<std::size_t>(runner_.threads(), jobs.size());
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(evaluateSome);
  evaluateSome();
  for (std::thread& helper : helpers) helper.join();

  std::string error;
  for (Job& job : jobs) {
    if (!job.begun) {
      if (job.message->nak(std::chrono::milliseconds(0), error))
        ++counts_.handedBack;
      else
        log_("edict worker: " + error);
      continue;
    }
    counts_.summary.add(job.summary);
    if (job.deadLetter) ++counts_.deadLetters;
    for (const OutMessage& result : job.out) {
      if (!job.failure.empty()) break;
      if (publisher_.publish(result, error))
        job.ids.push_back(result.id);
      else
        job.failure = error;
    }
    job.out.clear();
  }
  std::erase_if(jobs, [](const Job& job) { return !job.begun; });
  settle(jobs);
}

void Worker::evaluate(InMessage& message, Job& job) {
  std::uint64_t sequence = 0;
  if (!message.metadata(sequence, job.deliveries)) {
    job.failure = "the message carries no JetStream metadata";
    return;
  }
  const std::shared_ptr<const service::Catalogue> catalogue = catalogue_.current();
  const std::string input = fmt::format("{}:{}", options_.claimsStream, sequence);
  const MessageEvaluation evaluation = evaluateMessage(
      message.body(), claimsHeaders(message), fmt::format("{}#{}", options_.claimsStream, sequence),
      catalogue->router(), runner_);
  const std::size_t maxBody = connection_.maxPayload() > 2 * kHeaderRoom
                                  ? connection_.maxPayload() - kHeaderRoom
                                  : connection_.maxPayload() / 2;
  const std::optional<std::string> messageId = message.header(kMessageIdHeader);
  job.out = resultMessages(evaluation, {input, inputKey(options_.claimsStream, messageId, sequence),
                                        options_.resultsSubject, catalogue->generation(), maxBody});
  job.summary = evaluation.summary;
  if (!evaluation.problem.empty()) {
    log_(fmt::format("edict worker: message {} is not claims ({}); it goes to {}", input,
                     evaluation.problem, options_.deadSubject));
    job.out.push_back(deadLetter(message, options_.deadSubject, input, evaluation.problem));
    job.deadLetter = true;
  }
}

void Worker::settle(std::vector<Job>& jobs) {
  if (jobs.empty()) return;
  publisher_.waitAll(options_.answerWait + std::chrono::milliseconds(500));
  std::unordered_map<std::string, PublishOutcome> outcomes;
  for (PublishOutcome& outcome : publisher_.takeOutcomes())
    outcomes.emplace(outcome.id, std::move(outcome));
  for (Job& job : jobs) {
    for (const std::string& id : job.ids) {
      if (!job.failure.empty()) break;
      const auto it = outcomes.find(id);
      if (it == outcomes.end())
        job.failure = "the results stream did not answer in time";
      else if (!it->second.stored)
        job.failure = fmt::format("the results stream refused a result message: {}{}",
                                  it->second.error, it->second.full ? " (the stream is full)" : "");
      else if (it->second.duplicate)
        ++counts_.duplicates;
    }
    std::string error;
    if (job.failure.empty()) {
      ++counts_.messages;
      if (job.deliveries > 1) ++counts_.redelivered;
      counts_.resultMessages += job.ids.size();
      if (!job.message->ack(error)) log_("edict worker: " + error);
      continue;
    }
    ++counts_.retried;
    const auto delay =
        options_.retryDelay * static_cast<long>(std::max<std::uint64_t>(1, job.deliveries));
    log_(fmt::format("edict worker: {}; the message goes back for delivery {} in {} ms",
                     job.failure, job.deliveries + 1, delay.count()));
    if (!job.message->nak(delay, error)) log_("edict worker: " + error);
  }
}

}  // namespace edict::queue
