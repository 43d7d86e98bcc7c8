// The pair filter in the JIT's path (the evaluator skips pairs the filter
// rejects, the host lookup asks it first) against the interpreter, which
// asks the table about every pair: random pair tables of NCCI's shapes
// (codes with many partners and with none, rows deleted, re-added, not yet
// in force, indicators 0, 1 and 9) and random claims over their codes must
// give the same edits on both engines.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "support/engines.h"
#include "support/scratch.h"

using namespace edict;

namespace {

/// 60 codes of two families and a few popular ones: 97010-97039, 98940-98959
/// and 99211-99220.
std::vector<std::string> codePool() {
  std::vector<std::string> codes;
  for (int c = 97010; c < 97040; ++c) codes.push_back(std::to_string(c));
  for (int c = 98940; c < 98960; ++c) codes.push_back(std::to_string(c));
  for (int c = 99211; c < 99221; ++c) codes.push_back(std::to_string(c));
  return codes;
}

/// A CSV pair table: the popular codes are column 2 of nearly every code,
/// the first family's codes pair within the family, the last five codes of
/// the second family have no partner at all; each pair has one to three
/// rows of non-overlapping dates.
std::string randomTable(std::mt19937& rng, const std::vector<std::string>& codes) {
  std::string csv = "column1,column2,indicator,effective,deletion,rationale\n";
  std::uniform_int_distribution<int> percent(0, 99);
  const auto indicator = [&] {
    const int p = percent(rng);
    return p < 70 ? "1" : p < 90 ? "0" : "9";
  };
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& c1 : codes)
    for (const auto& c2 : codes) {
      if (c1 == c2 || c1 >= "98955" || (c2 >= "98955" && c2 < "99211")) continue;
      const bool popular = c2 >= "99211";
      const bool family = c1.substr(0, 3) == c2.substr(0, 3);
      if (!(popular ? percent(rng) < 90 : family && percent(rng) < 40)) continue;
      pairs.insert({c1, c2});
    }
  for (const auto& [c1, c2] : pairs) {
    switch (percent(rng) % 5) {
      case 0:  // deleted before the claims' dates
        csv += fmt::format("{},{},{},2015-01-01,2019-12-31,Old\n", c1, c2, indicator());
        break;
      case 1:  // not yet in force
        csv += fmt::format("{},{},{},2031-01-01,,Future\n", c1, c2, indicator());
        break;
      case 2:  // deleted, then added again
        csv += fmt::format("{},{},{},2020-01-01,2024-12-31,First\n", c1, c2, indicator());
        csv += fmt::format("{},{},{},2025-07-01,,Again\n", c1, c2, indicator());
        break;
      default: csv += fmt::format("{},{},{},2020-01-01,,Standing\n", c1, c2, indicator());
    }
  }
  return csv;
}

std::string randomClaims(std::mt19937& rng, const std::vector<std::string>& codes, int count) {
  std::uniform_int_distribution<std::size_t> code(0, codes.size() - 1);
  std::uniform_int_distribution<int> lines(1, 8);
  std::uniform_int_distribution<int> percent(0, 99);
  const std::vector<std::string> dates = {"2019-06-03", "2024-03-04", "2025-03-04", "2026-11-02",
                                          "2026-11-03"};
  const std::vector<std::string> modifiers = {"", R"("59")", R"("LT")", R"("RT")", R"("XS")"};
  std::string jsonl;
  for (int c = 0; c < count; ++c) {
    const int n = lines(rng);
    const std::string& first = dates[static_cast<std::size_t>(percent(rng)) % dates.size()];
    std::vector<std::string> parts;
    for (int l = 0; l < n; ++l) {
      const std::string& date =
          percent(rng) < 80 ? first : dates[static_cast<std::size_t>(percent(rng)) % dates.size()];
      const std::string& modifier =
          percent(rng) < 70 ? modifiers[0]
                            : modifiers[static_cast<std::size_t>(percent(rng)) % modifiers.size()];
      parts.push_back(fmt::format(R"({{"code":"{}","modifiers":[{}],"units":1,"date":"{}"}})",
                                  codes[code(rng)], modifier, date));
    }
    jsonl += fmt::format(R"({{"id":"C{}","lines":[{}]}})", c, fmt::join(parts, ",")) + "\n";
  }
  return jsonl;
}

}  // namespace

TEST_CASE("the JIT's filtered pair lookups agree with the interpreter's plain ones",
          "[differential][pair][table]") {
  const std::vector<std::string> codes = codePool();
  std::size_t tableEdits = 0;
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    std::mt19937 rng(seed);
    testing::ScratchDir dir("pair-filter");
    dir.write("ptp.csv", randomTable(rng, codes));
    dir.write("filtered.edict",
              "ruleset filtered version \"1\"\npairs from \"ptp.csv\" bypass 59 XS LT RT\n");
    diag::DiagnosticSink sink;
    auto compiled = driver::compileFile((dir.path() / "filtered.edict").string(), sink);
    INFO((sink.all().empty() ? "" : sink.all().front().message));
    REQUIRE(compiled.program);
    // evaluateBoth REQUIREs the interpreter's edits and the JIT's to be equal.
    for (const model::Edit& e : testing::evaluateBoth(
             *compiled.program, testing::claimsFromJsonl(randomClaims(rng, codes, 400))))
      tableEdits += e.rule.starts_with("ptp_") ? 1 : 0;
  }
  CHECK(tableEdits > 100);  // the tables did fire: the agreement is not vacuous
}
