// `edict_bench serve`: `edict serve` under load, side by side with `edict
// run` on the same claims in the same run (bench/run.sh starts the server).
// Checks first that the server's records for the whole claims file are
// `edict run`'s, byte for byte; then measures single-claim requests over
// kept-alive connections from 1 and 2 client threads (requests per second,
// p50 and p99 latency), batches of 1,000 claims, and `edict run`'s own
// throughput on the file, and judges the targets of the service issue.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "harness/http_load.h"
#include "harness/machine.h"
#include "harness/report.h"
#include "service/http/client.h"

namespace edict::bench {

namespace {

struct ServeOptions {
  int port = 0;
  std::string claims;
  std::string edict;
  std::string ruleset = "bench/rulesets/therapy_bench.edict";
  double seconds = 5;
  std::size_t batch = 1000;
  std::string json;
  int pid = 0;
  bool smoke = false;
};

/// The non-empty lines of `path`, each with its newline.
std::vector<std::string> claimLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read `" + path + "`");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line + "\n");
  return out;
}

/// Wall seconds of `edict run -r RULESET FILE`, its output to `out`.
double timeRun(const ServeOptions& o, const std::string& file, const std::string& out) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    dup2(null, STDERR_FILENO);
    execl(o.edict.c_str(), o.edict.c_str(), "run", "--no-progress", "-r", o.ruleset.c_str(),
          file.c_str(), "-o", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
    throw std::runtime_error("`edict run` failed on `" + file + "`");
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string micros(double seconds) {
  return fmt::format("{:.0f} µs", seconds * 1e6);
}

JsonObject loadJson(const LoadFigures& f) {
  JsonObject j;
  j.add("threads", static_cast<std::size_t>(f.threads))
      .add("requests", f.requests)
      .add("failed", f.failed)
      .add("claims", f.claims)
      .add("seconds", f.seconds)
      .add("requests_per_second", f.requestsPerSecond())
      .add("claims_per_second", f.claimsPerSecond())
      .add("p50_seconds", f.percentile(0.5))
      .add("p99_seconds", f.percentile(0.99))
      .add("p999_seconds", f.percentile(0.999))
      .add("server_cpu_seconds", f.serverCpu)
      .add("client_cpu_seconds", f.clientCpu);
  return j;
}

int runServeBench(const ServeOptions& o) {
  const std::vector<std::string> lines = claimLines(o.claims);
  std::cout << fmt::format(
      "edict serve on 127.0.0.1:{}: {} claims from {}\nmachine: {}; the client threads run on "
      "the same cores as the server\n\n",
      o.port, lines.size(), o.claims, machineLine());

  // Equal work: the whole file in one request gives `edict run`'s bytes.
  std::string whole;
  for (const std::string& line : lines) whole += line;
  http::Client client("127.0.0.1", o.port, std::chrono::seconds(120));
  http::Reply reply;
  std::string error;
  if (!client.send("POST", "/v1/evaluate?source=" + o.claims, whole, reply, error) ||
      reply.status != 200)
    throw std::runtime_error(fmt::format("the server did not evaluate the claims: {} {} {}", error,
                                         reply.status, reply.body.substr(0, 300)));
  const std::string runOut = o.json.empty() ? "/tmp/edict-bench-serve-run.jsonl" : o.json + ".run";
  const double runSeconds = timeRun(o, o.claims, runOut);
  std::ifstream runFile(runOut, std::ios::binary);
  std::stringstream runText;
  runText << runFile.rdbuf();
  const bool agree = runText.str() == reply.body;
  std::cout << fmt::format("records of the whole file: {} bytes from the server, {}\n\n",
                           reply.body.size(),
                           agree ? "identical to `edict run`" : "DIFFERENT from `edict run`");
  if (!agree) {
    std::cerr << "edict serve disagrees with edict run on " << o.claims << "\n";
    return 1;
  }

  // `edict run` alone: the file, less its start-up (a file of one claim).
  const std::string one = runOut + ".one.jsonl";
  std::ofstream(one, std::ios::binary) << lines.front();
  double best = 0;
  for (int round = 0; round < (o.smoke ? 1 : 3); ++round) {
    const double startup = timeRun(o, one, runOut + ".one.out");
    const double all = round == 0 ? runSeconds : timeRun(o, o.claims, runOut);
    const double rate = (lines.size() - 1) / std::max(1e-6, all - startup);
    best = std::max(best, rate);
  }
  const double runRate = best;

  // Single-claim requests, then batches, from 1 and 2 client threads.
  std::vector<std::string> batches;
  for (std::size_t i = 0; i + o.batch <= lines.size(); i += o.batch) {
    std::string body;
    for (std::size_t j = i; j < i + o.batch; ++j) body += lines[j];
    batches.push_back(std::move(body));
  }
  if (batches.empty()) batches.push_back(whole);
  const double seconds = o.smoke ? 0.2 : o.seconds;
  const LoadFigures single1 = runLoad(o.port, lines, 1, 1, seconds, o.pid);
  const LoadFigures single2 = runLoad(o.port, lines, 1, 2, seconds, o.pid);
  const LoadFigures batch1 = runLoad(o.port, batches, o.batch, 1, seconds, o.pid);
  const LoadFigures batch2 = runLoad(o.port, batches, o.batch, 2, seconds, o.pid);

  // CPU per request says what the work costs whatever else runs on the
  // machine; its inverse, on two cores shared by server and client, is
  // what the requests per second would be with both cores free.
  TextTable table({"edict serve", "client threads", "requests", "failed", "requests/s", "claims/s",
                   "p50", "p99", "p99.9", "server CPU/req", "client CPU/req",
                   "req/s on 2 free cores"});
  auto row = [&](const std::string& what, const LoadFigures& f) {
    const double server = f.requests ? f.serverCpu / f.requests : 0;
    const double mine = f.requests ? f.clientCpu / f.requests : 0;
    table.row({what, std::to_string(f.threads), grouped(static_cast<double>(f.requests)),
               std::to_string(f.failed), grouped(f.requestsPerSecond()),
               grouped(f.claimsPerSecond()), micros(f.percentile(0.5)), micros(f.percentile(0.99)),
               micros(f.percentile(0.999)), o.pid ? fmt::format("{:.1f} µs", server * 1e6) : "-",
               fmt::format("{:.1f} µs", mine * 1e6), o.pid ? grouped(2 / (server + mine)) : "-"});
  };
  row("single claim, keep-alive", single1);
  row("single claim, keep-alive", single2);
  row(fmt::format("batches of {}", o.batch), batch1);
  row(fmt::format("batches of {}", o.batch), batch2);
  std::cout << table.text();
  const double batchBest = std::max(batch1.claimsPerSecond(), batch2.claimsPerSecond());
  std::cout << fmt::format(
      "\nedict run on the same {} claims (all cores, start-up taken off): {} claims/s; "
      "batches of {} reach {} of it\n",
      lines.size(), grouped(runRate), o.batch, times(batchBest / runRate));

  const std::size_t failures = single1.failed + single2.failed + batch1.failed + batch2.failed;
  const double p99 = std::max(single1.percentile(0.99), single2.percentile(0.99));
  std::vector<Target> targets{
      {"serve: single-claim p99 <= 1 ms on loopback", micros(p99), p99 <= 0.001},
      {"serve: >= 50,000 single-claim requests/s on 2 cores",
       grouped(single2.requestsPerSecond()) + " requests/s (2 client threads)",
       single2.requestsPerSecond() >= 50000},
      {fmt::format("serve: batches of {} >= 50% of edict run's throughput", o.batch),
       times(batchBest / runRate) + " (" + grouped(batchBest) + " vs " + grouped(runRate) +
           " claims/s)",
       batchBest >= 0.5 * runRate},
      {"serve: no failed request under load", std::to_string(failures), failures == 0}};
  if (!o.smoke) std::cout << "\n" << targetsTable(targets);

  if (!o.json.empty()) {
    JsonObject doc;
    doc.addRaw("machine", machineJson())
        .add("claims", lines.size())
        .add("agree", agree)
        .add("edict_run_claims_per_second", runRate)
        .addRaw("single_1", loadJson(single1).text())
        .addRaw("single_2", loadJson(single2).text())
        .addRaw("batch_1", loadJson(batch1).text())
        .addRaw("batch_2", loadJson(batch2).text())
        .addRaw("targets", targetsJson(targets));
    writeFile(o.json, doc.text() + "\n");
    std::cout << "\nJSON: " << o.json << "\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

void addServeVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand(
      "serve", "edict serve under load, side by side with edict run (bench/run.sh starts it)");
  cmd->add_option("--port", o->port, "the port of a running `edict serve`")->required();
  cmd->add_option("--claims", o->claims, "claims file (JSON Lines)")->required();
  cmd->add_option("--edict", o->edict, "the `edict` binary, for `edict run`")->required();
  cmd->add_option("--ruleset", o->ruleset, "the ruleset the server was started with")
      ->capture_default_str();
  cmd->add_option("--seconds", o->seconds, "wall seconds per load run")->capture_default_str();
  cmd->add_option("--batch", o->batch, "claims per batch request")->capture_default_str();
  cmd->add_option("--json", o->json, "write the results as JSON here");
  cmd->add_option("--pid", o->pid, "the server's process id, to count its CPU time");
  cmd->add_flag("--smoke", o->smoke, "a short run that checks agreement, not timings");
  verbs.emplace_back(cmd, [o] { return runServeBench(*o); });
}

}  // namespace edict::bench
