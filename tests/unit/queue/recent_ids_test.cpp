// RecentIds (queue/collect/recent_ids.h): a result id seen twice within the
// window is a duplicate; past the window it is new again.
#include "queue/collect/recent_ids.h"

#include <catch2/catch.hpp>

using edict::queue::RecentIds;
using namespace std::chrono_literals;

TEST_CASE("an id seen within the window is a duplicate, and forgotten after it",
          "[queue][collect]") {
  RecentIds ids(300s);
  const auto start = RecentIds::Clock::time_point{} + 1000s;
  CHECK(ids.add("S:id:run:0:ACME:0", start));
  CHECK(ids.add("S:id:run:0:BCBS:0", start));
  CHECK_FALSE(ids.add("S:id:run:0:ACME:0", start + 10s));
  CHECK_FALSE(ids.add("S:id:run:0:ACME:0", start + 300s));
  // Past the window, as the streams forget it, so does collect.
  CHECK(ids.add("S:id:run:0:ACME:0", start + 301s));
  CHECK(ids.size() == 1);
  // Messages without an id are never taken for duplicates.
  CHECK(ids.add("", start + 302s));
  CHECK(ids.add("", start + 302s));
}

TEST_CASE("memory follows the window: old ids are dropped as new ones come", "[queue][collect]") {
  RecentIds ids(1s);
  auto now = RecentIds::Clock::time_point{} + 10s;
  for (int i = 0; i < 10000; ++i) {
    now += 1ms;
    REQUIRE(ids.add("id" + std::to_string(i), now));
  }
  // About one second's worth of ids (1,000 at 1 ms apart) is kept.
  CHECK(ids.size() <= 1001);
  CHECK(ids.size() >= 999);
  CHECK_FALSE(ids.add("id9999", now));
  CHECK(ids.add("id0", now));
}
