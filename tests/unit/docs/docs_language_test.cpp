// Every example of docs/language.md is a test: each ```edict block compiles
// without errors, and its ```claims, run on both engines, give exactly its
// ```edits (one line per edit: claim, line, action, rule, reason, units).
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "support/engines.h"

namespace {

struct Example {
  std::size_t line = 0;
  std::string ruleset;
  std::string claims;
  std::optional<std::string> edits;
};

std::vector<Example> examplesOf(const std::string& path) {
  std::ifstream in(path);
  std::vector<Example> examples;
  std::string text;
  std::string block;
  std::string* target = nullptr;
  std::size_t number = 0;
  bool inBlock = false;
  while (std::getline(in, text)) {
    ++number;
    if (!inBlock && text.rfind("```", 0) == 0) {
      const std::string kind = text.substr(3);
      inBlock = true;
      target = nullptr;
      if (kind == "edict") {
        examples.push_back(Example{number, {}, {}, std::nullopt});
        target = &examples.back().ruleset;
      } else if (kind == "claims" && !examples.empty()) {
        target = &examples.back().claims;
      } else if (kind == "edits" && !examples.empty()) {
        examples.back().edits = std::string();
        target = &*examples.back().edits;
      }
      continue;
    }
    if (inBlock && text.rfind("```", 0) == 0) {
      inBlock = false;
      continue;
    }
    if (inBlock && target != nullptr) *target += text + "\n";
  }
  return examples;
}

std::string compact(const edict::model::Edit& e) {
  std::string out =
      fmt::format("{} line {} {} {} {}", e.claimId, e.line ? std::to_string(*e.line) : "-",
                  edict::model::actionName(e.action), e.rule, e.reason.empty() ? "-" : e.reason);
  if (e.billedUnits) out += fmt::format(" units {}->{}", *e.billedUnits, *e.allowedUnits);
  return out + "\n";
}

}  // namespace

TEST_CASE("every example of docs/language.md compiles and gives its edits", "[docs]") {
  const std::string docs = std::string(EDICT_SOURCE_DIR) + "/docs/";
  const auto examples = examplesOf(docs + "language.md");
  REQUIRE(examples.size() >= 6);
  for (const Example& example : examples) {
    INFO("docs/language.md line " << example.line);
    // Compiled as if it sat in docs/, so `extends` paths resolve from there.
    const std::string path = fmt::format("{}language-example-{}.edict", docs, example.line);
    CHECK(edict::testing::diagnosticsOf(example.ruleset, path).find("error[") == std::string::npos);
    auto program = edict::testing::compileOrFail(example.ruleset, path);
    if (example.claims.empty()) continue;
    REQUIRE(example.edits.has_value());
    std::string actual;
    for (const auto& e :
         edict::testing::evaluateBoth(program, edict::testing::claimsFromJsonl(example.claims)))
      actual += compact(e);
    CHECK(actual == *example.edits);
  }
}
