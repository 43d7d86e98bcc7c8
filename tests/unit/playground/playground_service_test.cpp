// The playground's endpoints on edict's HTTP server, in process, over real
// loopback sockets: the page and its scripts from the binary with their
// policy; the JSON endpoints; every bad request answered with a JSON error
// that says what is wrong (not JSON, a field missing, too many claims, a
// body over the limit, a request of another host or origin).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "playground/assets.h"
#include "playground/playground_service.h"
#include "runtime/write/jsonl_writer.h"
#include "service/http/client.h"
#include "support/scratch.h"

using edict::http::Client;
using edict::http::Reply;
using edict::playground::PlaygroundService;
using Json = nlohmann::json;

namespace {

const std::string kTherapy = "rulesets/cms/therapy.edict";

/// A playground on a free port, over the shipped ruleset and sample claims,
/// that takes bodies of 256 KiB and runs 10 claims at most.
struct Playground {
  Playground()
      : workspace({{kTherapy, edict::testing::fileText(kTherapy)},
                   {"samples/claims.jsonl", edict::testing::fileText("samples/claims.jsonl")}},
                  "interp"),
        server(options()),
        service(workspace, runner, server, 10) {
    std::string error;
    REQUIRE(server.bind(error));
    client = std::make_unique<Client>("127.0.0.1", server.port());
    thread = std::thread([this] { server.serve(); });
  }
  ~Playground() {
    server.stop();
    thread.join();
  }
  static edict::http::ServerOptions options() {
    edict::http::ServerOptions o;
    o.port = 0;
    o.threads = 2;
    o.maxBody = 256 << 10;
    return o;
  }
  Reply send(const std::string& method, const std::string& target, const std::string& body = "") {
    Reply reply;
    std::string error;
    INFO(error);
    REQUIRE(client->send(method, target, body, reply, error));
    return reply;
  }

  edict::playground::Workspace workspace;
  edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner{format, {1, 16}};
  edict::http::Server server;
  PlaygroundService service;
  std::unique_ptr<Client> client;
  std::thread thread;
};

/// Sends `request` as it is to 127.0.0.1:`port`; all that comes back.
std::string rawExchange(int port, const std::string& request) {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(send(s, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size()));
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = recv(s, buffer, sizeof buffer, 0)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(n));
  close(s);
  return answer;
}

std::string errorOf(const Reply& reply) {
  return Json::parse(reply.body).value("error", "");
}

}  // namespace

TEST_CASE("the playground serves its page from the binary, with a policy against the network",
          "[playground][http]") {
  Playground p;
  const Reply page = p.send("GET", "/");
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(page.body == std::string(edict::playground::findAsset("/index.html")->bytes));
  CHECK(page.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(page.header("Content-Security-Policy").find("connect-src 'self'") != std::string::npos);
  // Every asset the page names is served, and nothing is named elsewhere.
  for (const edict::playground::Asset& asset : edict::playground::assets()) {
    INFO(asset.path);
    const Reply reply = p.send("GET", std::string(asset.path));
    CHECK(reply.status == 200);
    CHECK(reply.header("Content-Type") == asset.contentType);
    // No address to load anything from (an SVG's namespace is a name).
    std::string body = reply.body;
    const std::string svg = "xmlns=\"http://www.w3.org/2000/svg\"";
    if (const std::size_t at = body.find(svg); at != std::string::npos) body.erase(at, svg.size());
    CHECK(body.find("http://") == std::string::npos);
    CHECK(body.find("https://") == std::string::npos);
    // (GCC 12 warns wrongly of overlapping copies in "\"" + path + "\"".)
    std::string quoted(1, '"');
    quoted.append(asset.path).push_back('"');
    if (asset.path != "/index.html") CHECK(page.body.find(quoted) != std::string::npos);
  }
  CHECK(p.send("GET", "/no-such-file.js").status == 404);
}

TEST_CASE("the playground's endpoints take and give JSON", "[playground][http]") {
  Playground p;
  const Json workspace = Json::parse(p.send("GET", "/api/workspace").body);
  CHECK(workspace["ruleset"]["path"] == kTherapy);
  CHECK(workspace["claims"]["path"] == "samples/claims.jsonl");
  CHECK(workspace["engine"] == "interp");
  CHECK(workspace["maxClaims"] == 10);

  const Json files{{"ruleset", workspace["ruleset"]["text"]},
                   {"claims", workspace["claims"]["text"]}};
  const Reply checked = p.send("POST", "/api/check", files.dump());
  CHECK(checked.status == 200);
  CHECK(checked.header("Content-Type") == "application/json");
  CHECK(Json::parse(checked.body)["diagnostics"] == Json::array());

  const Json ran = Json::parse(p.send("POST", "/api/run", files.dump()).body);
  CHECK(ran["ran"] == true);
  CHECK(ran["records"].get<std::string>().find("\"reason\":\"CO-236\"") != std::string::npos);

  const Json tested = Json::parse(p.send("POST", "/api/test", files.dump()).body);
  CHECK(tested["ran"] == true);
  CHECK(tested["failed"] == 0);
}

TEST_CASE("the playground answers bad requests with what is wrong", "[playground][http]") {
  Playground p;
  Reply reply = p.send("POST", "/api/check", "ruleset t");
  CHECK(reply.status == 400);
  CHECK(errorOf(reply).starts_with("the body is not JSON: "));

  // Deeply nested JSON is refused, not a stack overflow.
  reply = p.send("POST", "/api/check", std::string(100000, '[') + std::string(100000, ']'));
  CHECK(reply.status == 400);
  CHECK(errorOf(reply) == "the body must be a JSON object");

  reply = p.send("POST", "/api/check", "[\"ruleset\"]");
  CHECK(reply.status == 400);
  CHECK(errorOf(reply) == "the body must be a JSON object");

  reply = p.send("POST", "/api/check", R"({"ruleset": 3})");
  CHECK(reply.status == 400);
  CHECK(errorOf(reply) == "the body must have `ruleset`, a string: the ruleset's text");

  reply = p.send("POST", "/api/run", R"({"ruleset": ""})");
  CHECK(reply.status == 400);
  CHECK(errorOf(reply) == "the body must have `claims`, a string: the claims' text");

  // More claims than --max-claims: refused before anything runs.
  const Json many{{"ruleset", "ruleset t\n"}, {"claims", std::string(11, '\n')}};
  reply = p.send("POST", "/api/run", many.dump());
  CHECK(reply.status == 413);
  CHECK(errorOf(reply).find("at most 10 (--max-claims)") != std::string::npos);

  // A body over the server's limit.
  const Json huge{{"ruleset", std::string(300 << 10, '#')}};
  reply = p.send("POST", "/api/check", huge.dump());
  CHECK(reply.status == 413);

  CHECK(p.send("GET", "/api/check").status == 405);
  CHECK(p.send("POST", "/api/workspace", "{}").status == 405);

  // A ruleset of any bytes gets diagnostics, never a failure.
  const Json garbage{{"ruleset", std::string("\x01\x02{{{\"\n\n\xc3\xa9 rule \xf0\x9f\x98\x80")}};
  reply = p.send("POST", "/api/check", garbage.dump());
  CHECK(reply.status == 200);
  CHECK(Json::parse(reply.body)["errors"].get<int>() > 0);
}

TEST_CASE("the playground answers this machine's pages only", "[playground][http]") {
  std::string why;
  CHECK(PlaygroundService::fromThisMachine("127.0.0.1:8090", "", why));
  CHECK(PlaygroundService::fromThisMachine("localhost:8090", "http://localhost:8090", why));
  CHECK(PlaygroundService::fromThisMachine("[::1]:8090", "http://[::1]:8090", why));
  CHECK(PlaygroundService::fromThisMachine("127.1.2.3", "", why));
  CHECK_FALSE(PlaygroundService::fromThisMachine("", "", why));
  CHECK_FALSE(PlaygroundService::fromThisMachine("evil.example:8090", "", why));
  CHECK(why == "the playground answers pages of this machine only, not of `evil.example:8090`");
  CHECK_FALSE(PlaygroundService::fromThisMachine("127.0.0.1.evil.example", "", why));
  CHECK_FALSE(PlaygroundService::fromThisMachine("127.0.0.1:8090", "http://evil.example", why));
  CHECK(why == "the playground answers its own page only, not one of `http://evil.example`");
  CHECK_FALSE(PlaygroundService::fromThisMachine("127.0.0.1:8090", "null", why));
  CHECK(edict::playground::isLoopback("::1"));
  CHECK_FALSE(edict::playground::isLoopback("0.0.0.0"));
  CHECK_FALSE(edict::playground::isLoopback("10.0.0.1"));

  // Over the wire: a rebound name, and a post from another site's page.
  Playground p;
  const std::string rebound =
      rawExchange(p.server.port(),
                  "GET /api/workspace HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
  CHECK(rebound.starts_with("HTTP/1.1 403"));
  CHECK(rebound.find("\"ruleset\"") == std::string::npos);
  const std::string body = R"({"ruleset":"ruleset t\n"})";
  const std::string posted =
      rawExchange(p.server.port(),
                  "POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\n"
                  "Content-Type: text/plain\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  CHECK(posted.starts_with("HTTP/1.1 403"));
}
