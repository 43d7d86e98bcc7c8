// `edict reload-workers`: asks every running `edict worker` to reload its
// rulesets (a `reload` request on their control subject, which each
// answers) and prints each answer, one JSON object a line.
#include <fmt/format.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "queue/nats/connection.h"
#include "queue/nats/subscription.h"
#include "queue_options.h"

namespace edict::cli {

namespace {

struct ReloadCliOptions {
  QueueOptions queue;
  double wait = 2;
  std::optional<std::size_t> expect;
};

int runReloadWorkers(const ReloadCliOptions& options) {
  const queue::Log log = standardErrorLog();
  std::string error;
  if (!checkSubjects(options.queue, "edict reload-workers", error)) {
    log(error);
    return kUsage;
  }
  queue::LibraryGuard library;
  const std::atomic<bool> never{false};
  auto connection = queue::Connection::open(connectOptions(options.queue, "edict reload-workers"),
                                            log, never, error);
  if (!connection) {
    log("edict reload-workers: " + error);
    return kUsage;
  }
  const auto answers = queue::requestAll(
      *connection, options.queue.controlSubject, "reload",
      std::chrono::milliseconds(static_cast<std::int64_t>(options.wait * 1000)), error);
  if (!error.empty()) {
    log("edict reload-workers: " + error);
    return kUsage;
  }
  std::size_t failed = 0;
  for (const std::string& answer : answers) {
    std::cout << answer << "\n";
    if (answer.find("\"reloaded\":true") == std::string::npos) ++failed;
  }
  std::cout.flush();
  log(fmt::format("edict reload-workers: {} worker{} answered, {} reloaded", answers.size(),
                  answers.size() == 1 ? "" : "s", answers.size() - failed));
  if (answers.empty() || (options.expect && answers.size() < *options.expect)) return kFindings;
  return failed > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerReloadWorkers(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<ReloadCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "reload-workers",
      "Ask every running `edict worker` to reload its routes and rulesets, as SIGHUP does "
      "(docs/scale-out.md): a `reload` request on the control subject, which each worker "
      "answers with a JSON object (worker, reloaded, generation, compiled, seconds, problems), "
      "printed one a line. A worker whose new rulesets do not all load keeps the ones in "
      "service. Exit status: 0 every answer says reloaded, 1 none answered, fewer than "
      "--expect, or some did not reload, 2 usage errors or no server reached.");
  addQueueOptions(*cmd, options->queue, kControl);
  cmd->add_option("--wait", options->wait, "Seconds to wait for answers")
      ->check(CLI::Range(0.1, 600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("--expect", options->expect,
                  "The number of workers that should answer; fewer is exit status 1")
      ->type_name("N");
  cmd->callback([options, &exitStatus] { exitStatus = runReloadWorkers(*options); });
}

}  // namespace edict::cli
