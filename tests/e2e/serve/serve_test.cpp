// `edict serve` end to end: the binary started on a free loopback port,
// talked to over real sockets. Its answers are `edict run`'s records for
// the same claims; it reloads under load without a failed request or a
// mixed answer; bad input of every kind gets a clear answer and no hang.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "serve_process.h"
#include "service/http/client.h"

using edict::http::Client;
using edict::http::Reply;
using edict::testing::rawExchange;
using edict::testing::readText;
using edict::testing::runEdict;
using edict::testing::ServeProcess;
using edict::testing::within;
using namespace std::chrono_literals;

namespace {

const std::string kSource = EDICT_SOURCE_DIR;
const std::string kTherapy = "rulesets/cms/therapy.edict";
const std::string kAcme = "rulesets/examples/acme_commercial.edict";

Reply post(Client& client, const std::string& target, const std::string& body) {
  Reply reply;
  std::string error;
  INFO(error);
  REQUIRE(client.send("POST", target, body, reply, error));
  return reply;
}

/// GET `target`; status 0 when no answer came.
Reply get(Client& client, const std::string& target) {
  Reply reply;
  std::string error;
  if (!client.send("GET", target, "", reply, error)) reply.status = 0;
  return reply;
}

/// The `"version":"..."` of every record of `records`.
std::set<std::string> versionsIn(const std::string& records) {
  std::set<std::string> out;
  static const std::regex version("\"version\":\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(records.begin(), records.end(), version);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

/// A copy of the CMS therapy ruleset (and its tables) in a directory of
/// its own, to edit while a server uses it.
struct RulesetCopy {
  RulesetCopy() {
    char pattern[] = "/tmp/edict-serve-ruleset-XXXXXX";
    dir = mkdtemp(pattern);
    std::filesystem::copy(kSource + "/rulesets/cms", dir, std::filesystem::copy_options::recursive);
    path = dir + "/therapy.edict";
    original = readText(path);
  }
  ~RulesetCopy() { std::filesystem::remove_all(dir); }
  /// The ruleset with its version set to `version` (written whole, then
  /// renamed into place, as a deployment does).
  void setVersion(const std::string& version) const {
    write(std::regex_replace(original, std::regex("version \"[^\"]*\""),
                             fmt::format("version \"{}\"", version)));
  }
  void write(const std::string& text) const {
    const std::string temporary = path + ".new";
    std::ofstream(temporary, std::ios::binary) << text;
    std::filesystem::rename(temporary, path);
  }
  std::string dir;
  std::string path;
  std::string original;
};

}  // namespace

TEST_CASE("serve answers the shipped sample claims byte for byte as edict run prints them",
          "[serve][e2e]") {
  const std::string engine = GENERATE("jit", "interp");
  INFO(engine);
  ServeProcess server({"-r", kTherapy, "--engine", engine});
  Client client("127.0.0.1", server.port());
  const std::string expected =
      runEdict({"run", "--engine", engine, "-r", kTherapy, "samples/claims.jsonl"});
  REQUIRE(expected == readText(kSource + "/tests/e2e/expected/shipped_sample.jsonl"));
  const Reply reply = post(client, "/v1/evaluate?source=samples/claims.jsonl",
                           readText(kSource + "/samples/claims.jsonl"));
  CHECK(reply.status == 200);
  CHECK(reply.header("Content-Type") == "application/x-ndjson");
  CHECK(reply.header("Edict-Catalogue-Generation") == "1");
  CHECK(reply.body == expected);

  // One claim at a time, on the same connection: each answer is that
  // claim's records, and a reject names the body by its default name.
  std::istringstream claims(readText(kSource + "/samples/claims.jsonl"));
  std::string line;
  std::string joined;
  while (std::getline(claims, line)) joined += post(client, "/v1/evaluate", line + "\n").body;
  CHECK(joined ==
        std::regex_replace(expected, std::regex("samples/claims\\.jsonl:5:"), "request:1:"));
}

TEST_CASE("serve routes the claims of two payers to two rulesets as edict run does",
          "[serve][e2e]") {
  const std::vector<std::string> routes{"--route", "ACME=" + kAcme, "--route",
                                        "MEDICARE=" + kTherapy};
  ServeProcess server(routes);
  Client client("127.0.0.1", server.port());
  std::vector<std::string> run{"run"};
  run.insert(run.end(), routes.begin(), routes.end());
  run.push_back("tests/e2e/data/two_payers.jsonl");
  const std::string expected = runEdict(run);
  REQUIRE(expected.find("\"ruleset\":\"acme_commercial\"") != std::string::npos);
  REQUIRE(expected.find("\"ruleset\":\"cms_therapy\"") != std::string::npos);
  const Reply reply = post(client, "/v1/evaluate?source=tests/e2e/data/two_payers.jsonl",
                           readText(kSource + "/tests/e2e/data/two_payers.jsonl"));
  CHECK(reply.status == 200);
  CHECK(reply.body == expected);

  const Reply rulesets = get(client, "/v1/rulesets");
  CHECK(rulesets.status == 200);
  for (
      const char* part :
      {R"("payer":"ACME","ruleset":"acme_commercial","version":"2026.1","source":"rulesets/examples/acme_commercial.edict","kind":"source","engine":"jit","content_hash":"xxh3:)",
       R"("payer":"MEDICARE","ruleset":"cms_therapy","version":"2026.4","source":"rulesets/cms/therapy.edict","kind":"source")"}) {
    INFO(rulesets.body);
    CHECK(rulesets.body.find(part) != std::string::npos);
  }
  // A payer with no route and no default: a reject record, as `edict run`.
  const Reply other =
      post(client, "/v1/evaluate",
           R"({"id":"X1","payer":"OTHER","lines":[{"code":"97110","date":"2026-11-02"}]})");
  CHECK(other.status == 200);
  CHECK(other.body.find(R"("reason":"no-ruleset")") != std::string::npos);
}

TEST_CASE("serve reloads 20 times under load: no failed request, each answer from one version",
          "[serve][e2e][reload]") {
  RulesetCopy ruleset;
  ruleset.setVersion("v0");
  ServeProcess server({"-r", ruleset.path});
  // Claims whose every record names the ruleset's version: two claims with
  // edits, so that an answer mixing versions would show it.
  const std::string body = readText(kSource + "/samples/claims.jsonl");

  std::atomic<bool> stop{false};
  std::atomic<std::size_t> requests{0};
  std::atomic<std::size_t> failures{0};
  std::mutex seenMutex;
  std::map<std::string, std::set<std::string>> versionsByGeneration;
  std::vector<std::string> problems;
  auto load = [&] {
    Client client("127.0.0.1", server.port());
    while (!stop) {
      Reply reply;
      std::string error;
      const bool answered = client.send("POST", "/v1/evaluate", body, reply, error);
      ++requests;
      const std::set<std::string> versions = versionsIn(reply.body);
      std::lock_guard lock(seenMutex);
      if (!answered || reply.status != 200 || versions.size() != 1) {
        ++failures;
        problems.push_back(fmt::format("{} {} {}", error, reply.status, reply.body));
        continue;
      }
      versionsByGeneration[reply.header("Edict-Catalogue-Generation")].insert(*versions.begin());
    }
  };
  std::vector<std::thread> clients;
  for (int i = 0; i < 2; ++i) clients.emplace_back(load);

  Client control("127.0.0.1", server.port());
  std::uint64_t generation = 1;
  for (int round = 1; round <= 20; ++round) {
    INFO("round " << round);
    if (round == 10) {
      // A broken ruleset: the reload fails, says why, and v9 goes on.
      ruleset.write(ruleset.original + "\npari 97140 97530\n");
      const Reply failed = post(control, "/v1/reload", "");
      CHECK(failed.status == 422);
      CHECK(failed.body.find(R"("reloaded":false)") != std::string::npos);
      CHECK(failed.body.find("error[E0005]") != std::string::npos);
      CHECK(server.waitForLog("reload (POST /v1/reload) failed; generation " +
                                  std::to_string(generation) + " stays in service",
                              5s));
      const Reply still = post(control, "/v1/evaluate", body);
      CHECK(versionsIn(still.body) == std::set<std::string>{"v9"});
    }
    ruleset.setVersion(fmt::format("v{}", round));
    const auto before = requests.load();
    if (round % 2 == 0) {
      const Reply reloaded = post(control, "/v1/reload", "");
      CHECK(reloaded.status == 200);
      CHECK(reloaded.body.find(fmt::format(R"("reloaded":true,"generation":{})", generation + 1)) !=
            std::string::npos);
    } else {
      server.signal(SIGHUP);
      CHECK(server.waitForLog(
          fmt::format("reload (SIGHUP): generation {} in service", generation + 1), 30s));
    }
    ++generation;
    // The new version answers from now on; load went on meanwhile.
    CHECK(versionsIn(post(control, "/v1/evaluate", body).body) ==
          std::set<std::string>{fmt::format("v{}", round)});
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (requests.load() < before + 4 && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(1ms);
  }
  stop = true;
  for (std::thread& t : clients) t.join();

  INFO((problems.empty() ? std::string() : problems.front()));
  CHECK(failures == 0);
  CHECK(requests > 40);
  // Each generation answered with one version, and never one of another.
  std::set<std::string> all;
  for (const auto& [gen, versions] : versionsByGeneration) {
    INFO("generation " << gen);
    CHECK(versions.size() == 1);
    all.insert(versions.begin(), versions.end());
  }
  CHECK(all.size() > 2);
  // The old versions are gone: one catalogue and one ruleset in memory.
  const Reply metrics = get(control, "/metrics");
  CHECK(metrics.body.find("edict_catalogues_alive 1\n") != std::string::npos);
  CHECK(metrics.body.find("edict_rulesets_alive 1\n") != std::string::npos);
  CHECK(metrics.body.find("edict_reloads_total{result=\"succeeded\"} 20\n") != std::string::npos);
  CHECK(metrics.body.find("edict_reloads_total{result=\"failed\"} 1\n") != std::string::npos);
  CHECK(metrics.body.find("edict_catalogue_generation 21\n") != std::string::npos);
}

TEST_CASE("serve refuses bad requests with a clear answer and keeps serving", "[serve][e2e]") {
  ServeProcess server({"-r", kTherapy, "--max-body", "4096", "--max-claims", "20", "--read-timeout",
                       "0.5", "--threads", "4"});
  Client client("127.0.0.1", server.port());
  auto error = [](const Reply& reply, int status, const std::string& text) {
    INFO(reply.body);
    CHECK(reply.status == status);
    CHECK(reply.header("Content-Type") == "application/json");
    CHECK(reply.body.starts_with(fmt::format("{{\"status\":{},\"error\":\"", status)));
    CHECK(reply.body.find(text) != std::string::npos);
  };
  error(post(client, "/v1/evaluate", "this is not JSON"), 400, "the body is not JSON claims");
  // Shaped like JSON Lines but broken: a reject record, as `edict run` gives.
  const Reply broken = post(client, "/v1/evaluate", "{\"id\": broken");
  CHECK(broken.status == 200);
  CHECK(broken.body.find(R"("reason":"invalid-input","message":"request:1: not valid JSON)") !=
        std::string::npos);
  error(post(client, "/v1/evaluate", ""), 400, "the body is empty");
  error(post(client, "/v1/evaluate", "ISA*00*"), 400, "not JSON");
  error(post(client, "/v1/evaluate", std::string(5000, ' ')), 413, "--max-body");
  std::string lines;
  for (int i = 0; i < 30; ++i) lines += "{}\n";
  error(post(client, "/v1/evaluate", lines), 413, "--max-claims");
  error(get(client, "/v1/nothing"), 404, "no endpoint at `/v1/nothing`");
  const Reply wrongMethod = get(client, "/v1/evaluate");
  error(wrongMethod, 405, "takes POST");
  CHECK(wrongMethod.header("Allow") == "POST");
  // A malformed claim among good ones: a reject record, the rest evaluated.
  const Reply mixed =
      post(client, "/v1/evaluate",
           "{\"id\":\"G1\",\"lines\":[{\"code\":\"97110\",\"date\":\"2026-11-02\"}]}\n"
           "{\"id\":\"B1\",\"lines\":[{\"code\":\"9711\"}]}\n");
  CHECK(mixed.status == 200);
  CHECK(mixed.body.find(R"("claim":"B1","line":null,"rule":null,"action":"reject")") !=
        std::string::npos);
  // One claim laid out on several lines is one claim.
  const Reply pretty =
      post(client, "/v1/evaluate",
           "{\n  \"id\": \"P1\",\n  \"lines\": [\n    {\"code\": \"97140\", \"date\": "
           "\"2026-11-02\"},\n    {\"code\": \"97530\", \"date\": \"2026-11-02\"}\n  ]\n}\n");
  CHECK(pretty.status == 200);
  CHECK(pretty.body.find(R"("claim":"P1","line":2,"rule":"ptp_97140_97530")") != std::string::npos);

  const int port = server.port();
  // A slow client: the request never arrives whole; 408, then the close.
  const auto slowStart = std::chrono::steady_clock::now();
  const std::string slow =
      rawExchange(port, "POST /v1/evaluate HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"id\"", 10s);
  CHECK(slow.starts_with("HTTP/1.1 408 Request Timeout"));
  CHECK(std::chrono::steady_clock::now() - slowStart < 5s);
  // A header that never ends: cut off at the budget, not held in memory.
  const std::string endless =
      rawExchange(port, "GET /healthz HTTP/1.1\r\nX-Long: " + std::string(200000, 'a'), 10s);
  CHECK(endless.starts_with("HTTP/1.1 413"));
  // A chunked body over the limit.
  std::string chunked = "POST /v1/evaluate HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 10; ++i) chunked += fmt::format("3e8\r\n{}\r\n", std::string(1000, ' '));
  chunked += "0\r\n\r\n";
  CHECK(rawExchange(port, chunked, 10s).starts_with("HTTP/1.1 413"));
  // A compressed body: refused before it is read (no decompression bomb).
  CHECK(rawExchange(port,
                    "POST /v1/evaluate HTTP/1.1\r\nContent-Encoding: gzip\r\nContent-Length: "
                    "4\r\n\r\nabcd",
                    10s)
            .starts_with("HTTP/1.1 415"));
  // Garbage instead of HTTP.
  CHECK(rawExchange(port, std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15),
                    10s)
            .starts_with("HTTP/1.1 400"));
  // Two requests in one write (pipelined): both answered, in order.
  const std::string two = rawExchange(
      port, "GET /healthz HTTP/1.1\r\n\r\nGET /readyz HTTP/1.1\r\nConnection: close\r\n\r\n", 10s);
  CHECK(two.find("ok\n") != std::string::npos);
  CHECK(two.find("ready\n") > two.find("ok\n"));

  // Still serving, and it counted what it answered.
  CHECK(get(client, "/healthz").body == "ok\n");
  CHECK(get(client, "/readyz").body == "ready\n");
  const std::string metrics = get(client, "/metrics").body;
  for (const char* series :
       {"edict_http_requests_total{endpoint=\"/v1/evaluate\",code=\"400\"} 4",
        "edict_http_requests_total{endpoint=\"/v1/evaluate\",code=\"413\"} 3",
        "edict_http_requests_total{endpoint=\"/v1/evaluate\",code=\"408\"} 1",
        "edict_http_requests_total{endpoint=\"/v1/evaluate\",code=\"415\"} 1",
        "edict_http_requests_total{endpoint=\"other\",code=\"404\"} 1",
        "edict_claims_total{outcome=\"invalid\"} 2", "edict_edits_total{action=\"deny\"} ",
        "edict_http_request_duration_seconds_bucket{endpoint=\"/v1/evaluate\",le=\"+Inf\"} ",
        "edict_ruleset_info{payer=\"*\",ruleset=\"cms_therapy\",version=\"2026.4\",kind="
        "\"source\","}) {
    INFO(series << "\n" << metrics);
    CHECK(metrics.find(series) != std::string::npos);
  }
}

TEST_CASE("serve stops on SIGTERM after the requests in flight", "[serve][e2e]") {
  ServeProcess server({"-r", kTherapy});
  Client idle("127.0.0.1", server.port());
  CHECK(get(idle, "/healthz").status == 200);  // an idle kept-alive connection
  const std::string claim =
      R"({"id":"T1","lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})"
      "\n";
  // A request in flight: its headers and half its body sent, then SIGTERM.
  edict::testing::RawConnection inFlight(server.port());
  inFlight.send(fmt::format("POST /v1/evaluate HTTP/1.1\r\nContent-Length: {}\r\n\r\n{}",
                            claim.size(), claim.substr(0, 20)));
  // SIGTERM only once the server has begun that request (the scrape itself
  // is the other one in progress): a connection still in the listen queue
  // when the server stops is not in flight.
  CHECK(within(10s, [&] {
    return get(idle, "/metrics").body.find("\nedict_http_requests_in_progress 2\n") !=
           std::string::npos;
  }));
  const auto stopping = std::chrono::steady_clock::now();
  server.signal(SIGTERM);
  CHECK(server.waitForLog("SIGTERM: stopping", 10s));
  CHECK(get(idle, "/healthz").status == 0);  // no new request on the idle connection
  inFlight.send(claim.substr(20));
  const std::string answer = inFlight.receiveAll(10s);
  CHECK(answer.starts_with("HTTP/1.1 200 OK"));
  CHECK(answer.find(R"("claim":"T1","line":2,"rule":"ptp_97140_97530")") != std::string::npos);
  CHECK(server.wait(10s) == 0);
  // The idle connection did not hold the stop for its keep-alive timeout.
  CHECK(std::chrono::steady_clock::now() - stopping < 4s);
  CHECK(server.log().find("edict serve: stopped") != std::string::npos);
}

TEST_CASE("serve refuses to start on a broken ruleset or a bad address", "[serve][e2e]") {
  const std::string out = runEdict({"serve", "-r", "tests/e2e/data/typo.edict"});
  CHECK(out.empty());
  const std::string command = std::string("cd ") + EDICT_SOURCE_DIR + " && " + EDICT_BINARY +
                              " serve -r tests/e2e/data/typo.edict 2>&1; echo \"exit $?\"";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string text;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, n);
  CHECK(text.find("error[E0005]") != std::string::npos);
  CHECK(text.find("cannot be used (see above); nothing is in service") != std::string::npos);
  CHECK(text.find("exit 2") != std::string::npos);
}
