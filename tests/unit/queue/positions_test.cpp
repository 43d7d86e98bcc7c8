// The positions header: runs as ranges, read back exactly, anything else
// (and anything too long) refused with a reason.
#include <catch2/catch.hpp>

#include "queue/message/positions.h"

using namespace edict::queue;

TEST_CASE("positions are written as ranges and read back", "[queue][positions]") {
  CHECK(encodePositions({}) == "");
  CHECK(encodePositions({5}) == "5");
  CHECK(encodePositions({17, 18, 19, 20}) == "17-20");
  CHECK(encodePositions({2, 3, 5, 9, 10}) == "2-3,5,9-10");
  CHECK(encodePositions({4, 3}) == "4,3");  // order is kept, not sorted
  for (const std::vector<std::uint64_t>& positions :
       {std::vector<std::uint64_t>{}, {1}, {1, 2, 3}, {2, 3, 5, 9, 10}, {7, 7}, {4, 3}}) {
    std::vector<std::uint64_t> back;
    std::string error;
    REQUIRE(decodePositions(encodePositions(positions), 100, back, error));
    CHECK(back == positions);
  }
}

TEST_CASE("a positions header that is not one is refused", "[queue][positions]") {
  std::vector<std::uint64_t> out;
  std::string error;
  for (const char* bad : {"x", "1,", ",1", "1-", "5-3", "1;2", "1--2", "-1", "1 2"}) {
    INFO(bad);
    CHECK_FALSE(decodePositions(bad, 100, out, error));
    CHECK_FALSE(error.empty());
  }
  // A header cannot make a worker allocate without bound.
  CHECK_FALSE(decodePositions("1-1000000000000", 1000, out, error));
  CHECK(error.find("more than 1000 positions") != std::string::npos);
  CHECK_FALSE(decodePositions("1-600,601-1200", 1000, out, error));
  CHECK(decodePositions("1-1000", 1000, out, error));
  CHECK(out.size() == 1000);
}
