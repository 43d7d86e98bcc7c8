// The derived lookup index of pair and MUE tables (ir::CodeSpanIndex via
// buildIndex()): a lookup through it finds exactly the row the plain binary
// search over every row finds, and a table whose rows changed after the index
// was built still answers correctly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include "core/ir/program.h"
#include "support/random_cases.h"

using namespace edict;

namespace {

ir::PairTable randomPairTable(std::mt19937& rng, std::size_t rows) {
  ir::PairTable t;
  std::uniform_int_distribution<std::int32_t> day(18000, 21000);
  std::uniform_int_distribution<int> indicator(0, 2);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::int32_t from = day(rng);
    t.rows.push_back({testing::randomFamilyCode(rng), testing::randomFamilyCode(rng), from,
                      from + 400, 0,
                      static_cast<std::uint8_t>(indicator(rng) == 2 ? 9 : indicator(rng))});
  }
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.column2, a.column1, a.effective) <
           std::tie(b.column2, b.column1, b.effective);
  });
  return t;
}

ir::MueTable randomMueTable(std::mt19937& rng, std::size_t rows) {
  ir::MueTable t;
  std::uniform_int_distribution<std::int32_t> day(18000, 21000);
  for (std::size_t i = 0; i < rows; ++i)
    t.rows.push_back(
        {testing::randomFamilyCode(rng), day(rng), static_cast<std::int32_t>(i % 9), 0, 2});
  std::sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a.code, a.effective) < std::tie(b.code, b.effective);
  });
  return t;
}

}  // namespace

TEST_CASE("an indexed pair table finds what a search of every row finds", "[tables]") {
  std::mt19937 rng(2026);
  for (std::size_t rows : {0u, 1u, 7u, 300u, 5000u}) {
    const ir::PairTable plain = randomPairTable(rng, rows);  // never indexed
    ir::PairTable indexed = plain;
    indexed.buildIndex();
    std::uniform_int_distribution<std::int32_t> day(17900, 21500);
    for (int q = 0; q < 20000; ++q) {
      const std::uint32_t c1 = testing::randomFamilyCode(rng);
      const std::uint32_t c2 = testing::randomFamilyCode(rng);
      const std::int32_t date = day(rng);
      const auto* a = plain.find(c1, c2, date);
      const auto* b = indexed.find(c1, c2, date);
      REQUIRE((a == nullptr) == (b == nullptr));
      if (a != nullptr) REQUIRE(a - plain.rows.data() == b - indexed.rows.data());
    }
  }
}

TEST_CASE("an indexed MUE table finds what a search of every row finds", "[tables]") {
  std::mt19937 rng(7);
  for (std::size_t rows : {0u, 1u, 50u, 3000u}) {
    const ir::MueTable plain = randomMueTable(rng, rows);
    ir::MueTable indexed = plain;
    indexed.buildIndex();
    std::uniform_int_distribution<std::int32_t> day(17900, 21500);
    for (int q = 0; q < 20000; ++q) {
      const std::uint32_t code = testing::randomFamilyCode(rng);
      const std::int32_t date = day(rng);
      const auto* a = plain.find(code, date);
      const auto* b = indexed.find(code, date);
      REQUIRE((a == nullptr) == (b == nullptr));
      if (a != nullptr) REQUIRE(a - plain.rows.data() == b - indexed.rows.data());
    }
  }
}

TEST_CASE("a table whose rows changed after indexing is searched whole", "[tables]") {
  std::mt19937 rng(11);
  ir::PairTable t = randomPairTable(rng, 400);
  t.buildIndex();
  const ir::PairTable::Row last = t.rows.back();
  t.rows.erase(t.rows.begin());  // positions shift: the index no longer matches
  REQUIRE(t.find(last.column1, last.column2, last.effective) != nullptr);
  t.buildIndex();
  REQUIRE(t.find(last.column1, last.column2, last.effective) != nullptr);
}
