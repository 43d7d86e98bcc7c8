// `edict submit`: publishes claims files to the claims stream of a NATS
// JetStream server, N claims a message, for `edict worker`s to evaluate
// (docs/scale-out.md). The work itself is queue/submit.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "queue/nats/connection.h"
#include "queue/nats/publisher.h"
#include "queue/nats/streams.h"
#include "queue/submit/submitter.h"
#include "queue_options.h"
#include "runtime/read/input_format.h"

namespace edict::cli {

namespace {

struct SubmitCliOptions {
  std::vector<std::string> files;
  QueueOptions queue;
  std::size_t claimsPerMessage = 1000;
  int inFlight = 64;
  std::string inputFormat = "auto";
  std::string runId;
  double fullWait = 30;
};

/// Room in a message for the headers besides the body.
constexpr std::size_t kHeaderRoom = 1024;

int runSubmit(const SubmitCliOptions& options) {
  const queue::Log log = standardErrorLog();
  std::string error;
  if (!checkSubjects(options.queue, "edict submit", error)) {
    log(error);
    return kUsage;
  }
  // Every file must open before anything is published.
  std::vector<std::unique_ptr<std::ifstream>> files;
  for (const std::string& path : options.files) {
    auto file = std::make_unique<std::ifstream>();
    if (path != "-") {
      file->open(path, std::ios::binary);
      if (!*file || std::filesystem::is_directory(path)) {
        log(fmt::format("edict submit: cannot open claims file `{}`", path));
        return kUsage;
      }
    }
    files.push_back(std::move(file));
  }

  queue::LibraryGuard library;
  const std::atomic<bool> never{false};
  auto connection =
      queue::Connection::open(connectOptions(options.queue, "edict submit"), log, never, error);
  if (!connection) {
    log("edict submit: " + error);
    return kUsage;
  }
  if (!queue::ensureStream(*connection, claimsStream(options.queue), log, error)) {
    log("edict submit: " + error);
    return kUsage;
  }
  queue::AsyncPublisher publisher(*connection, options.inFlight, connection->options().apiTimeout);
  if (!publisher.start(error)) {
    log("edict submit: " + error);
    return kUsage;
  }
  queue::SubmitOptions submit;
  submit.subject = options.queue.claimsSubject;
  submit.pack.claimsPerMessage = options.claimsPerMessage;
  submit.pack.maxMessage = connection->maxPayload() > 2 * kHeaderRoom
                               ? connection->maxPayload() - kHeaderRoom
                               : connection->maxPayload() / 2;
  submit.pack.format = read::parseFormatName(options.inputFormat);
  submit.runId =
      options.runId.empty()
          ? fmt::format("{:x}-{}", std::chrono::system_clock::now().time_since_epoch().count(),
                        ::getpid())
          : options.runId;
  submit.fullWait = std::chrono::milliseconds(static_cast<std::int64_t>(options.fullWait * 1000));
  queue::Submitter submitter(publisher, submit, log);

  std::size_t notClaims = 0;
  for (std::size_t i = 0; i < options.files.size(); ++i) {
    const std::string& path = options.files[i];
    const std::string name = path == "-" ? "<stdin>" : path;
    std::string problem;
    if (!submitter.submitFile(path == "-" ? std::cin : *files[i], name, problem)) {
      log(fmt::format("edict submit: {}: {}", name, problem));
      ++notClaims;
    }
  }
  const bool stored = submitter.finish(error);
  const queue::SubmitCounts& counts = submitter.counts();
  std::string line =
      fmt::format("edict submit: {} claim{} in {} message{} stored in {} (run {})", counts.claims,
                  counts.claims == 1 ? "" : "s", counts.messages, counts.messages == 1 ? "" : "s",
                  options.queue.claimsStream, submit.runId);
  if (counts.duplicates > 0)
    line += fmt::format("; {} sent again and already there", counts.duplicates);
  if (counts.oversized > 0)
    line += fmt::format("; {} too large for a message, sent as rejects", counts.oversized);
  if (notClaims > 0)
    line += fmt::format("; {} file{} not read as claims", notClaims, notClaims == 1 ? "" : "s");
  log(line);
  if (!stored) {
    log(fmt::format("edict submit: {}; {} claim{} not stored", error, counts.lost,
                    counts.lost == 1 ? "" : "s"));
    return kFindings;
  }
  return notClaims > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerSubmit(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<SubmitCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "submit",
      "Publish claims to the claims stream of a NATS JetStream server for `edict worker` "
      "(docs/scale-out.md). Claims are read in any format edict reads (detected from content); "
      "JSON Lines travel as their own lines, N claims a message, each message carrying its file "
      "and the claims' positions so that reject records name them as `edict run` does; a file "
      "in another format travels whole when it fits in a message, else one JSON line a claim. "
      "Publishing waits for the stream's acknowledgements, with "
      "a bounded number in flight; a message whose answer is lost is published again under the "
      "same id and stored once. A full stream is waited for, then reported. The stream is "
      "created when absent. Exit status: 0 all claims stored, 1 a file not claims or claims not "
      "stored, 2 usage errors or no server reached.");
  cmd->add_option("claims", options->files,
                  "Claim files to publish, in any mix of formats; `-` reads standard input")
      ->required()
      ->type_name("FILE");
  addQueueOptions(*cmd, options->queue, kClaims | kStreams);
  cmd->add_option("--claims-per-message", options->claimsPerMessage,
                  "Claims in one message (fewer when they would not fit the server's "
                  "max_payload)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--in-flight", options->inFlight,
                  "Messages published and not yet acknowledged by the stream, at most: the flow "
                  "control")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--input-format", options->inputFormat,
                  "Claim format: `auto` detects it from each file's content; `jsonl`, `csv`, "
                  "`x12` (837P) or `fhir` (R4 Claim, NDJSON or Bundle) force one")
      ->check(CLI::IsMember({"auto", "jsonl", "csv", "x12", "fhir"}))
      ->capture_default_str();
  cmd->add_option("--run-id", options->runId,
                  "Starts the id of every message (RUN:N); the default is new for each run. The "
                  "same id for the same files publishes nothing twice within the duplicate "
                  "window")
      ->type_name("ID");
  cmd->add_option("--full-wait", options->fullWait,
                  "Seconds to keep retrying while the claims stream is full, before giving up")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->callback([options, &exitStatus] { exitStatus = runSubmit(*options); });
}

}  // namespace edict::cli
