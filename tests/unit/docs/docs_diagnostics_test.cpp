// docs/diagnostics.md lists every diagnostic code of the registry.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "frontend/diag/diagnostic.h"

TEST_CASE("every registered diagnostic code is documented", "[docs]") {
  std::ifstream in(std::string(EDICT_SOURCE_DIR) + "/docs/diagnostics.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
#define EDICT_DIAG(code, name, severity, summary) \
  CHECK(doc.find("| " #code " | ") != std::string::npos);
#include "frontend/diag/kinds.def"
#undef EDICT_DIAG
}

#include <simdjson.h>

#include "frontend/diag/render.h"

TEST_CASE("diagnostics render as valid JSON and SARIF", "[diagnostics]") {
  using namespace edict;
  std::vector<diag::Diagnostic> all{
      {diag::Kind::MalformedCode, "a \"b\".edict", source::Span{2, 12, 4}, "`9753` is not a code",
       std::string("write five characters")},
      {diag::Kind::UnusedSet, "a.edict", source::Span{3, 7, 5}, "the set `x` is never used",
       std::nullopt}};
  simdjson::dom::parser parser;
  simdjson::dom::element json;
  REQUIRE(parser.parse(diag::renderJson(all)).get(json) == simdjson::SUCCESS);
  CHECK(json.at(0)["code"].get_string().value() == "E0101");
  CHECK(json.at(1)["severity"].get_string().value() == "warning");
  simdjson::dom::element sarif;
  REQUIRE(parser.parse(diag::renderSarif(all, "0.1.0")).get(sarif) == simdjson::SUCCESS);
  CHECK(sarif["version"].get_string().value() == "2.1.0");
  auto results = sarif["runs"].at(0)["results"];
  CHECK(results.at(0)["ruleId"].get_string().value() == "E0101");
  CHECK(results.at(0)["locations"]
            .at(0)["physicalLocation"]["region"]["startColumn"]
            .get_int64()
            .value() == 12);
  CHECK(results.at(0)["locations"]
            .at(0)["physicalLocation"]["region"]["endColumn"]
            .get_int64()
            .value() == 16);
  CHECK(results.at(1)["level"].get_string().value() == "warning");
  CHECK(sarif["runs"].at(0)["tool"]["driver"]["rules"].get_array().size() > 40);
}
