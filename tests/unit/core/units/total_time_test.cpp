// CMS total time: the manual's examples, equal leftovers, and the arithmetic
// facts the allocation relies on, checked exhaustively on small inputs.
#include <catch2/catch.hpp>

#include <map>

#include "core/units/allocation.h"
#include "core/units/timing_check.h"
#include "core/units/unit_table.h"

using namespace edict;
using units::Allocation;
using units::CodeMinutes;
using units::CodeUnits;
using units::Why;

namespace {

model::Code code(const char* text) {
  return *model::Code::parse(text);
}

Allocation totalTime(std::initializer_list<std::pair<const char*, int>> minutes) {
  std::vector<CodeMinutes> codes;
  for (auto [c, m] : minutes) codes.push_back({code(c), m, 1});
  std::sort(codes.begin(), codes.end(),
            [](const CodeMinutes& a, const CodeMinutes& b) { return a.code < b.code; });
  return units::allocateTotalTime(codes);
}

std::int64_t unitsOf(const Allocation& a, const char* c) {
  return a.find(code(c))->units;
}

bool correct(const Allocation& a, std::initializer_list<std::pair<const char*, int>> billed) {
  std::vector<CodeUnits> b;
  for (auto [c, u] : billed) b.push_back({code(c), u});
  return units::isCorrect(a, b);
}

}  // namespace

TEST_CASE("seed example: 24 + 23 minutes = 3 units, 2 to 97112", "[units][total]") {
  const Allocation a = totalTime({{"97112", 24}, {"97110", 23}});
  CHECK(a.totalMinutes == 47);
  CHECK(a.totalUnits == 3);
  CHECK(a.fullUnits == 2);
  CHECK(a.remainingUnits == 1);
  CHECK(a.threshold == 9);
  CHECK_FALSE(a.ambiguous);
  CHECK(unitsOf(a, "97112") == 2);
  CHECK(unitsOf(a, "97110") == 1);
  CHECK(a.find(code("97112"))->why == Why::LargestLeftover);
  CHECK(a.find(code("97110"))->why == Why::SmallerLeftover);
  CHECK(correct(a, {{"97112", 2}, {"97110", 1}}));
  CHECK_FALSE(correct(a, {{"97112", 1}, {"97110", 2}}));
  CHECK_FALSE(correct(a, {{"97112", 3}}));
  CHECK_FALSE(correct(a, {{"97112", 2}, {"97110", 1}, {"97140", 1}}));
  CHECK(correct(a, {{"97112", 2}, {"97110", 1}, {"97140", 0}}));
}

TEST_CASE("the manual's other examples", "[units][total]") {
  SECTION("20 + 20 minutes: 3 units, either code takes 2") {
    const Allocation a = totalTime({{"97112", 20}, {"97110", 20}});
    CHECK(a.totalUnits == 3);
    CHECK(a.ambiguous);
    CHECK(unitsOf(a, "97110") == 2);  // canonical: lowest code first
    CHECK(unitsOf(a, "97112") == 1);
    CHECK(a.find(code("97110"))->why == Why::TieWon);
    CHECK(a.find(code("97112"))->why == Why::TieLost);
    CHECK(correct(a, {{"97110", 2}, {"97112", 1}}));
    CHECK(correct(a, {{"97110", 1}, {"97112", 2}}));
    CHECK_FALSE(correct(a, {{"97110", 3}, {"97112", 0}}));
    CHECK_FALSE(correct(a, {{"97110", 2}, {"97112", 2}}));
  }
  SECTION("33 + 7 minutes: 3 units, the 7-minute code takes the third") {
    const Allocation a = totalTime({{"97110", 33}, {"97140", 7}});
    CHECK(a.totalUnits == 3);
    CHECK(unitsOf(a, "97110") == 2);
    CHECK(unitsOf(a, "97140") == 1);
    CHECK(correct(a, {{"97110", 2}, {"97140", 1}}));
    CHECK_FALSE(correct(a, {{"97110", 3}}));
  }
  SECTION("18 + 13 + 10 + 8 minutes: 3 units, the smallest leftover gets none") {
    const Allocation a = totalTime({{"97110", 18}, {"97140", 13}, {"97116", 10}, {"97035", 8}});
    CHECK(a.totalMinutes == 49);
    CHECK(a.totalUnits == 3);
    CHECK(a.remainingUnits == 2);
    CHECK(unitsOf(a, "97110") == 1);
    CHECK(unitsOf(a, "97140") == 1);
    CHECK(unitsOf(a, "97116") == 1);
    CHECK(unitsOf(a, "97035") == 0);
    CHECK_FALSE(a.ambiguous);
    CHECK(correct(a, {{"97110", 1}, {"97140", 1}, {"97116", 1}}));
    CHECK_FALSE(correct(a, {{"97110", 1}, {"97140", 1}, {"97035", 1}}));
  }
  SECTION("7 + 7 + 7 minutes: 1 unit, for any one of them") {
    const Allocation a = totalTime({{"97112", 7}, {"97110", 7}, {"97140", 7}});
    CHECK(a.totalUnits == 1);
    CHECK(a.ambiguous);
    CHECK(unitsOf(a, "97110") == 1);
    for (const char* c : {"97110", "97112", "97140"}) CHECK(correct(a, {{c, 1}}));
    CHECK_FALSE(correct(a, {{"97110", 1}, {"97112", 1}}));
    CHECK_FALSE(correct(a, {}));
  }
}

TEST_CASE("equal leftovers: two codes of 8 minutes make one unit, either may take it",
          "[units][total]") {
  const Allocation a = totalTime({{"97530", 8}, {"97110", 8}});
  CHECK(a.totalUnits == 1);
  CHECK(a.ambiguous);
  CHECK(correct(a, {{"97530", 1}, {"97110", 0}}));
  CHECK(correct(a, {{"97110", 1}}));
  CHECK_FALSE(correct(a, {{"97110", 1}, {"97530", 1}}));

  // Billing the non-canonical choice is not reduced; billing both reduces one.
  const auto keep = units::allowedUnits(a, std::vector<CodeUnits>{{code("97530"), 1}});
  CHECK(keep == std::vector<CodeUnits>{{code("97110"), 0}, {code("97530"), 1}});
  const auto both =
      units::allowedUnits(a, std::vector<CodeUnits>{{code("97530"), 1}, {code("97110"), 1}});
  CHECK(both == std::vector<CodeUnits>{{code("97110"), 1}, {code("97530"), 0}});
}

TEST_CASE("codes below 8 minutes count toward the total", "[units][total]") {
  const Allocation a = totalTime({{"97110", 5}, {"97140", 4}});
  CHECK(a.totalMinutes == 9);
  CHECK(a.totalUnits == 1);
  CHECK(unitsOf(a, "97110") == 1);
  CHECK(unitsOf(a, "97140") == 0);
  CHECK_FALSE(a.ambiguous);
  // Alone, neither would be billable.
  const std::vector<CodeMinutes> alone = {{code("97110"), 5, 1}, {code("97140"), 4, 1}};
  CHECK(units::allocatePerCode(alone).totalUnits == 0);
}

TEST_CASE("zero minutes and no codes give no units", "[units][total]") {
  const Allocation none = units::allocateTotalTime({});
  CHECK(none.totalUnits == 0);
  CHECK(none.codes.empty());
  CHECK(units::isCorrect(none, {}));

  const Allocation zero = totalTime({{"97110", 0}});
  CHECK(zero.totalUnits == 0);
  CHECK(unitsOf(zero, "97110") == 0);
  CHECK(zero.find(code("97110"))->why == Why::NoLeftover);
  CHECK(correct(zero, {{"97110", 0}}));
  CHECK_FALSE(correct(zero, {{"97110", 1}}));
}

TEST_CASE("whole blocks: 30 + 15 minutes leave nothing to assign", "[units][total]") {
  const Allocation a = totalTime({{"97110", 30}, {"97112", 15}});
  CHECK(a.totalUnits == 3);
  CHECK(a.remainingUnits == 0);
  CHECK(a.find(code("97110"))->why == Why::NoLeftover);
  const Allocation b = totalTime({{"97110", 31}, {"97112", 16}});  // 47: 3 units, 2 leftovers of 1
  CHECK(b.remainingUnits == 0);
  CHECK(b.find(code("97110"))->why == Why::NoRemainingUnits);
  CHECK(correct(b, {{"97110", 2}, {"97112", 1}}));
}

// The definition of "correct" in the brief, written independently of the
// threshold logic: full units plus at most one, the right total, and no code
// left without an extra unit while one with a smaller leftover has one.
bool bruteForceCorrect(const std::vector<CodeMinutes>& codes, const std::vector<int>& billed) {
  std::int64_t total = 0;
  for (const auto& c : codes) total += c.minutes;
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::int64_t extra = billed[i] - codes[i].minutes / 15;
    if (extra < 0 || extra > 1) return false;
    if (extra == 1 && codes[i].minutes % 15 == 0) return false;
    sum += billed[i];
  }
  if (sum != units::unitsForMinutes(total)) return false;
  for (std::size_t i = 0; i < codes.size(); ++i)
    for (std::size_t j = 0; j < codes.size(); ++j) {
      const bool iExtra = billed[i] > codes[i].minutes / 15;
      const bool jExtra = billed[j] > codes[j].minutes / 15;
      if (iExtra && !jExtra && codes[i].minutes % 15 < codes[j].minutes % 15) return false;
    }
  return true;
}

TEST_CASE("remaining units never outnumber codes with leftovers (exhaustive)", "[units][total]") {
  // Every combination of up to 4 codes with 0..40 minutes (step 1 for two
  // codes, coarser for more) — the proof in allocation.h, checked.
  const model::Code c[] = {code("97110"), code("97112"), code("97140"), code("97530")};
  auto check = [&](const std::vector<CodeMinutes>& codes) {
    const Allocation a = units::allocateTotalTime(codes);
    std::int64_t withLeftover = 0;
    std::int64_t sum = 0;
    for (const auto& s : a.codes) {
      withLeftover += s.leftover > 0;
      sum += s.units;
      REQUIRE(s.units >= s.fullUnits);
      REQUIRE(s.units <= s.fullUnits + 1);
    }
    REQUIRE(a.remainingUnits >= 0);
    REQUIRE(a.remainingUnits <= withLeftover);
    REQUIRE(sum == a.totalUnits);
    REQUIRE(a.totalUnits == units::unitsForMinutes(a.totalMinutes));
    // The canonical allocation is correct, and isCorrect agrees with the
    // independent definition on every assignment of full or full+1 units.
    std::vector<CodeUnits> canonical;
    for (const auto& s : a.codes) canonical.push_back({s.code, s.units});
    REQUIRE(units::isCorrect(a, canonical));
    const std::size_t n = codes.size();
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
      std::vector<int> billed(n);
      std::vector<CodeUnits> b;
      for (std::size_t i = 0; i < n; ++i) {
        billed[i] = static_cast<int>(codes[i].minutes / 15) + ((mask >> i) & 1);
        b.push_back({codes[i].code, billed[i]});
      }
      INFO("mask " << mask);
      REQUIRE(units::isCorrect(a, b) == bruteForceCorrect(codes, billed));
      // A correct billing is never reduced.
      if (units::isCorrect(a, b)) {
        const auto allowed = units::allowedUnits(a, b);
        for (std::size_t i = 0; i < n; ++i) REQUIRE(allowed[i].units == b[i].units);
      }
    }
  };
  for (int m0 = 0; m0 <= 40; ++m0)
    for (int m1 = 0; m1 <= 40; ++m1) check({{c[0], m0, 1}, {c[1], m1, 1}});
  for (int m0 = 0; m0 <= 30; m0 += 1)
    for (int m1 = 0; m1 <= 30; m1 += 2)
      for (int m2 = 0; m2 <= 30; m2 += 3)
        for (int m3 = 1; m3 <= 14; m3 += 4)
          check({{c[0], m0, 1}, {c[1], m1, 1}, {c[2], m2, 1}, {c[3], m3, 1}});
}

TEST_CASE("many codes with 14-minute leftovers", "[units][total]") {
  // k leftovers of 14 minutes: floor((14k + 7) / 15) remaining units, which
  // equals k for k <= 7; with 8 codes one code goes without.
  for (int k = 1; k <= 9; ++k) {
    std::vector<CodeMinutes> codes;
    for (int i = 0; i < k; ++i)
      codes.push_back({model::Code{static_cast<std::uint32_t>(i + 1)}, 14, 1});
    const Allocation a = units::allocateTotalTime(codes);
    INFO(k << " codes");
    CHECK(a.remainingUnits == (14 * k + 7) / 15);
    CHECK(a.remainingUnits <= k);
    CHECK(a.ambiguous == (a.remainingUnits < k));
  }
}

// The canonical allocation as docs/timed_units.md states it, written the
// plain way (sort the codes with a leftover, largest first, equal leftovers
// in code order, and give the first `remaining` of them a unit), against
// allocateTotalTime(), which counts leftovers instead so as not to sort.
std::vector<std::int64_t> canonicalBySorting(const std::vector<CodeMinutes>& codes) {
  std::int64_t total = 0;
  std::int64_t full = 0;
  std::vector<std::int64_t> out;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    total += codes[i].minutes;
    full += codes[i].minutes / 15;
    out.push_back(codes[i].minutes / 15);
    if (codes[i].minutes % 15 > 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return codes[x].minutes % 15 > codes[y].minutes % 15;
  });
  const std::int64_t remaining = units::unitsForMinutes(total) - full;
  for (std::int64_t k = 0; k < remaining; ++k) ++out[order[static_cast<std::size_t>(k)]];
  return out;
}

TEST_CASE("the canonical allocation is the sorted definition's (exhaustive)", "[units][total]") {
  // Codes passed in code order, as poolMinutes() gives them: every leftover
  // pattern of up to 5 codes with 0..29 minutes (coarser as codes are added).
  const model::Code c[] = {code("97110"), code("97112"), code("97116"), code("97140"),
                           code("97530")};
  Allocation reused;  // one buffer for every case, as the evaluator's cache does
  auto check = [&](const std::vector<CodeMinutes>& codes) {
    const std::vector<std::int64_t> expected = canonicalBySorting(codes);
    const Allocation fresh = units::allocateTotalTime(codes);
    units::allocateTotalTime(codes, reused);
    REQUIRE(fresh.codes.size() == codes.size());
    REQUIRE(reused.codes.size() == codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
      INFO("code " << i);
      REQUIRE(fresh.codes[i].units == expected[i]);
      REQUIRE(reused.codes[i].units == expected[i]);
      REQUIRE(reused.codes[i].why == fresh.codes[i].why);
    }
    REQUIRE(reused.threshold == fresh.threshold);
    REQUIRE(reused.ambiguous == fresh.ambiguous);
    REQUIRE(reused.remainingUnits == fresh.remainingUnits);
  };
  for (int m0 = 0; m0 < 30; ++m0)
    for (int m1 = 0; m1 < 30; ++m1)
      for (int m2 = 0; m2 < 30; m2 += 2) check({{c[0], m0, 1}, {c[1], m1, 1}, {c[2], m2, 1}});
  for (int m0 = 0; m0 < 30; m0 += 2)
    for (int m1 = 0; m1 < 30; m1 += 3)
      for (int m2 = 0; m2 < 30; m2 += 3)
        for (int m3 = 1; m3 < 30; m3 += 4)
          for (int m4 = 0; m4 < 15; m4 += 5)
            check({{c[0], m0, 1}, {c[1], m1, 1}, {c[2], m2, 1}, {c[3], m3, 1}, {c[4], m4, 1}});
  // Fewer codes after more: nothing of the larger day may be left behind.
  check({{c[0], 8, 1}});
  check({});
}
