// Every example of docs/language.md is a test: each ```edict block compiles
// without errors and its own `test` blocks pass on both engines, and its
// ```claims, run on both engines, give exactly its ```edits (one line per
// edit: claim, line, action, rule, reason, units, prior lines). A ```history
// block's claims are judged and recorded first, one after another, and
// each claim is then judged with its patient's history.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "support/engines.h"

namespace {

struct Example {
  std::size_t line = 0;
  std::string ruleset;
  std::string history;
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
        examples.push_back(Example{number, {}, {}, {}, std::nullopt});
        target = &examples.back().ruleset;
      } else if (kind == "history" && !examples.empty()) {
        target = &examples.back().history;
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
  for (std::size_t i = 0; i < e.relatedPrior.size(); ++i)
    out += fmt::format("{}{}:{}", i == 0 ? " with " : " ", e.relatedPrior[i].claimId,
                       e.relatedPrior[i].line);
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
    for (const auto& outcome : edict::testing::runTestsBoth(program)) CHECK(outcome == "passed");
    if (example.claims.empty()) continue;
    REQUIRE(example.edits.has_value());
    edict::testing::HistoryBook book(program);
    const bool withHistory = !example.history.empty();
    for (const auto& prior : edict::testing::claimsFromJsonl(example.history)) book.record(prior);
    const auto claims = edict::testing::claimsFromJsonl(example.claims);
    std::vector<const edict::model::ClaimHistory*> histories;
    for (const auto& claim : claims) histories.push_back(withHistory ? &book.of(claim) : nullptr);
    std::string actual;
    for (const auto& e : edict::testing::evaluateBoth(program, claims, histories))
      actual += compact(e);
    CHECK(actual == *example.edits);
  }
}
