// `edict explain` with a claim history: every edit that lines of earlier
// claims made fire names them (claim, line, code, date, units), and the
// pair, daily and frequency limits show the arithmetic with them. The whole
// explanation is pinned (tests/data/explain/history.txt; EDICT_AUTOUPDATE=1
// rewrites it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "runtime/explain/explainer.h"
#include "support/engines.h"

using namespace edict;

namespace {

const char* const kRules = R"(ruleset t version "1"
pair 97140 97530 modifier allowed "Mutually exclusive procedures" since 2020-01-01
limit 97110 max 4 per day
limit 97161..97163 max 1 per 30 days
rule reevaluation_too_soon: when line.code == 97164 and history.has(97161..97163, within 30 days)
  deny line reason CO-119
)";

const char* const kClaims =
    R"({"id":"A","patient":{"id":"P1"},"provider":{"npi":"1"},"lines":[{"code":"97140","modifiers":["GP"],"date":"2026-11-02"},{"code":"97110","units":3,"date":"2026-11-02"}]}
{"id":"C","patient":{"id":"P1"},"provider":{"npi":"1"},"lines":[{"code":"97163","date":"2026-10-10"}]}
{"id":"B","patient":{"id":"P1"},"provider":{"npi":"1"},"lines":[{"code":"97530","date":"2026-11-02"},{"code":"97110","units":2,"date":"2026-11-02"},{"code":"97161","date":"2026-11-02"},{"code":"97164","date":"2026-11-02"}]}
{"id":"D","patient":{"id":"P1"},"provider":{"npi":"1"},"lines":[{"code":"97140","date":"2026-10-10"}]}
)";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("explain names the lines of earlier claims that made an edit fire",
          "[explain][history]") {
  const auto program = testing::compileOrFail(kRules);
  const auto claims = testing::claimsFromJsonl(kClaims);
  testing::HistoryBook book(program);
  book.record(claims[0]);
  book.record(claims[1]);
  model::ClaimHistory history = book.of(claims[2]);
  // D was paid a 97530 on 2026-10-10 too, as the store would give it.
  model::PriorLine& prior = history.lines.emplace_back();
  prior.claimId = std::string("E");  // not from a literal: GCC 12 -O3 warns falsely (-Wrestrict)
  prior.line = 1;
  prior.code = *model::Code::parse("97530");
  prior.date = *model::Date::parseIso("2026-10-10");
  prior.providerNpi = std::string("1");
  prior.billedUnits = prior.allowedUnits = 1;

  explain::ExplainRequest request;
  request.history = &history;
  const std::string text = explain::explainClaim(program, claims[2], request) + "\n" +
                           explain::explainClaim(program, claims[3], request);
  const std::string path = std::string(EDICT_TEST_DATA) + "/explain/history.txt";
  if (std::getenv("EDICT_AUTOUPDATE") != nullptr) std::ofstream(path) << text;
  CHECK(text == slurp(path));
  // Without a history, nothing of the earlier claims is named.
  const std::string alone = explain::explainClaim(program, claims[2], {});
  CHECK(alone.find("earlier claims") == std::string::npos);
}
