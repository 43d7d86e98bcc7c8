// `edict collect`: writes the result records of the results stream of a
// NATS JetStream server as JSON Lines (docs/scale-out.md), acknowledging
// each message once its records are written. The work itself is
// queue/collect.
#include <fmt/format.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "queue/collect/collector.h"
#include "queue/message/subjects.h"
#include "queue/nats/connection.h"
#include "queue/nats/streams.h"
#include "queue_options.h"
#include "service/serve/signals.h"

namespace edict::cli {

namespace {

struct CollectCliOptions {
  QueueOptions queue;
  std::string output;
  std::string consumer = "edict-collect";
  std::optional<std::string> payer;
  std::optional<std::uint64_t> expect;
  double idle = 10;
  int fetch = 256;
};

int runCollect(const CollectCliOptions& options) {
  const queue::Log log = standardErrorLog();
  std::string error;
  if (!checkSubjects(options.queue, "edict collect", error)) {
    log(error);
    return kUsage;
  }
  std::ofstream outFile;
  if (!options.output.empty()) {
    outFile.open(options.output, std::ios::binary);
    if (!outFile) {
      log(fmt::format("edict collect: cannot write `{}`", options.output));
      return kUsage;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : outFile;

  queue::LibraryGuard library;
  std::atomic<bool> stop{false};
  serve::SignalWatcher signals([] {},
                               [&](const char* signal) {
                                 stop = true;
                                 log(fmt::format("edict collect: {}: stopping", signal));
                               });
  auto connection =
      queue::Connection::open(connectOptions(options.queue, "edict collect"), log, stop, error);
  if (!connection) {
    log("edict collect: " + error);
    return kUsage;
  }
  if (!queue::ensureStream(*connection, resultsStream(options.queue), log, error)) {
    log("edict collect: " + error);
    return kUsage;
  }
  queue::CollectOptions collect;
  collect.consumer.stream = options.queue.resultsStream;
  collect.consumer.durable = options.consumer;
  collect.consumer.filterSubject =
      options.payer ? queue::resultsSubject(options.queue.resultsSubject, *options.payer)
                    : options.queue.resultsSubject + ".>";
  collect.consumer.maxDeliveries = -1;
  collect.consumer.maxAckPending = 10000;
  collect.expect = options.expect;
  collect.idle = std::chrono::milliseconds(static_cast<std::int64_t>(options.idle * 1000));
  collect.fetch = options.fetch;
  collect.duplicateWindow =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.queue.duplicateWindow * 1000));
  queue::Collector collector(*connection, collect, log);
  if (!collector.start(error)) {
    log("edict collect: " + error);
    return kUsage;
  }
  const bool complete = collector.run(out, stop, error);
  const queue::CollectCounts& counts = collector.counts();
  log(fmt::format("edict collect: {} record{} of {} claim{} from {} message{}", counts.records,
                  counts.records == 1 ? "" : "s", counts.claims, counts.claims == 1 ? "" : "s",
                  counts.messages, counts.messages == 1 ? "" : "s"));
  if (counts.duplicates > 0)
    log(fmt::format(
        "edict collect: {} result message{} not written again: {} id was written before "
        "(the same claims evaluated twice)",
        counts.duplicates, counts.duplicates == 1 ? "" : "s",
        counts.duplicates == 1 ? "its" : "their"));
  if (!complete) {
    log("edict collect: " + error);
    return error.starts_with("writing") ? kUsage : kFindings;
  }
  return kSuccess;
}

}  // namespace

void registerCollect(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<CollectCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "collect",
      "Write the result records of `edict worker`s as JSON Lines (docs/scale-out.md): read the "
      "results stream through a durable consumer and acknowledge each message once its records "
      "are written, so that what one collect wrote the next does not write again. Records come "
      "in the order workers finished, not input order; sorted, they are the records `edict "
      "run` writes for the same claims. Stops once the records of --expect claims are written "
      "(a claim without an edit counts though it has no record), or after --idle seconds with "
      "nothing new. Exit status: 0 done, 1 --expect not met, 2 usage errors or no server "
      "reached.");
  addQueueOptions(*cmd, options->queue, kResults | kStreams);
  cmd->add_option("-o,--output", options->output,
                  "Write records to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_option("--consumer", options->consumer,
                  "The durable consumer to read through (created when absent); collects that "
                  "share it share the records")
      ->capture_default_str()
      ->type_name("NAME");
  cmd->add_option("--payer", options->payer,
                  "Only the records of claims of PAYER (its subject); give such a consumer its "
                  "own --consumer name")
      ->type_name("PAYER");
  cmd->add_option("--expect", options->expect,
                  "Stop once the records of N claims are written (what `edict submit` said it "
                  "stored); exit status 1 if they are not all there after --idle seconds with "
                  "nothing new")
      ->type_name("N");
  cmd->add_option("--idle", options->idle, "Stop after SECONDS with no new result message")
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("--fetch", options->fetch, "Messages taken per pull")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str()
      ->type_name("N");
  cmd->callback([options, &exitStatus] { exitStatus = runCollect(*options); });
}

}  // namespace edict::cli
