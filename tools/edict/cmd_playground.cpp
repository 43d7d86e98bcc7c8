// `edict playground`: a page on this machine where an analyst edits a
// ruleset and sample claims side by side, sees the diagnostics as they
// type, runs the ruleset's tests and the claims, and reads why each edit
// fired (docs/editors.md). The endpoints are playground/; this file is the
// command line that opens the files and serves them until SIGINT or SIGTERM.
#include <fmt/format.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>

#include "commands.h"
#include "playground/playground_service.h"
#include "playground/workspace.h"
#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/ruleset_loader.h"
#include "service/http/server.h"
#include "service/serve/signals.h"

namespace edict::cli {

namespace {

struct PlaygroundOptions {
  std::string ruleset = "rulesets/cms/therapy.edict";
  std::string claims = "samples/claims.jsonl";
  std::string listen = "127.0.0.1:8090";
  std::string engine = "jit";
  std::size_t maxBody = 8u << 20;
  std::size_t maxClaims = 1000;
};

/// Connection threads: a browser opens up to six connections to a page's
/// host and keeps them open; each holds a thread while it is open.
constexpr unsigned kConnectionThreads = 16;

int runPlayground(const PlaygroundOptions& options) {
  http::ServerOptions http;
  std::string error;
  if (!http::parseListenAddress(options.listen, http.host, http.port, error)) {
    std::cerr << fmt::format("edict playground: --listen {}\n", error);
    return kUsage;
  }
  if (!playground::isLoopback(http.host)) {
    std::cerr << fmt::format(
        "edict playground: --listen `{}`: the playground serves this machine only; give a "
        "loopback address (127.0.0.1, ::1 or localhost)\n",
        options.listen);
    return kUsage;
  }
  http.threads = kConnectionThreads;
  http.maxBody = options.maxBody;
  std::optional<playground::WorkspaceFiles> files =
      playground::openFiles(options.ruleset, options.claims, options.maxBody, error);
  if (!files) {
    std::cerr << fmt::format("edict playground: {}\n", error);
    return kUsage;
  }

  // Before any other thread, so that every thread has the signals blocked.
  std::atomic<http::Server*> running{nullptr};
  std::atomic<bool> stopRequested{false};
  std::mutex logMutex;
  serve::SignalWatcher signals([] {},
                               [&](const char* name) {
                                 stopRequested = true;
                                 if (http::Server* server = running.load()) server->stop();
                                 std::lock_guard lock(logMutex);
                                 std::cerr << fmt::format("edict playground: {}: stopping\n", name);
                               });

  const playground::Workspace workspace(std::move(*files), options.engine);
  const write::JsonLinesFormat format;
  run::BatchRunner runner(format, {0, 512});
  http::Server server(http);
  const playground::PlaygroundService service(workspace, runner, server, options.maxClaims);
  if (!server.bind(error)) {
    std::cerr << fmt::format("edict playground: {}\n", error);
    return kUsage;
  }
  running = &server;
  if (stopRequested.load()) server.stop();
  {
    const std::string host =
        http.host.find(':') == std::string::npos ? http.host : "[" + http.host + "]";
    std::lock_guard lock(logMutex);
    std::cerr << fmt::format(
        "edict playground: listening on {}:{}; open http://{}:{}/ in a browser to edit {} with "
        "the claims of {} (Ctrl-C stops)\n",
        host, server.port(), host, server.port(), options.ruleset, options.claims);
  }
  server.serve();
  running = nullptr;
  std::lock_guard lock(logMutex);
  std::cerr << "edict playground: stopped\n";
  return kSuccess;
}

}  // namespace

void registerPlayground(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<PlaygroundOptions>();
  CLI::App* cmd = app.add_subcommand(
      "playground",
      "Serve the playground on this machine (docs/editors.md): a web page where you edit a "
      "ruleset and sample claims side by side, see the diagnostics of `edict check` as you type, "
      "run the ruleset's tests as `edict test` does, and run the claims: each record `edict run` "
      "writes, with `edict explain`'s explanation of its edit. The page edits a copy in the "
      "browser; the files on disk are not changed (Download saves the ruleset). `extends`, "
      "`include` and tables are read beside the ruleset file. The page and its scripts are in "
      "the edict program; nothing is fetched from the network. SIGINT (Ctrl-C) or SIGTERM "
      "stops. Exit status: 0 stopped, 2 usage errors, a file that cannot be read, or an "
      "address that cannot be bound.");
  cmd->add_option("--ruleset", options->ruleset,
                  "The ruleset to edit; the files it extends or includes, and its tables, are "
                  "read from beside it")
      ->capture_default_str()
      ->type_name("FILE");
  cmd->add_option("--claims", options->claims,
                  "The sample claims to start from, in any format `edict run` reads; reject "
                  "records name this path, as `edict run` does")
      ->capture_default_str()
      ->type_name("FILE");
  cmd->add_option("--listen", options->listen,
                  "The loopback address to serve on, HOST:PORT (127.0.0.1, [::1] or localhost); "
                  "port 0 takes a free port. The address to open is printed on standard error")
      ->capture_default_str()
      ->type_name("HOST:PORT");
  cmd->add_option("--engine", options->engine,
                  "The back end that runs the claims: `jit` (as `edict run` does by default) or "
                  "`interp`, the reference interpreter (no compile time on each run). Tests "
                  "always run on both, as `edict test` runs them")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(service::kEngineNames),
                                                     std::end(service::kEngineNames))))
      ->capture_default_str();
  cmd->add_option("--max-body", options->maxBody,
                  "The largest request the page may send, in bytes (the ruleset and the claims "
                  "together, as JSON); larger ones get 413. The files opened must fit in half")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
      ->capture_default_str()
      ->type_name("BYTES");
  cmd->add_option("--max-claims", options->maxClaims,
                  "The most lines of claims one run takes; more get 413 (run large files with "
                  "`edict run`)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str()
      ->type_name("N");
  cmd->callback([options, &exitStatus] { exitStatus = runPlayground(*options); });
}

}  // namespace edict::cli
