// docs/cli.md documents every option of `edict serve --help`, and
// docs/service.md every endpoint the service answers.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

namespace {

std::string readDoc(const std::string& name) {
  std::ifstream in(std::string(EDICT_SOURCE_DIR) + "/docs/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string serveHelp() {
  const std::string command = std::string(EDICT_BINARY) + " serve --help";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr)
    out += buffer.data();
  return out;
}

}  // namespace

TEST_CASE("docs/cli.md covers every option of edict serve --help", "[docs][serve]") {
  const std::string doc = readDoc("cli.md");
  CHECK(doc.find("## edict serve") != std::string::npos);
  const std::string help = serveHelp();
  REQUIRE(help.find("--listen") != std::string::npos);
  const std::regex option("--[a-z][a-z-]+");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
       it != std::sregex_iterator(); ++it) {
    const std::string name = it->str();
    if (name == "--help") continue;
    INFO(name);
    CHECK(doc.find(name) != std::string::npos);
  }
}

TEST_CASE("docs/service.md describes every endpoint and metric", "[docs][serve]") {
  const std::string doc = readDoc("service.md");
  for (const char* part :
       {"POST /v1/evaluate", "GET /v1/rulesets", "POST /v1/reload", "/healthz", "/readyz",
        "GET /metrics", "SIGHUP", "SIGTERM", "edict_http_requests_total",
        "edict_http_request_duration_seconds", "edict_claims_total", "edict_edits_total",
        "edict_reloads_total", "edict_catalogue_generation", "edict_ruleset_info",
        "edict_catalogues_alive", "edict_rulesets_alive", "Edict-Catalogue-Generation"}) {
    INFO(part);
    CHECK(doc.find(part) != std::string::npos);
  }
}
