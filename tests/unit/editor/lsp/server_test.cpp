// The language server's session (editor/lsp/server/server.h), driven message
// by message: the protocol's rules (initialize first, errors for unknown
// methods and bad parameters, nothing after shutdown), changes taken
// together, open buffers read instead of the disk, and tables read once
// however many keystrokes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "editor/lsp/document/uri.h"
#include "editor/lsp/server/server.h"
#include "support/scratch.h"

using namespace edict;
using Json = lsp::rpc::Json;
namespace fs = std::filesystem;

namespace {

struct Session {
  testing::ScratchDir scratch{"lsp-server"};
  const fs::path& dir = scratch.path();
  std::vector<Json> sent;
  std::ostringstream log;
  lsp::Server server{[this](const Json& m) { sent.push_back(m); }, log};
  int nextId = 1;

  Json request(const std::string& method, Json params) {
    const int id = nextId++;
    server.handle(
        Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    for (const Json& m : sent)
      if (m.value("id", -1) == id) return m;
    return nullptr;
  }
  void notify(const std::string& method, Json params) {
    server.handle(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  void initialize() {
    request("initialize", {{"capabilities", Json::object()}});
    notify("initialized", Json::object());
  }
  std::string uri(const std::string& name) const { return lsp::uriOfPath((dir / name).string()); }
  void open(const std::string& name, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument",
             {{"uri", uri(name)}, {"languageId", "edict"}, {"version", 1}, {"text", text}}}});
  }
  void replace(const std::string& name, int version, const std::string& text) {
    notify("textDocument/didChange", {{"textDocument", {{"uri", uri(name)}, {"version", version}}},
                                      {"contentChanges", Json::array({{{"text", text}}})}});
  }
  /// The publishDiagnostics sent, and forgets them.
  std::vector<Json> published() {
    std::vector<Json> out;
    for (const Json& m : sent)
      if (m.value("method", "") == "textDocument/publishDiagnostics") out.push_back(m["params"]);
    sent.clear();
    return out;
  }
};

int errorCode(const Json& response) {
  return response.contains("error") ? response["error"].value("code", 0) : 0;
}

}  // namespace

TEST_CASE("the protocol's order: initialize first, nothing after shutdown", "[lsp][server]") {
  Session s;
  CHECK(errorCode(s.request("textDocument/hover", Json::object())) == -32002);
  const Json init = s.request("initialize", {{"capabilities", Json::object()}});
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(init["result"]["serverInfo"]["name"] == "edict");
  CHECK(errorCode(s.request("initialize", Json::object())) == -32600);
  CHECK(errorCode(s.request("workspace/frobnicate", Json::object())) == -32601);
  CHECK(errorCode(s.request("textDocument/hover", {{"textDocument", 3}})) == -32602);
  CHECK(s.request("shutdown", nullptr)["result"].is_null());
  CHECK(errorCode(s.request("textDocument/hover", Json::object())) == -32600);
  CHECK_FALSE(s.server.exited());
  s.notify("exit", nullptr);
  CHECK(s.server.exited());
  CHECK(s.server.exitStatus() == 0);
}

TEST_CASE("exit without shutdown is status 1; junk gets an error with a null id", "[lsp][server]") {
  Session s;
  s.server.handle("not json");
  REQUIRE(s.sent.size() == 1);
  CHECK(s.sent[0]["id"].is_null());
  CHECK(errorCode(s.sent[0]) == -32700);
  s.notify("exit", nullptr);
  CHECK(s.server.exitStatus() == 1);
}

TEST_CASE("a notification about a document that is not open is logged, not fatal",
          "[lsp][server]") {
  Session s;
  s.initialize();
  s.replace("none.edict", 2, "ruleset t\n");
  s.notify("textDocument/didOpen",
           {{"textDocument", {{"uri", "untitled:1"}, {"version", 1}, {"text", ""}}}});
  CHECK(s.log.str().find("is not open") != std::string::npos);
  CHECK(s.log.str().find("not a file: URI") != std::string::npos);
  s.server.idle();
  CHECK(s.published().empty());
}

TEST_CASE("changes are taken together: one analysis, of the last version", "[lsp][server]") {
  Session s;
  s.initialize();
  s.open("t.edict", "ruleset t\ncodes a = 9711\n");
  s.replace("t.edict", 2, "ruleset t\ncodes a = 97110\n");
  s.replace("t.edict", 3,
            "ruleset t\ncodes a = 97110\nrule r: when line.code in a deny line reason CO-4\n");
  CHECK(s.published().empty());  // nothing until the client is quiet
  s.server.idle();
  const std::vector<Json> published = s.published();
  REQUIRE(published.size() == 1);
  CHECK(published[0]["version"] == 3);
  CHECK(published[0]["diagnostics"].empty());
  s.server.idle();
  CHECK(s.published().empty());  // nothing new
}

TEST_CASE("an open base is read from its buffer, and its change re-checks the files on it",
          "[lsp][server]") {
  Session s;
  s.initialize();
  std::ofstream(s.dir / "base.edict") << "ruleset base\n";
  s.open("top.edict", "ruleset top\nextends \"base.edict\"\ndisable timed_gp\n");
  s.server.idle();
  auto first = s.published();
  REQUIRE(first.size() == 1);
  CHECK(first[0]["diagnostics"][0]["code"] == "E0211");  // nothing to disable on disk
  s.open(
      "base.edict",
      "ruleset base\ncodes timed = 97110\nrequire modifier GP on timed reason CO-4 id timed_gp\n");
  s.server.idle();
  auto second = s.published();
  REQUIRE(second.size() == 2);
  for (const Json& p : second) CHECK(p["diagnostics"].empty());
  // Closing the base: the disk's text again, and its diagnostics cleared.
  s.notify("textDocument/didClose", {{"textDocument", {{"uri", s.uri("base.edict")}}}});
  s.server.idle();
  auto third = s.published();
  REQUIRE(third.size() == 2);
  CHECK(third[0]["uri"] == s.uri("base.edict"));
  CHECK(third[0]["diagnostics"].empty());
  CHECK(third[1]["diagnostics"][0]["code"] == "E0211");
}

TEST_CASE("tables are read once however many keystrokes", "[lsp][server]") {
  Session s;
  s.initialize();
  std::ofstream(s.dir / "ptp.csv") << "column1,column2,indicator,effective,deletion,rationale\n"
                                      "98940,97140,1,2020-01-01,,x\n";
  std::string text = "ruleset t\npairs from \"ptp.csv\"\n";
  s.open("t.edict", text);
  s.server.idle();
  for (int version = 2; version < 12; ++version) {
    text += "# typing\n";
    s.replace("t.edict", version, text);
    s.server.idle();
  }
  CHECK(s.published().size() == 11);
  CHECK(s.server.analyzer().tables().reads() == 1);
  CHECK(s.server.analyzer().tables().hits() == 10);
  // A hover in between needs the analysis at once, and reads no table either.
  const Json hover =
      s.request("textDocument/hover", {{"textDocument", {{"uri", s.uri("t.edict")}}},
                                       {"position", {{"line", 1}, {"character", 13}}}});
  CHECK(hover["result"]["contents"]["value"].get<std::string>().find("1 rows") !=
        std::string::npos);
  CHECK(s.server.analyzer().tables().reads() == 1);
}

TEST_CASE("while the text does not parse, hover uses the last analysis that did", "[lsp][server]") {
  Session s;
  s.initialize();
  s.open("t.edict",
         "ruleset t\ncodes timed = 97110\nrule r: when line.code in timed deny line reason CO-4\n");
  s.server.idle();  // the version that parses is analysed
  s.published();
  s.replace("t.edict", 2,
            "ruleset t\ncodes timed = 97110\nrule r: when line.code in timed deny line reason "
            "CO-4\npair\n");
  const Json hover =
      s.request("textDocument/hover", {{"textDocument", {{"uri", s.uri("t.edict")}}},
                                       {"position", {{"line", 2}, {"character", 28}}}});
  CHECK(hover["result"]["contents"]["value"].get<std::string>().find("code set `timed`") !=
        std::string::npos);
  s.server.idle();
  auto published = s.published();
  REQUIRE(published.size() == 1);
  CHECK(published[0]["diagnostics"][0]["code"] == "E0005");
}
