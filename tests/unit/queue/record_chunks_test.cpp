// Result records split into messages between claims, never inside one
// claim's records, each chunk knowing the index of its first claim.
#include <catch2/catch.hpp>

#include <string>

#include "queue/message/record_chunks.h"

using namespace edict::queue;

namespace {

std::string record(const std::string& claim, int line) {
  return "{\"claim\":\"" + claim + "\",\"line\":" + std::to_string(line) + ",\"rule\":\"r\"}\n";
}

}  // namespace

TEST_CASE("the claim id a record starts with", "[queue][chunks]") {
  CHECK(recordClaim(record("C1", 1)) == "C1");
  CHECK(recordClaim("{\"claim\":\"a\\\"b\",\"line\":1}") == "a\\\"b");
  CHECK(recordClaim("{\"claim\":\"\",\"line\":null}") == "");
  CHECK(recordClaim("{\"line\":1}") == "");
}

TEST_CASE("records that fit are one chunk, none are one empty chunk", "[queue][chunks]") {
  const std::string records = record("A", 1) + record("B", 1);
  auto chunks = chunkRecords(records, 1000);
  REQUIRE(chunks.size() == 1);
  CHECK(chunks[0].records == records);
  CHECK(chunks[0].firstClaim == 0);
  chunks = chunkRecords("", 1000);
  REQUIRE(chunks.size() == 1);
  CHECK(chunks[0].records.empty());
}

TEST_CASE("records are split between claims, a claim's records kept together", "[queue][chunks]") {
  // Claims A (1 record), B (3 records), C (1 record), D (1 record).
  const std::string a = record("A", 1);
  const std::string b = record("B", 1) + record("B", 2) + record("B", 3);
  const std::string c = record("C", 1);
  const std::string d = record("D", 2);
  const std::string records = a + b + c + d;
  const std::size_t limit = b.size() + 1;  // B fits alone, not with a neighbour
  const auto chunks = chunkRecords(records, limit);
  REQUIRE(chunks.size() == 3);
  CHECK(chunks[0].records == a);
  CHECK(chunks[0].firstClaim == 0);
  CHECK(chunks[1].records == b);
  CHECK(chunks[1].firstClaim == 1);
  CHECK(chunks[2].records == c + d);
  CHECK(chunks[2].firstClaim == 2);
  std::string joined;
  for (const auto& chunk : chunks) {
    CHECK(chunk.records.size() <= limit);
    joined += chunk.records;
  }
  CHECK(joined == records);
}

TEST_CASE("a claim whose records exceed the limit is a chunk of its own", "[queue][chunks]") {
  const std::string a = record("A", 1);
  const std::string b = record("B", 1) + record("B", 2) + record("B", 3);
  const std::string c = record("C", 1);
  const std::string records = a + b + c;  // the chunks are views of it
  const auto chunks = chunkRecords(records, a.size() + 4);
  REQUIRE(chunks.size() == 3);
  CHECK(chunks[0].records == a);
  CHECK(chunks[1].records == b);
  CHECK(chunks[1].firstClaim == 1);
  CHECK(chunks[2].records == c);
  CHECK(chunks[2].firstClaim == 2);
}
