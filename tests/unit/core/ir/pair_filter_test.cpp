// The pair filter in front of pair-table lookups (ir::PairFilter, and
// PairTable::mayHaveRow built by buildIndex()): it never says "no row" for a
// pair that has one, whatever its dates, fan-out or indicator, so that the
// JIT's filtered lookup finds exactly what the plain lookup finds; and it
// says "no" to nearly all pairs without rows, in about 2 bytes a pair.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <tuple>
#include <utility>

#include "core/ir/pair_filter.h"
#include "core/ir/program.h"
#include "support/random_cases.h"

using namespace edict;

namespace {

void sortRows(ir::PairTable& t) {
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.column2, a.column1, a.effective) <
           std::tie(b.column2, b.column1, b.effective);
  });
}

/// A table of NCCI's shapes: one column-2 code with 6,000 column-1 partners
/// and one column-1 code with 6,000 column-2 partners (the popular codes),
/// family pairs, pairs deleted long ago or taking effect in the future, and
/// pairs of two or three rows (deleted, then added again).
ir::PairTable shapedTable(std::mt19937& rng) {
  ir::PairTable t;
  std::uniform_int_distribution<std::int32_t> day(18000, 21000);
  std::uniform_int_distribution<int> indicator(0, 2);
  const auto add = [&](std::uint32_t c1, std::uint32_t c2, std::int32_t from, std::int32_t until) {
    const int i = indicator(rng);
    t.rows.push_back({c1, c2, from, until, 0, static_cast<std::uint8_t>(i == 2 ? 9 : i)});
  };
  for (std::uint32_t k = 0; k < 6000; ++k) add(2000000u + k, 97140u, 18000, INT32_MAX);
  for (std::uint32_t k = 0; k < 6000; ++k) add(36000u, 3000000u + k, 18000, INT32_MAX);
  for (int k = 0; k < 3000; ++k) {
    const std::int32_t from = day(rng);
    const std::uint32_t c1 = testing::randomFamilyCode(rng);
    const std::uint32_t c2 = testing::randomFamilyCode(rng);
    add(c1, c2, from, from + 300);                        // in force for a while
    if (k % 4 == 0) add(c1, c2, from + 500, INT32_MAX);   // added again later
    if (k % 9 == 0) add(c1, c2, from + 900, from + 950);  // and a third time
  }
  add(4000001u, 4000002u, 100, 200);      // deleted before any claim's date
  add(4000003u, 4000004u, 30000, 30001);  // in force only in the future
  add(4000005u, 4000005u, 18000, 18000);  // a code paired with itself, one day
  sortRows(t);
  return t;
}

}  // namespace

TEST_CASE("the pair filter has no false negatives and few false positives", "[tables][pair]") {
  std::mt19937 rng(2026);
  // Column-2 codes with 1 to 5,000 partners, random or of one family.
  for (std::size_t partners : {1u, 2u, 15u, 16u, 17u, 300u, 5000u}) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rows;  // (column 2, column 1)
    for (std::uint32_t column2 = 100; column2 < 110; ++column2)
      for (std::size_t k = 0; k < partners; ++k)
        rows.emplace_back(column2, column2 % 2 == 0 ? static_cast<std::uint32_t>(rng())
                                                    : 97000u + static_cast<std::uint32_t>(k));
    std::sort(rows.begin(), rows.end());
    ir::PairFilter filter;
    filter.build(
        rows.size(), [&](std::size_t i) { return rows[i].first; },
        [&](std::size_t i) { return rows[i].second; });
    for (const auto& [column2, column1] : rows) REQUIRE(filter.mayContain(column1, column2));
    // Codes no column-2 code of the filter has: random ones and a family's.
    const std::set<std::pair<std::uint32_t, std::uint32_t>> members(rows.begin(), rows.end());
    std::size_t falsePositives = 0;
    const std::size_t probes = 100000;
    for (std::size_t q = 0; q < probes; ++q) {
      const std::uint32_t column2 = 100 + static_cast<std::uint32_t>(q % 10);
      const std::uint32_t column1 =
          q % 4 < 2 ? static_cast<std::uint32_t>(rng()) : 96000u + static_cast<std::uint32_t>(q);
      if (!members.contains({column2, column1}) && filter.mayContain(column1, column2))
        ++falsePositives;
    }
    INFO(partners << " partners a code: " << falsePositives << " false positives in " << probes);
    CHECK(falsePositives < probes / 100);  // about 0.1-0.2% expected; 1% bounds it
    CHECK(filter.bytes() <= 10 * ((partners * ir::PairFilter::kBitsPerKey + 255) / 256) * 32);
    // A code that is no one's column 2 has no partner at all.
    CHECK_FALSE(filter.mayContain(97000u, 99u));
    CHECK_FALSE(filter.partnersOf(110u).mayInclude(97000u));
  }
}

TEST_CASE("a pair filter built from no rows rejects all; one never built rejects none",
          "[tables][pair]") {
  ir::PairFilter empty;
  empty.build(
      0, [](std::size_t) { return std::uint32_t{0}; },
      [](std::size_t) { return std::uint32_t{0}; });
  CHECK(empty.built());
  CHECK_FALSE(empty.mayContain(0, 0));
  CHECK_FALSE(empty.mayContain(97140u, 97530u));
  const ir::PairFilter never;
  CHECK_FALSE(never.built());
  CHECK(never.mayContain(0, 0));
  CHECK(never.partnersOf(97530u).mayInclude(97140u));
  CHECK(ir::PairFilter::Partners::all().mayInclude(12345u));
}

TEST_CASE("a pair table's filter passes every pair with a row, whatever its dates",
          "[tables][pair]") {
  std::mt19937 rng(7);
  ir::PairTable table = shapedTable(rng);
  table.buildIndex();
  // Every pair with a row, deleted, future and many-partnered ones included,
  // asked pair by pair (the JIT) and through a code's partners (the evaluator).
  for (const auto& row : table.rows) {
    REQUIRE(table.mayHaveRow(row.column1, row.column2));
    REQUIRE(table.partnersOf(row.column2).mayInclude(row.column1));
  }
  // Column order matters to the table, not to a hit: a reversed pair with no
  // row of its own is mostly rejected (the filter keys are ordered pairs).
  std::size_t reversedPassed = 0;
  std::size_t reversedWithout = 0;
  for (std::uint32_t k = 0; k < 6000; ++k) {
    if (table.find(97140u, 2000000u + k, 20000) != nullptr) continue;
    ++reversedWithout;
    if (table.mayHaveRow(97140u, 2000000u + k)) ++reversedPassed;
  }
  CHECK(reversedPassed < reversedWithout / 50);
  // Codes with no partner at all.
  std::size_t passed = 0;
  for (std::uint32_t c = 5000000u; c < 5010000u; ++c) passed += table.mayHaveRow(c, c + 1);
  CHECK(passed < 100);
}

TEST_CASE("a pair lookup behind the filter finds what the plain lookup finds", "[tables][pair]") {
  std::mt19937 rng(11);
  ir::PairTable table = shapedTable(rng);
  const ir::PairTable plain = table;  // never indexed: a search of every row
  table.buildIndex();
  std::uniform_int_distribution<std::int32_t> day(50, 31000);
  std::uniform_int_distribution<int> pick(0, 3);
  std::uniform_int_distribution<std::size_t> anyRow(0, table.rows.size() - 1);
  for (int q = 0; q < 200000; ++q) {
    std::uint32_t c1 = testing::randomFamilyCode(rng);
    std::uint32_t c2 = testing::randomFamilyCode(rng);
    if (pick(rng) == 0) {  // a pair the table has, on any date
      const auto& row = table.rows[anyRow(rng)];
      c1 = row.column1;
      c2 = row.column2;
    }
    const std::int32_t date = day(rng);
    const auto* expected = plain.find(c1, c2, date);
    const auto* filtered = table.mayHaveRow(c1, c2) ? table.find(c1, c2, date) : nullptr;
    REQUIRE((expected == nullptr) == (filtered == nullptr));
    if (expected != nullptr) REQUIRE(expected - plain.rows.data() == filtered - table.rows.data());
  }
}

TEST_CASE("a pair table whose rows changed since its filter was built passes every pair",
          "[tables][pair]") {
  ir::PairTable table;
  table.rows.push_back({97530u, 97140u, 18000, INT32_MAX, 0, 1});
  table.buildIndex();
  CHECK(table.mayHaveRow(97530u, 97140u));
  CHECK_FALSE(table.mayHaveRow(97110u, 97140u));
  // A row added without buildIndex(): the stale filter must not hide it.
  table.rows.push_back({97110u, 97140u, 18000, INT32_MAX, 0, 1});
  sortRows(table);
  CHECK(table.mayHaveRow(97110u, 97140u));
  CHECK(table.partnersOf(97140u).mayInclude(97110u));
  CHECK(table.find(97110u, 97140u, 20000) != nullptr);
  // Rebuilt (as an override's removal does), a removed pair is rejected again.
  table.rows.erase(std::remove_if(table.rows.begin(), table.rows.end(),
                                  [](const auto& r) { return r.column1 == 97530u; }),
                   table.rows.end());
  table.buildIndex();
  CHECK(table.mayHaveRow(97110u, 97140u));
  CHECK_FALSE(table.mayHaveRow(97530u, 97140u));
  // An empty table, indexed, has no pair.
  ir::PairTable none;
  none.buildIndex();
  CHECK_FALSE(none.mayHaveRow(97530u, 97140u));
}
