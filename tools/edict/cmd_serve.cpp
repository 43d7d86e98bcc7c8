// `edict serve`: the claims service over HTTP (docs/service.md). Loads the
// routes and rulesets as `edict run` does, then answers POST /v1/evaluate
// with the records `edict run` prints for the same claims, until SIGTERM or
// SIGINT; SIGHUP and POST /v1/reload reload. The service itself is
// service/serve; this file is its command line.
#include <fmt/format.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "catalogue_options.h"
#include "commands.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/live_catalogue.h"
#include "service/http/server.h"
#include "service/serve/claims_service.h"
#include "service/serve/signals.h"

namespace edict::cli {

namespace {

struct ServeOptions {
  service::CatalogueSpec catalogue;
  std::string listen = "127.0.0.1:8080";
  unsigned threads = 8;
  unsigned evalThreads = 0;
  std::size_t maxBody = 16u << 20;
  std::size_t maxClaims = 100000;
  double readTimeout = 30;
  double writeTimeout = 30;
  double keepAliveTimeout = 5;
  HistoryOptions history;
};

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

int runServe(const ServeOptions& options) {
  std::mutex logMutex;
  const serve::Log log = [&logMutex](const std::string& line) {
    std::lock_guard lock(logMutex);
    std::cerr << line << (line.ends_with('\n') ? "" : "\n") << std::flush;
  };
  http::ServerOptions http;
  std::string error;
  if (!http::parseListenAddress(options.listen, http.host, http.port, error)) {
    log(fmt::format("edict serve: --listen {}", error));
    return kUsage;
  }
  http.threads = options.threads;
  http.maxBody = options.maxBody;
  http.readTimeout = millis(options.readTimeout);
  http.writeTimeout = millis(options.writeTimeout);
  http.keepAliveTimeout = millis(options.keepAliveTimeout);

  // Before any other thread, so that every thread has the signals blocked.
  std::atomic<http::Server*> running{nullptr};
  serve::ClaimsService* service = nullptr;
  std::mutex startMutex;
  std::atomic<bool> stopRequested{false};
  serve::SignalWatcher signals(
      [&] {
        std::lock_guard lock(startMutex);
        if (service) service->reload("SIGHUP");
      },
      [&](const char* name) {
        stopRequested = true;
        // Logged once the stop took effect, so that the line tells a reader
        // (and the tests) that no new request is taken from then on.
        if (http::Server* server = running.load()) server->stop();
        log(fmt::format("edict serve: {}: stopping; requests in flight finish", name));
      });

  service::LiveCatalogue catalogue(options.catalogue, "edict serve");
  const service::ReloadOutcome first = catalogue.load();
  if (!first.problems.empty()) log(first.problems);
  if (!first.swapped) return kUsage;

  bool historyFailed = false;
  const auto history = openHistoryOption(options.history, "edict serve", historyFailed);
  if (historyFailed) return kUsage;

  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {options.evalThreads, 512});
  http::Server server(http);
  serve::ClaimsService claims(catalogue, runner, server, options.maxClaims, log,
                              {history.get(), options.history.readOnly});
  if (!server.bind(error)) {
    log("edict serve: " + error);
    return kUsage;
  }
  {
    std::lock_guard lock(startMutex);
    running = &server;
    service = &claims;
  }
  // A stop signal that came while the rulesets loaded.
  if (stopRequested.load()) server.stop();
  log(fmt::format(
      "edict serve: listening on {}:{} ({} connection threads, {} evaluation "
      "threads; generation 1: {} route{})",
      http.host, server.port(), http.threads, runner.threads(),
      catalogue.current()->routes().size(), catalogue.current()->routes().size() == 1 ? "" : "s"));
  server.serve();
  {
    std::lock_guard lock(startMutex);
    running = nullptr;
    service = nullptr;
  }
  log("edict serve: stopped");
  return kSuccess;
}

}  // namespace

void registerServe(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the claims service over HTTP/1.1 (docs/service.md): POST /v1/evaluate takes one "
      "claim JSON object or JSON Lines of claims and answers the records `edict run` prints for "
      "them; GET /v1/rulesets, POST /v1/reload, GET /healthz, /readyz and /metrics (Prometheus). "
      "Rulesets are routed by payer as by `edict run`; the routing table and the rulesets are "
      "read again at each reload. SIGHUP or POST /v1/reload reloads the "
      "routes and rulesets, swapped in only when all of them load; SIGTERM or SIGINT stops "
      "after the requests in flight. Exit status: 0 stopped by a signal, 2 usage or ruleset "
      "errors at start, or the address cannot be bound.");
  addCatalogueOptions(*cmd, options->catalogue);
  addHistoryOptions(*cmd, options->history);
  cmd->add_option("--listen", options->listen,
                  "The address to listen on, HOST:PORT ([IPV6]:PORT); port 0 takes a free port, "
                  "named in the `listening on` line of the log")
      ->capture_default_str()
      ->type_name("HOST:PORT");
  cmd->add_option("--threads", options->threads,
                  "Connection threads: connections served at once, each on its thread while it "
                  "stays open; a request of one batch (512 claims) or less is evaluated on it")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--eval-threads", options->evalThreads,
                  "Evaluation threads for requests of more than one batch; 0 (the default) uses "
                  "every core")
      ->check(CLI::Range(0u, 1024u))
      ->type_name("N");
  cmd->add_option("--max-body", options->maxBody,
                  "The largest request body taken, in bytes; larger ones get 413")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 32))
      ->capture_default_str()
      ->type_name("BYTES");
  cmd->add_option("--max-claims", options->maxClaims,
                  "The most lines (claims) one /v1/evaluate body may hold; more get 413")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000000}))
      ->capture_default_str()
      ->type_name("N");
  cmd->add_option("--read-timeout", options->readTimeout,
                  "Seconds a request (line, headers and body) may take to arrive; a slower "
                  "client gets 408 and is disconnected")
      ->check(CLI::Range(0.001, 3600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("--write-timeout", options->writeTimeout,
                  "Seconds a client may take no bytes of its answer before it is disconnected")
      ->check(CLI::Range(0.001, 3600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->add_option("--keep-alive-timeout", options->keepAliveTimeout,
                  "Seconds an idle keep-alive connection stays open")
      ->check(CLI::Range(0.001, 3600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  cmd->callback([options, &exitStatus] { exitStatus = runServe(*options); });
}

}  // namespace edict::cli
