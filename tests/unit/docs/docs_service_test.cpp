// docs/service.md documents every endpoint, header and metric the service
// answers with (docs_cli_test covers the options of `edict serve`).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace {

std::string readDoc(const std::string& name) {
  std::ifstream in(std::string(EDICT_SOURCE_DIR) + "/docs/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

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
