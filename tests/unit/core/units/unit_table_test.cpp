// The CMS minutes-to-units table at every boundary, and rounding to the
// nearest 15 minutes.
#include <catch2/catch.hpp>

#include "core/units/unit_table.h"

using edict::units::roundedUnits;
using edict::units::unitsForMinutes;

TEST_CASE("the CMS table at every boundary up to 8 units and beyond", "[units]") {
  // Medicare Claims Processing Manual ch. 5 §20.2: first and last minute of each unit count.
  struct Row {
    int units, from, through;
  };
  const Row table[] = {{1, 8, 22},  {2, 23, 37},  {3, 38, 52},   {4, 53, 67},   {5, 68, 82},
                       {6, 83, 97}, {7, 98, 112}, {8, 113, 127}, {9, 128, 142}, {10, 143, 157}};
  CHECK(unitsForMinutes(0) == 0);
  CHECK(unitsForMinutes(7) == 0);
  for (const Row& r : table) {
    INFO(r.units << " units");
    CHECK(unitsForMinutes(r.from - 1) == r.units - 1);
    CHECK(unitsForMinutes(r.from) == r.units);
    CHECK(unitsForMinutes(r.through) == r.units);
    CHECK(unitsForMinutes(r.through + 1) == r.units + 1);
  }
  CHECK(unitsForMinutes(15) == 1);
  CHECK(unitsForMinutes(30) == 2);
  CHECK(unitsForMinutes(480) == 32);
  CHECK(unitsForMinutes(-5) == 0);
}

TEST_CASE("the table is one unit per 15 minutes counted from the 8th", "[units]") {
  for (int m = 0; m <= 2000; ++m) {
    INFO(m);
    const int expected = m < 8 ? 0 : 1 + (m - 8) / 15;
    CHECK(unitsForMinutes(m) == expected);
  }
  CHECK(unitsForMinutes(INT64_MAX) == INT64_MAX / 15);  // 7 left over: rounds down, no overflow
}

TEST_CASE("rounding to the nearest 15 minutes, halves up", "[units]") {
  CHECK(roundedUnits(7) == 0);   // 0.47 units
  CHECK(roundedUnits(8) == 1);   // 0.53 units
  CHECK(roundedUnits(22) == 1);  // 1.47
  CHECK(roundedUnits(23) == 2);  // 1.53
  CHECK(roundedUnits(45) == 3);  // exactly 3
  // With whole minutes the half (7.5) never occurs, so rounding equals the table.
  for (int m = 0; m <= 100000; ++m)
    if (roundedUnits(m) != unitsForMinutes(m)) FAIL("differs at " << m);
}
