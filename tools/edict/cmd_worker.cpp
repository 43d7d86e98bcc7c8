// `edict worker`: evaluates claims from the claims stream of a NATS
// JetStream server and publishes their records to the results stream
// (docs/scale-out.md). Loads the routes and rulesets as `edict run` does;
// SIGHUP or a `reload` request on the control subject reloads them;
// SIGTERM or SIGINT stops it once the messages in hand are acknowledged.
// The work itself is queue/worker; this file is its command line.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <string>

#include "catalogue_options.h"
#include "commands.h"
#include "queue/nats/connection.h"
#include "queue/nats/streams.h"
#include "queue/worker/control.h"
#include "queue/worker/dead_letters.h"
#include "queue/worker/worker.h"
#include "queue_options.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/live_catalogue.h"
#include "service/serve/signals.h"

namespace edict::cli {

namespace {

struct WorkerCliOptions {
  service::CatalogueSpec catalogue;
  QueueOptions queue;
  std::string consumer = "edict-workers";
  double ackWait = 30;
  std::int64_t maxDeliveries = 5;
  std::int64_t maxAckPending = 1000;
  int fetch = 64;
  int inFlight = 256;
  double retryDelay = 1;
  unsigned threads = 0;
  std::string name;
};

std::string describe(const queue::WorkerCounts& counts) {
  std::string text = fmt::format(
      "{} message{} done, {} of them delivered before ({}); {} result message{} stored, {} "
      "already there; {} dead letter{}, {} handed back for another delivery",
      counts.messages, counts.messages == 1 ? "" : "s", counts.redelivered,
      counts.summary.describe(), counts.resultMessages, counts.resultMessages == 1 ? "" : "s",
      counts.duplicates, counts.deadLetters, counts.deadLetters == 1 ? "" : "s", counts.retried);
  if (counts.firstTaken > 0)
    text +=
        fmt::format("; worked {:.3f} s, from {:.3f} to {:.3f} (Unix time)",
                    counts.lastSettled - counts.firstTaken, counts.firstTaken, counts.lastSettled);
  return text;
}

int runWorker(const WorkerCliOptions& options) {
  const queue::Log log = standardErrorLog();
  std::string error;
  if (!checkSubjects(options.queue, "edict worker", error)) {
    log(error);
    return kUsage;
  }
  const std::string name =
      options.name.empty() ? fmt::format("worker-{}", ::getpid()) : options.name;
  queue::LibraryGuard library;
  service::LiveCatalogue catalogue(options.catalogue, "edict worker");
  std::atomic<bool> loaded{false};
  std::atomic<bool> stop{false};
  // Before any other thread, so that every thread has the signals blocked.
  serve::SignalWatcher signals(
      [&] {
        if (loaded.load()) queue::reloadCatalogue(catalogue, name, "SIGHUP", log);
      },
      [&](const char* signal) {
        stop = true;
        log(fmt::format("edict worker: {}: stopping once the messages in hand are acknowledged",
                        signal));
      });

  const service::ReloadOutcome first = catalogue.load();
  if (!first.problems.empty()) log(first.problems);
  if (!first.swapped) return kUsage;
  loaded = true;

  auto connection =
      queue::Connection::open(connectOptions(options.queue, "edict worker"), log, stop, error);
  if (!connection) {
    if (stop.load()) return kSuccess;
    log("edict worker: " + error);
    return kUsage;
  }
  queue::ConsumerSpec consumer;
  consumer.stream = options.queue.claimsStream;
  consumer.durable = options.consumer;
  consumer.ackWait = std::chrono::milliseconds(static_cast<std::int64_t>(options.ackWait * 1000));
  consumer.maxDeliveries = options.maxDeliveries;
  consumer.maxAckPending = options.maxAckPending;
  for (const queue::StreamSpec& stream :
       {claimsStream(options.queue), resultsStream(options.queue), deadStream(options.queue)})
    if (!queue::ensureStream(*connection, stream, log, error)) {
      log("edict worker: " + error);
      return kUsage;
    }
  if (!queue::ensureConsumer(*connection, consumer, log, error)) {
    log("edict worker: " + error);
    return kUsage;
  }

  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {options.threads, 512});
  queue::WorkerOptions work;
  work.claimsStream = options.queue.claimsStream;
  work.consumer = options.consumer;
  work.resultsSubject = options.queue.resultsSubject;
  work.deadSubject = options.queue.deadSubject;
  work.fetch = options.fetch;
  work.inFlight = options.inFlight;
  work.answerWait = connection->options().apiTimeout;
  work.retryDelay = std::chrono::milliseconds(static_cast<std::int64_t>(options.retryDelay * 1000));
  queue::Worker worker(*connection, catalogue, runner, work, log);
  queue::ControlListener control(*connection, catalogue, name, log);
  queue::DeadLetterMover deadLetters(*connection, options.queue.claimsStream, options.consumer,
                                     options.queue.deadSubject, log);
  if (!worker.start(error) || !control.start(options.queue.controlSubject, error) ||
      !deadLetters.start(error)) {
    log("edict worker: " + error);
    return kUsage;
  }
  const auto routes = catalogue.current()->routes().size();
  log(fmt::format(
      "edict worker: {} pulling from {} (consumer {}) at {}; results to {}.PAYER; generation {}: "
      "{} route{}; {} evaluation thread{}",
      name, options.queue.claimsStream, options.consumer, options.queue.url,
      options.queue.resultsSubject, catalogue.current()->generation(), routes,
      routes == 1 ? "" : "s", runner.threads(), runner.threads() == 1 ? "" : "s"));
  worker.run(stop);
  std::string flushError;
  if (!connection->flush(flushError))
    log("edict worker: the last acknowledgements may not have reached the server: " + flushError);
  log("edict worker: stopped; " + describe(worker.counts()));
  return kSuccess;
}

}  // namespace

void registerWorker(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<WorkerCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "worker",
      "Evaluate claims from a NATS JetStream stream (docs/scale-out.md): pull messages of claims "
      "(one claim, or JSON Lines, or any format edict reads) from a durable consumer, evaluate "
      "them with the rulesets routed by payer as `edict run` does, publish each payer's records "
      "to RESULTS-SUBJECT.PAYER, then acknowledge the message. A message whose results are not "
      "all stored is delivered again; the results stream drops what it already has (message ids "
      "from the input's sequence), so each claim's records are stored once. A malformed claim "
      "becomes a reject record; a message that is not claims goes to the dead-letter stream, as "
      "does one that failed every delivery. Streams and the consumer are created when absent. "
      "SIGHUP, or `edict reload-workers`, reloads the rulesets; SIGTERM or SIGINT stops once "
      "the messages in hand are acknowledged. Run as many workers as you like, on any machines. "
      "Exit status: 0 stopped by a signal, 2 usage or ruleset errors, or no server reached.");
  addCatalogueOptions(*cmd, options->catalogue);
  addQueueOptions(*cmd, options->queue, kClaims | kResults | kDead | kControl | kStreams);
  cmd->add_option("--consumer", options->consumer,
                  "The durable consumer the workers share (each message goes to one of them)")
      ->capture_default_str()
      ->type_name("NAME");
  cmd->add_option("--ack-wait", options->ackWait,
                  "Seconds a message may stay unacknowledged before it is delivered again (to "
                  "any worker): how long the work of a worker that died waits")
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("--max-deliveries", options->maxDeliveries,
                  "Deliveries of a message before the server gives up on it; the workers then "
                  "move it to the dead-letter stream")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000}))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--max-ack-pending", options->maxAckPending,
                  "Messages delivered and not yet acknowledged, across all workers of the "
                  "consumer")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--fetch", options->fetch,
                  "Messages taken per pull; their results are published together and each is "
                  "acknowledged when its results are stored")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--in-flight", options->inFlight,
                  "Result messages awaiting the results stream's acknowledgement at once")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--retry-delay", options->retryDelay,
                  "Seconds before a message whose results could not be stored is delivered "
                  "again, times its deliveries so far")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("-j,--threads", options->threads,
                  "Threads evaluating claims; 0 (the default) uses every core")
      ->check(CLI::Range(0u, 1024u))
      ->type_name("N");
  cmd->add_option("--name", options->name,
                  "The worker's name in its log and in answers to reload requests (default "
                  "worker-PID)")
      ->type_name("NAME");
  cmd->callback([options, &exitStatus] { exitStatus = runWorker(*options); });
}

}  // namespace edict::cli
