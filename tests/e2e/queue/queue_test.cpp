// edict on NATS JetStream end to end (docs/scale-out.md): a real
// nats-server of the test's own (tests/e2e/queue/nats_server.h) and the
// real `edict worker`, `submit`, `collect` and `reload-workers` processes.
// What workers collect is compared, as a sorted list of lines (so a record
// stored twice shows), with what `edict run` prints for the same files.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <iterator>
#include <memory>
#include <regex>
#include <sstream>

#include "child_process.h"
#include "nats_server.h"
#include "queue/nats/connection.h"
#include "queue/nats/message.h"
#include "queue/nats/publisher.h"
#include "queue/nats/streams.h"
#include "support/scratch.h"

using namespace edict;
using namespace edict::testing;
using namespace std::chrono_literals;

namespace {

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

/// One test's world: a directory, a server, and edict run from the source root.
class Scenario {
 public:
  Scenario() : dir_("queue"), server_(dir_.path().string()) {}

  [[nodiscard]] std::string path(const std::string& name) const {
    return (dir_.path() / name).string();
  }
  NatsServer& server() { return server_; }
  void write(const std::string& name, const std::string& text) const { dir_.write(name, text); }

  /// Runs `edict ARGS...` to its end (bounded).
  Result edict(const std::vector<std::string>& args) {
    auto child = spawn(args);
    Result result;
    result.status = child->wait(120s);
    if (result.status < 0) child->signal(SIGKILL);
    result.out = child->out();
    result.err = child->err();
    return result;
  }

  /// Starts `edict ARGS...` in the background.
  std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& args) {
    const std::string name = path("edict-" + std::to_string(++runs_));
    std::vector<std::string> argv{EDICT_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return std::make_unique<ChildProcess>(argv, EDICT_SOURCE_DIR, name + ".out", name + ".err");
  }

  /// Starts a worker and waits until it pulls.
  std::unique_ptr<ChildProcess> worker(const std::string& name, std::vector<std::string> args) {
    std::vector<std::string> all{"worker", "--nats", server_.url(), "--name", name};
    all.insert(all.end(), args.begin(), args.end());
    auto child = spawn(all);
    INFO(child->err());
    REQUIRE(child->waitForErr("pulling from", 60s));
    return child;
  }

  /// A connection of the test's own, to look at streams.
  queue::Connection& connection() {
    if (!connection_) {
      std::string error;
      const std::atomic<bool> never{false};
      queue::ConnectOptions options;
      options.url = server_.url();
      options.who = "test";
      connection_ = queue::Connection::open(options, {}, never, error);
      INFO(error);
      REQUIRE(connection_);
    }
    return *connection_;
  }

  std::uint64_t streamMessages(const std::string& stream) {
    queue::StreamState state;
    std::string error;
    INFO(error);
    REQUIRE(queue::streamState(connection(), stream, state, error));
    return state.messages;
  }

 private:
  ScratchDir dir_;
  NatsServer server_;
  int runs_ = 0;
  queue::LibraryGuard library_;
  std::unique_ptr<queue::Connection> connection_;
};

std::vector<std::string> sortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

/// What differs between two sorted sets of record lines, shortly: how many
/// lines each lacks and a few of them (Catch would print every line).
std::string recordDifference(const std::vector<std::string>& actual,
                             const std::vector<std::string>& expected) {
  std::vector<std::string> extra;
  std::vector<std::string> missing;
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  if (extra.empty() && missing.empty()) return "";
  std::string text = std::to_string(extra.size()) + " records not expected, " +
                     std::to_string(missing.size()) + " expected records missing";
  for (std::size_t i = 0; i < std::min<std::size_t>(3, extra.size()); ++i)
    text += "\n  not expected: " + extra[i];
  for (std::size_t i = 0; i < std::min<std::size_t>(3, missing.size()); ++i)
    text += "\n  missing: " + missing[i];
  return text;
}

/// The claim count in `edict submit`'s summary line.
std::string claimsSubmitted(const std::string& err) {
  std::smatch match;
  const std::regex line("edict submit: ([0-9]+) claims? in");
  return std::regex_search(err, match, line) ? match[1].str() : "";
}

/// `count` claims of three payers, with some malformed ones: a JSON line a
/// claim, dated when the shipped rulesets apply.
std::string generateClaims(int count) {
  const char* payers[] = {"ACME", "MEDICARE", "BCBS"};
  const char* codes[] = {"97110", "97112", "97140", "97530", "97150", "97124", "98940", "97161"};
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i % 97 == 13) {
      out += "{\"id\":\"X" + std::to_string(i) +
             "\",\"payer\":\"ACME\",\"lines\":[{\"code\":\"9711\"}]}\n";
      continue;
    }
    if (i % 211 == 5) {
      out += "{not json at all\n";
      continue;
    }
    std::ostringstream claim;
    claim << "{\"id\":\"C" << i << "\",\"payer\":\"" << payers[i % 3]
          << "\",\"patient\":{\"id\":\"P" << i % 50
          << "\",\"birth_date\":\"1950-04-02\",\"sex\":\"F\"}"
          << ",\"provider\":{\"npi\":\"1234567893\"},\"place_of_service\":\"11\",\"lines\":[";
    const int lines = 1 + i % 3;
    for (int l = 0; l < lines; ++l) {
      if (l > 0) claim << ",";
      claim << "{\"code\":\"" << codes[(i + l * 3) % 8] << "\",\"modifiers\":[\"GP\""
            << ((i + l) % 4 == 0 ? ",\"59\"" : "") << "],\"units\":" << 1 + (i + l) % 4
            << ",\"minutes\":" << 8 + (i * 7 + l * 11) % 50 << ",\"date\":\"2026-11-0" << 1 + i % 5
            << "\",\"charge\":40.0}";
    }
    claim << "]}\n";
    out += claim.str();
  }
  return out;
}

/// How many messages a stopped worker handed back unread.
int handedBackAtStop(const std::string& err) {
  std::smatch match;
  const std::regex line("([0-9]+) handed back unread at the stop");
  return std::regex_search(err, match, line) ? std::stoi(match[1].str()) : -1;
}

/// How many of a stopped worker's messages were delivered before.
int deliveredBefore(const std::string& err) {
  std::smatch match;
  const std::regex line("messages? done, ([0-9]+) of them delivered before");
  return std::regex_search(err, match, line) ? std::stoi(match[1].str()) : 0;
}

const std::string kRoutes = "tests/e2e/readers/routes.txt";

/// Writes `count` generated claims to the scenario's claims.jsonl and
/// returns `edict run`'s records for them.
std::string writeGeneratedClaims(Scenario& scenario, int count) {
  scenario.write("claims.jsonl", generateClaims(count));
  const Result run = scenario.edict({"run", "--routes", kRoutes, scenario.path("claims.jsonl")});
  REQUIRE(run.status == 1);  // some generated claims are malformed
  return run.out;
}

}  // namespace

TEST_CASE("submit, two workers and collect give edict run's records, in every format",
          "[queue][e2e]") {
  Scenario scenario;
  const std::vector<std::string> files{"samples/claims.jsonl", "samples/claims.csv",
                                       "samples/claims.837", "samples/claims.fhir.ndjson",
                                       "samples/acme_claims.jsonl"};
  std::vector<std::string> runArgs{"run", "--routes", kRoutes};
  runArgs.insert(runArgs.end(), files.begin(), files.end());
  const Result run = scenario.edict(runArgs);
  REQUIRE(run.status == 1);  // the samples hold a malformed claim each

  const std::string url = scenario.server().url();
  auto a = scenario.worker("a", {"--routes", kRoutes});
  auto b = scenario.worker("b", {"--routes", kRoutes});
  std::vector<std::string> submitArgs{"submit", "--nats", url, "--claims-per-message", "2"};
  submitArgs.insert(submitArgs.end(), files.begin(), files.end());
  const Result submit = scenario.edict(submitArgs);
  INFO(submit.err);
  REQUIRE(submit.status == 0);
  const std::string claims = claimsSubmitted(submit.err);
  // As many claims as `edict run` read.
  REQUIRE(run.err.find("edict run: " + claims + " claims read") != std::string::npos);
  const Result collect =
      scenario.edict({"collect", "--nats", url, "--expect", claims, "--idle", "20"});
  INFO(collect.err);
  REQUIRE(collect.status == 0);
  CHECK(recordDifference(sortedLines(collect.out), sortedLines(run.out)) == "");
  CHECK(collect.err.find("of " + claims + " claims") != std::string::npos);

  a->signal(SIGTERM);
  b->signal(SIGTERM);
  CHECK(a->wait(30s) == 0);
  CHECK(b->wait(30s) == 0);
  CHECK(a->err().find("edict worker: stopped;") != std::string::npos);
  // Every message was acknowledged: the claims stream is empty.
  CHECK(scenario.streamMessages("EDICT_CLAIMS") == 0);
}

TEST_CASE("10,000 claims, a worker killed mid-way and restarted: each claim's records once",
          "[queue][e2e]") {
  Scenario scenario;
  const std::string records = writeGeneratedClaims(scenario, 10000);
  const std::string claimsFile = scenario.path("claims.jsonl");

  const std::string url = scenario.server().url();
  const Result submit = scenario.edict(
      {"submit", "--nats", url, "--claims-per-message", "10", "--run-id", "kill", claimsFile});
  INFO(submit.err);
  REQUIRE(submit.status == 0);
  REQUIRE(claimsSubmitted(submit.err) == "10000");
  REQUIRE(scenario.streamMessages("EDICT_CLAIMS") == 1000);

  const std::vector<std::string> options{"--routes", kRoutes, "--ack-wait", "1", "--fetch", "16"};
  auto a = scenario.worker("a", options);
  // Killed while it works: some messages done, most not.
  REQUIRE(pollUntil(60s, [&] { return scenario.streamMessages("EDICT_CLAIMS") < 900; }));
  a->signal(SIGKILL);
  CHECK(a->wait(10s) == 128 + SIGKILL);
  const std::uint64_t left = scenario.streamMessages("EDICT_CLAIMS");
  CHECK(left > 0);
  auto b = scenario.worker("b", options);
  a = scenario.worker("a-again", options);

  const Result collect = scenario.edict({"collect", "--nats", url, "--expect", "10000", "--idle",
                                         "30", "-o", scenario.path("out.jsonl")});
  INFO(collect.err);
  REQUIRE(collect.status == 0);
  const std::string collected = fileText(scenario.path("out.jsonl"));
  CHECK(collect.err.find("of 10000 claims") != std::string::npos);
  const auto expected = sortedLines(records);
  const auto actual = sortedLines(collected);
  CHECK(actual.size() == expected.size());
  CHECK(recordDifference(actual, expected) == "");
  CHECK(std::adjacent_find(actual.begin(), actual.end()) == actual.end());
  a->signal(SIGTERM);
  b->signal(SIGTERM);
  CHECK(a->wait(30s) == 0);
  CHECK(b->wait(30s) == 0);
  // The killed worker held messages it never acknowledged: they came again.
  INFO(a->err() + b->err());
  CHECK(deliveredBefore(a->err()) + deliveredBefore(b->err()) > 0);
  CHECK(scenario.streamMessages("EDICT_CLAIMS") == 0);
}

TEST_CASE("SIGTERM mid-way: the messages in hand are acknowledged, the rest handed back",
          "[queue][e2e]") {
  Scenario scenario;
  const std::string records = writeGeneratedClaims(scenario, 10000);
  const std::string claimsFile = scenario.path("claims.jsonl");
  const std::string url = scenario.server().url();
  REQUIRE(
      scenario.edict({"submit", "--nats", url, "--claims-per-message", "10", claimsFile}).status ==
      0);
  auto worker = scenario.worker("w", {"--routes", kRoutes, "--fetch", "64"});
  REQUIRE(pollUntil(60s, [&] { return scenario.streamMessages("EDICT_CLAIMS") < 900; }));
  worker->signal(SIGTERM);
  REQUIRE(worker->wait(30s) == 0);
  INFO(worker->err());
  CHECK(worker->err().find("SIGTERM: stopping once the messages in hand are acknowledged") !=
        std::string::npos);
  CHECK(scenario.streamMessages("EDICT_CLAIMS") > 0);
  // Nothing waits for its ack wait (30 s): every message the stopped worker
  // held was acknowledged or handed back, so the next worker gets the
  // handed-back ones at once (their second delivery) and the results are
  // all there long before an ack wait, with 10 s without news allowed.
  auto next = scenario.worker("next", {"--routes", kRoutes});
  const Result collect =
      scenario.edict({"collect", "--nats", url, "--expect", "10000", "--idle", "10"});
  INFO(collect.err);
  REQUIRE(collect.status == 0);
  next->signal(SIGTERM);
  REQUIRE(next->wait(30s) == 0);
  INFO(next->err());
  CHECK(deliveredBefore(next->err()) == handedBackAtStop(worker->err()));
  CHECK(recordDifference(sortedLines(collect.out), sortedLines(records)) == "");
}

TEST_CASE("a restart of nats-server mid-run loses nothing", "[queue][e2e]") {
  Scenario scenario;
  const std::string records = writeGeneratedClaims(scenario, 10000);
  const std::string claimsFile = scenario.path("claims.jsonl");
  const std::string url = scenario.server().url();
  auto worker = scenario.worker(
      "w", {"--routes", kRoutes, "--ack-wait", "2", "--timeout", "2", "--fetch", "8"});
  auto submit = scenario.spawn({"submit", "--nats", url, "--claims-per-message", "10",
                                "--in-flight", "4", "--timeout", "2", claimsFile});
  // Restarted while claims are still being submitted and evaluated.
  REQUIRE(pollUntil(60s, [&] { return scenario.streamMessages("EDICT_RESULTS") > 20; }));
  scenario.server().restart();
  REQUIRE(submit->wait(120s) == 0);
  INFO(submit->err());
  REQUIRE(claimsSubmitted(submit->err()) == "10000");
  const Result collect =
      scenario.edict({"collect", "--nats", url, "--expect", "10000", "--idle", "30"});
  INFO(collect.err);
  INFO(worker->err());
  REQUIRE(collect.status == 0);
  const auto actual = sortedLines(collect.out);
  CHECK(recordDifference(actual, sortedLines(records)) == "");
  CHECK(worker->err().find("reconnected") != std::string::npos);
  worker->signal(SIGTERM);
  CHECK(worker->wait(30s) == 0);
}

TEST_CASE("claims stored twice under one id give their records once", "[queue][e2e]") {
  // A server restarted after a worker acknowledged (and so deleted) a
  // claims message, but before submit had its publish acknowledgement,
  // stores the same message again under a new sequence: it remembers ids
  // only of the messages it holds. Streams whose duplicate window is one
  // second make the same happen without a restart: the second submission
  // of the same run id, once the window has passed, is stored again.
  Scenario scenario;
  const std::string records = writeGeneratedClaims(scenario, 200);
  const std::string claimsFile = scenario.path("claims.jsonl");
  const std::string url = scenario.server().url();
  const std::vector<std::string> submitArgs{"submit", "--nats",   url,     "--claims-per-message",
                                            "10",     "--run-id", "twice", "--duplicate-window",
                                            "1",      claimsFile};
  REQUIRE(scenario.edict(submitArgs).status == 0);
  REQUIRE(scenario.streamMessages("EDICT_CLAIMS") == 20);
  const std::vector<std::string> workerArgs{"--routes", kRoutes, "--duplicate-window", "1"};
  const auto evaluateAll = [&](const std::string& name) {
    auto worker = scenario.worker(name, workerArgs);
    REQUIRE(pollUntil(60s, [&] { return scenario.streamMessages("EDICT_CLAIMS") == 0; }));
    worker->signal(SIGTERM);
    REQUIRE(worker->wait(30s) == 0);
  };
  evaluateAll("first");
  const std::uint64_t firstResults = scenario.streamMessages("EDICT_RESULTS");
  REQUIRE(firstResults > 0);

  // Once the window has passed for the claims and their results (the
  // server purges ids a window after they expire, at worst), the same
  // messages are stored again, as many submissions as that takes.
  const auto evaluated = std::chrono::steady_clock::now();
  REQUIRE(pollUntil(30s, [&] {
    if (std::chrono::steady_clock::now() < evaluated + 2500ms) return false;
    REQUIRE(scenario.edict(submitArgs).status == 0);
    return scenario.streamMessages("EDICT_CLAIMS") == 20;
  }));
  evaluateAll("second");
  // Evaluated again, under the same ids, and stored again.
  const std::uint64_t allResults = scenario.streamMessages("EDICT_RESULTS");
  REQUIRE(allResults == 2 * firstResults);

  const Result collect = scenario.edict({"collect", "--nats", url, "--idle", "2"});
  INFO(collect.err);
  REQUIRE(collect.status == 0);
  CHECK(recordDifference(sortedLines(collect.out), sortedLines(records)) == "");
  CHECK(collect.err.find("from " + std::to_string(firstResults) + " messages") !=
        std::string::npos);
  CHECK(collect.err.find(std::to_string(firstResults) + " result messages not written again") !=
        std::string::npos);
  CHECK(scenario.streamMessages("EDICT_RESULTS") == 0);
}

TEST_CASE("malformed claims become reject records, each message acknowledged once",
          "[queue][e2e]") {
  Scenario scenario;
  scenario.write("bad.jsonl",
                 generateClaims(3) + "{not json\n" +
                     R"({"id":"B1","payer":"ACME","lines":[{"code":"9711","date":"2026-11-02"}]})" +
                     "\n" + R"({"id":"B2","payer":"ACME","lines":"none"})" + "\n");
  const std::string file = scenario.path("bad.jsonl");
  const Result run = scenario.edict({"run", "--routes", kRoutes, file});
  REQUIRE(run.status == 1);
  REQUIRE(run.err.find("3 rejected") != std::string::npos);
  const std::string url = scenario.server().url();
  auto worker = scenario.worker("w", {"--routes", kRoutes, "--ack-wait", "1"});
  const Result submit =
      scenario.edict({"submit", "--nats", url, "--claims-per-message", "1", file});
  REQUIRE(submit.status == 0);
  const Result collect = scenario.edict({"collect", "--nats", url, "--expect", "6"});
  INFO(collect.err);
  REQUIRE(collect.status == 0);
  CHECK(recordDifference(sortedLines(collect.out), sortedLines(run.out)) == "");
  CHECK(collect.out.find("\"action\":\"reject\"") != std::string::npos);
  // Each message was delivered once and acknowledged: none came again.
  queue::ConsumerState state;
  std::string error;
  REQUIRE(
      queue::consumerState(scenario.connection(), "EDICT_CLAIMS", "edict-workers", state, error));
  CHECK(state.redelivered == 0);
  CHECK(state.ackPending == 0);
  CHECK(scenario.streamMessages("EDICT_CLAIMS") == 0);
  worker->signal(SIGTERM);
  REQUIRE(worker->wait(30s) == 0);
  CHECK(worker->err().find("6 messages done, 0 of them delivered before") != std::string::npos);
  CHECK(worker->err().find("0 handed back") != std::string::npos);
}

TEST_CASE("an unreachable server is a clear error after bounded retries", "[queue][e2e]") {
  Scenario scenario;
  // A port nothing listens on: bound, then closed.
  const int sock = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  ::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(sock);
  const std::string url = "nats://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"worker", "--routes", kRoutes},
        std::vector<std::string>{"submit", "samples/claims.jsonl"},
        std::vector<std::string>{"collect"}}) {
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--nats", url, "--connect-attempts", "3"});
    const Result result = scenario.edict(all);
    INFO(result.err);
    CHECK(result.status == 2);
    CHECK(result.err.find("cannot reach the NATS server at " + url) != std::string::npos);
    CHECK(result.err.find("attempt 1 of 3, next in") != std::string::npos);
    CHECK(result.err.find("after 3 attempts") != std::string::npos);
  }
}

TEST_CASE("workers reload on a control request and on SIGHUP, and a bad ruleset keeps the old",
          "[queue][e2e]") {
  Scenario scenario;
  const auto ruleset = [&](const std::string& version) {
    scenario.write("payer.edict", "ruleset payer version \"" + version +
                                      "\"\npair 97140 97530 modifier allowed \"Mutually "
                                      "exclusive\" since 2020-01-01\n");
  };
  ruleset("1");
  scenario.write(
      "claim.jsonl",
      R"({"id":"C1","payer":"ACME","lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})"
      "\n");
  const std::string url = scenario.server().url();
  auto worker = scenario.worker("w", {"-r", scenario.path("payer.edict")});
  const auto roundTrip = [&] {
    REQUIRE(scenario.edict({"submit", "--nats", url, scenario.path("claim.jsonl")}).status == 0);
    const Result collect = scenario.edict({"collect", "--nats", url, "--expect", "1"});
    REQUIRE(collect.status == 0);
    return collect.out;
  };
  CHECK(roundTrip().find("\"version\":\"1\"") != std::string::npos);

  ruleset("2");
  const Result reload = scenario.edict({"reload-workers", "--nats", url, "--expect", "1"});
  INFO(reload.err);
  CHECK(reload.status == 0);
  CHECK(reload.out.find("\"worker\":\"w\",\"reloaded\":true,\"generation\":2") !=
        std::string::npos);
  CHECK(roundTrip().find("\"version\":\"2\"") != std::string::npos);

  ruleset("3");
  worker->signal(SIGHUP);
  REQUIRE(worker->waitForErr("SIGHUP: reloaded; generation 3", 60s));
  CHECK(roundTrip().find("\"version\":\"3\"") != std::string::npos);

  scenario.write("payer.edict", "ruleset payer version \"4\"\npair 97140\n");
  const Result broken = scenario.edict({"reload-workers", "--nats", url});
  CHECK(broken.status == 1);
  CHECK(broken.out.find("\"reloaded\":false,\"generation\":3") != std::string::npos);
  CHECK(roundTrip().find("\"version\":\"3\"") != std::string::npos);

  worker->signal(SIGTERM);
  CHECK(worker->wait(30s) == 0);
}

TEST_CASE("what is not claims, and what fails every delivery, goes to the dead letters",
          "[queue][e2e]") {
  Scenario scenario;
  const std::string url = scenario.server().url();
  // A results stream so small that no result fits: every delivery fails.
  queue::StreamSpec results;
  results.name = "EDICT_RESULTS";
  results.subjects = {"edict.results.>"};
  results.maxBytes = 64;
  std::string error;
  REQUIRE(queue::ensureStream(scenario.connection(), results, {}, error));
  auto worker = scenario.worker("w", {"--routes", kRoutes, "--ack-wait", "1", "--max-deliveries",
                                      "2", "--retry-delay", "0.1"});
  // Bytes that are not claims, published as another producer might.
  {
    queue::AsyncPublisher publisher(scenario.connection(), 1, 5s);
    REQUIRE(publisher.start(error));
    queue::OutMessage junk{"edict.claims", {}, "%PDF-1.4 not claims", "junk-1"};
    REQUIRE(publisher.publish(junk, error));
    REQUIRE(publisher.waitAll(10s));
  }
  REQUIRE(worker->waitForErr("is not claims", 60s));
  CHECK(pollUntil(30s, [&] { return scenario.streamMessages("EDICT_DEAD") == 1; }));

  REQUIRE(scenario.edict({"submit", "--nats", url, "samples/claims.jsonl"}).status == 0);
  REQUIRE(worker->waitForErr("failed 2 deliveries; moved to edict.dead", 60s));
  CHECK(worker->err().find("the stream is full") != std::string::npos);
  CHECK(pollUntil(30s, [&] {
    return scenario.streamMessages("EDICT_DEAD") == 2 &&
           scenario.streamMessages("EDICT_CLAIMS") == 0;
  }));
  worker->signal(SIGTERM);
  CHECK(worker->wait(30s) == 0);
}

TEST_CASE("a full claims stream is reported by submit", "[queue][e2e]") {
  Scenario scenario;
  const Result submit =
      scenario.edict({"submit", "--nats", scenario.server().url(), "--stream-max-messages", "2",
                      "--claims-per-message", "1", "--full-wait", "1", "samples/claims.jsonl"});
  INFO(submit.err);
  CHECK(submit.status == 1);
  CHECK(submit.err.find("the claims stream is full; waiting") != std::string::npos);
  CHECK(submit.err.find("2 claims in 2 messages stored") != std::string::npos);
  CHECK(submit.err.find("the claims stream is full (still after 1 s)") != std::string::npos);
  CHECK(submit.err.find("3 claims not stored") != std::string::npos);
}
