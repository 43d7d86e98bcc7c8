// Behaviour of `pair` edits (NCCI PTP), run on both back ends.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support/engines.h"

using edict::testing::claimsFromJsonl;
using edict::testing::compileOrFail;
using edict::testing::evaluateBoth;

namespace {

const char* const kHeader = "ruleset t version \"1\"\n";

/// One claim, two lines on `date` (first 97140 with `mods1`, then 97530 with `mods2`).
std::string twoLineClaim(const std::string& mods1, const std::string& mods2,
                         const std::string& date = "2026-11-02") {
  return fmt::format(
      R"({{"id":"C","provider":{{"npi":"1"}},"lines":[{{"code":"97140","modifiers":[{}],"date":"{}"}},{{"code":"97530","modifiers":[{}],"date":"{}"}}]}})",
      mods1, date, mods2, date);
}

std::size_t editCount(const std::string& pair, const std::string& claim) {
  auto program = compileOrFail(std::string(kHeader) + pair);
  return evaluateBoth(program, claimsFromJsonl(claim)).size();
}

}  // namespace

TEST_CASE("column 2 is denied when both codes are billed the same day", "[pair]") {
  auto program =
      compileOrFail(std::string(kHeader) +
                    "pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n");
  auto edits = evaluateBoth(program, claimsFromJsonl(twoLineClaim(R"("GP")", R"("GP")")));
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].line == 2u);
  CHECK(edits[0].rule == "ptp_97140_97530");
  CHECK(edits[0].action == edict::model::Action::Deny);
  CHECK(edits[0].reason == "CO-236");
  CHECK(edits[0].relatedLines == std::vector<std::uint32_t>{1});
  CHECK(edits[0].ruleset == "t");
  CHECK(edits[0].version == "1");
}

TEST_CASE("indicator 1 is bypassed by 59 or an X modifier on either line", "[pair]") {
  const std::string pair = "pair 97140 97530 modifier allowed since 2020-01-01\n";
  for (const char* m : {"59", "XE", "XS", "XP", "XU"}) {
    INFO(m);
    CHECK(editCount(pair, twoLineClaim(fmt::format(R"("{}")", m), R"("GP")")) == 0);
    CHECK(editCount(pair, twoLineClaim(R"("GP")", fmt::format(R"("{}")", m))) == 0);
  }
  CHECK(editCount(pair, twoLineClaim(R"("GP")", R"("GP")")) == 1);
}

TEST_CASE("indicator 1 in numeric form behaves like `modifier allowed`", "[pair]") {
  CHECK(editCount("pair 97140 97530 indicator 1 since 2020-01-01\n", twoLineClaim(R"("59")", "")) ==
        0);
  CHECK(editCount("pair 97140 97530 indicator 1 since 2020-01-01\n", twoLineClaim("", "")) == 1);
}

TEST_CASE("indicator 0 is never bypassed", "[pair]") {
  for (const char* pair : {"pair 97140 97530 modifier not allowed since 2020-01-01\n",
                           "pair 97140 97530 indicator 0 since 2020-01-01\n"}) {
    CHECK(editCount(pair, twoLineClaim(R"("59")", R"("XU")")) == 1);
    CHECK(editCount(pair, twoLineClaim(R"("LT")", R"("RT")")) == 1);
  }
}

TEST_CASE("indicator 9 never fires", "[pair]") {
  CHECK(editCount("pair 97140 97530 modifier not applicable since 2020-01-01\n",
                  twoLineClaim("", "")) == 0);
  CHECK(editCount("pair 97140 97530 indicator 9 since 2020-01-01\n", twoLineClaim("", "")) == 0);
}

TEST_CASE("the row applies from its effective date through its deletion date", "[pair][dates]") {
  const std::string pair = "pair 97140 97530 indicator 0 since 2024-01-01 until 2024-12-31\n";
  CHECK(editCount(pair, twoLineClaim("", "", "2023-12-31")) == 0);
  CHECK(editCount(pair, twoLineClaim("", "", "2024-01-01")) == 1);
  CHECK(editCount(pair, twoLineClaim("", "", "2024-12-31")) == 1);
  CHECK(editCount(pair, twoLineClaim("", "", "2025-01-01")) == 0);
}

TEST_CASE("the row in force on the date of service decides, not the latest row", "[pair][dates]") {
  // Indicator 0 until 2024, then 1: a 59 bypasses only on later dates.
  const std::string rows =
      "pair 97140 97530 indicator 0 since 2020-01-01 until 2024-12-31\n"
      "pair 97140 97530 indicator 1 since 2025-01-01\n";
  CHECK(editCount(rows, twoLineClaim(R"("59")", "", "2024-06-01")) == 1);
  CHECK(editCount(rows, twoLineClaim(R"("59")", "", "2025-06-01")) == 0);
  CHECK(editCount(rows, twoLineClaim("", "", "2025-06-01")) == 1);
}

TEST_CASE("anatomic modifiers bypass only when they name different sites", "[pair][anatomic]") {
  const std::string pair = "pair 97140 97530 modifier allowed since 2020-01-01\n";
  CHECK(editCount(pair, twoLineClaim(R"("LT")", R"("RT")")) == 0);
  CHECK(editCount(pair, twoLineClaim(R"("RT")", R"("LT")")) == 0);
  CHECK(editCount(pair, twoLineClaim(R"("F1")", R"("F2")")) == 0);
  CHECK(editCount(pair, twoLineClaim(R"("LT")", R"("LT")")) == 1);
  CHECK(editCount(pair, twoLineClaim(R"("LT")", "")) == 1);
  CHECK(editCount(pair, twoLineClaim("", R"("RT")")) == 1);
  CHECK(editCount(pair, twoLineClaim(R"("LT","RT")", R"("RT")")) == 1);
}

TEST_CASE("a custom bypass list replaces the NCCI modifiers", "[pair]") {
  const std::string pair =
      "modifiers region = 59 XS\n"
      "pair 98941 97140 modifier allowed since 2020-01-01 bypass region\n";
  auto claim = [](const char* mods) {
    return fmt::format(
        R"({{"id":"C","lines":[{{"code":"98941","date":"2026-11-03"}},{{"code":"97140","modifiers":[{}],"date":"2026-11-03"}}]}})",
        mods);
  };
  CHECK(editCount(pair, claim(R"("XS")")) == 0);
  CHECK(editCount(pair, claim(R"("59")")) == 0);
  CHECK(editCount(pair, claim(R"("XE")")) == 1);
  CHECK(editCount(pair, claim(R"("LT")")) == 1);
}

TEST_CASE("different dates or providers are not the same visit", "[pair]") {
  const std::string pair = "pair 97140 97530 indicator 0 since 2020-01-01\n";
  CHECK(
      editCount(
          pair,
          R"({"id":"C","lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-03"}]})") ==
      0);
  CHECK(
      editCount(
          pair,
          R"({"id":"C","lines":[{"code":"97140","date":"2026-11-02","provider":{"npi":"1"}},{"code":"97530","date":"2026-11-02","provider":{"npi":"2"}}]})") ==
      0);
  CHECK(
      editCount(
          pair,
          R"({"id":"C","provider":{"npi":"1"},"lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02","provider":{"npi":"1"}}]})") ==
      1);
}

TEST_CASE("the pair is directional: only column 2 is denied", "[pair]") {
  auto program =
      compileOrFail(std::string(kHeader) + "pair 97140 97530 indicator 0 since 2020-01-01\n");
  auto edits = evaluateBoth(
      program,
      claimsFromJsonl(
          R"({"id":"C","lines":[{"code":"97530","date":"2026-11-02"},{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})"));
  REQUIRE(edits.size() == 2);
  CHECK(edits[0].line == 1u);
  CHECK(edits[1].line == 3u);
  CHECK(edits[0].relatedLines == std::vector<std::uint32_t>{2});
}

TEST_CASE("reason and id can be overridden", "[pair]") {
  auto program =
      compileOrFail(std::string(kHeader) +
                    "pair 97140 97530 indicator 0 since 2020-01-01 reason CO-97 id mutex\n");
  auto edits = evaluateBoth(program, claimsFromJsonl(twoLineClaim("", "")));
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].reason == "CO-97");
  CHECK(edits[0].rule == "mutex");
}

namespace {

/// "line:rule" per edit of a claim of 97140 and 97530 (no modifier, then
/// `mods2` on 97530) under an extension of tests/data/pairs/base_pairs.edict.
std::vector<std::string> reversedEdits(const std::string& statements,
                                       const std::string& mods2 = "") {
  const auto program =
      compileOrFail("ruleset payer version \"1\"\nextends \"base_pairs.edict\"\n" + statements,
                    std::string(EDICT_TEST_DATA) + "/pairs/payer.edict");
  std::vector<std::string> out;
  for (const auto& e : evaluateBoth(program, claimsFromJsonl(twoLineClaim("", mods2))))
    out.push_back(fmt::format("{}:{}", *e.line, e.rule));
  return out;
}

}  // namespace

TEST_CASE("a pair that reverses an inherited one wins over it", "[pair][layering]") {
  using Edits = std::vector<std::string>;
  // Inherited alone: column 2 (97530, line 2) is denied.
  CHECK(reversedEdits("") == Edits{"2:ptp_97140_97530"});
  // Reversed here, with or without `override`: only 97140 (line 1) is denied.
  CHECK(reversedEdits("pair 97530 97140 modifier not allowed since 2020-01-01\n") ==
        Edits{"1:ptp_97530_97140"});
  CHECK(reversedEdits("override pair 97530 97140 modifier not allowed since 2020-01-01\n") ==
        Edits{"1:ptp_97530_97140"});
  // Both directions on purpose: both lines, unless a modifier bypasses one.
  CHECK(reversedEdits("pair 97530 97140 modifier not allowed since 2020-01-01 keep reverse\n") ==
        (Edits{"1:ptp_97530_97140", "2:ptp_97140_97530"}));
  CHECK(reversedEdits("pair 97530 97140 modifier not allowed since 2020-01-01 keep reverse\n",
                      R"("59")") == Edits{"1:ptp_97530_97140"});
  // A reversed pair whose dates do not meet the inherited one's leaves it.
  CHECK(
      reversedEdits("pair 97530 97140 modifier not allowed since 2019-01-01 until 2019-12-31\n") ==
      Edits{"2:ptp_97140_97530"});
}
