// `edict playground`'s endpoints end to end: the binary started on a free
// loopback port on the files a user would open, its answers compared with
// what the command line prints for the same files. The diagnostics are
// `edict check --format json`'s, the records `edict run`'s byte for byte,
// the tests `edict test`'s; each explanation is a part of `edict explain`'s.
#include <algorithm>
#include <catch2/catch.hpp>
#include <csignal>
#include <nlohmann/json.hpp>

#include "../serve/serve_process.h"
#include "service/http/client.h"

using edict::http::Client;
using edict::http::Reply;
using edict::testing::readText;
using edict::testing::runEdict;
using edict::testing::ServeProcess;
using Json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

const std::string kSource = EDICT_SOURCE_DIR;

/// The JSON answer of `target`, which must be 200.
Json answer(Client& client, const std::string& method, const std::string& target,
            const Json& body = nullptr) {
  Reply reply;
  std::string error;
  REQUIRE(client.send(method, target, body.is_null() ? "" : body.dump(), reply, error));
  INFO(reply.body);
  REQUIRE(reply.status == 200);
  return Json::parse(reply.body);
}

}  // namespace

TEST_CASE("the playground's diagnostics are edict check's for the same file", "[playground]") {
  const std::string typo = "tests/e2e/data/typo.edict";
  ServeProcess playground({"--ruleset", typo}, "playground");
  Client client("127.0.0.1", playground.port());
  const Json workspace = answer(client, "GET", "/api/workspace");
  CHECK(workspace["ruleset"]["path"] == typo);
  CHECK(workspace["ruleset"]["text"] == readText(kSource + "/" + typo));
  CHECK(workspace["claims"]["path"] == "samples/claims.jsonl");

  const Json checked =
      answer(client, "POST", "/api/check", {{"ruleset", workspace["ruleset"]["text"]}});
  CHECK(checked["diagnostics"] == Json::parse(runEdict({"check", "--format", "json", typo})));
  CHECK(checked["errors"] == 1);
  CHECK(checked["text"] == runEdict({"check", typo}));
  // The page is served from the binary, with its policy: nothing from elsewhere.
  Reply page;
  std::string error;
  REQUIRE(client.send("GET", "/", "", page, error));
  CHECK(page.status == 200);
  CHECK(page.body.find("<script src=\"/playground.js\"") != std::string::npos);
  CHECK(page.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
}

TEST_CASE("the playground runs a layered ruleset as edict run, test and explain do",
          "[playground]") {
  const std::string acme = "rulesets/examples/acme_commercial.edict";
  const std::string claims = "samples/acme_claims.jsonl";
  ServeProcess playground({"--ruleset", acme, "--claims", claims, "--engine", "interp"},
                          "playground");
  Client client("127.0.0.1", playground.port());
  const Json workspace = answer(client, "GET", "/api/workspace");
  const Json files{{"ruleset", workspace["ruleset"]["text"]},
                   {"claims", workspace["claims"]["text"]}};

  // The extended ruleset is read beside the opened one: the records are
  // those of `edict run` on the same files, byte for byte.
  const Json ran = answer(client, "POST", "/api/run", files);
  REQUIRE(ran["ran"] == true);
  CHECK(ran["records"] == runEdict({"run", "-r", acme, claims}));
  CHECK(ran["diagnostics"] == Json::array());
  // Each record's explanation is the part of `edict explain` about its edit.
  const std::string explained = runEdict({"explain", "-r", acme, claims});
  std::size_t records = 0;
  for (const Json& row : ran["rows"]) {
    if (row["record"].is_null()) continue;
    ++records;
    REQUIRE(row["explanation"].is_string());
    const std::string text = row["explanation"];
    const std::string edit = text.substr(text.find("\n\n") + 2);
    INFO(edit);
    CHECK(explained.find(edit) != std::string::npos);
  }
  const std::string lines = ran["records"];
  CHECK(records == static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n')));

  // The tests: `edict test`'s last line.
  const Json tested = answer(client, "POST", "/api/test", {{"ruleset", files["ruleset"]}});
  REQUIRE(tested["ran"] == true);
  const std::string printed = runEdict({"test", acme});
  CHECK(printed.ends_with(tested["summary"].get<std::string>() + "\n"));
}

TEST_CASE("docs/editors.md shows the line edict playground prints, and a signal stops it",
          "[playground][docs]") {
  ServeProcess playground({}, "playground");
  const std::string doc = readText(kSource + "/docs/editors.md");
  const std::size_t at = doc.find("\nedict playground: listening on");
  REQUIRE(at != std::string::npos);
  std::string shown = doc.substr(at + 1, doc.find('\n', at + 1) - at);
  // The page's port is the default one there, a free one here.
  const std::string port = std::to_string(playground.port());
  for (std::size_t p; (p = shown.find("8090")) != std::string::npos;) shown.replace(p, 4, port);
  CHECK(playground.log().find(shown) != std::string::npos);
  // SIGTERM (or Ctrl-C's SIGINT) stops it, with status 0.
  playground.signal(SIGTERM);
  CHECK(playground.wait(20s) == 0);
  CHECK(playground.log().find("edict playground: stopped") != std::string::npos);
}
