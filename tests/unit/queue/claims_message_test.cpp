// Claims messages: packed from a file in any format and read back by the
// worker with the origins `edict run` would give (file and position), the
// submitter's rejects carried whole, and bad headers refused with a reason.
#include <catch2/catch.hpp>

#include <sstream>
#include <variant>

#include "queue/message/claims_message.h"
#include "queue/message/claims_packer.h"

using namespace edict;
using namespace edict::queue;

namespace {

struct Packed {
  std::vector<std::string> bodies;
  std::vector<ClaimsHeaders> headers;
  std::string problem;
  std::uint64_t oversized = 0;
  bool converted = false;
};

Packed pack(const std::string& text, const std::string& name, PackOptions options) {
  Packed packed;
  std::istringstream in(text);
  const PackOutcome outcome = packClaims(in, name, options, [&](ClaimsBatch& batch) {
    packed.bodies.push_back(batch.body());
    packed.headers.push_back(batch.claimsHeaders());
    return true;
  });
  packed.problem = outcome.problem;
  packed.oversized = outcome.oversized;
  packed.converted = outcome.converted;
  return packed;
}

std::vector<read::ReadItem> readAll(const std::string& body, const ClaimsHeaders& headers) {
  std::string problem;
  auto reader = openMessageClaims(body, headers, "fallback", problem);
  INFO(problem);
  REQUIRE(reader);
  std::vector<read::ReadItem> items;
  read::ReadItem item;
  while (reader->next(item)) items.push_back(std::move(item));
  return items;
}

const std::string kGood =
    R"({"id":"C1","payer":"ACME","lines":[{"code":"97110","date":"2026-11-02"}]})";

}  // namespace

TEST_CASE("JSON Lines travel as their own lines, with each line's position", "[queue][message]") {
  const std::string file = kGood + "\n\n" + "not json\n" + kGood + "\n";
  const Packed packed = pack(file, "claims.jsonl", {2, 1u << 20, std::nullopt});
  REQUIRE(packed.problem.empty());
  REQUIRE(packed.bodies.size() == 2);
  CHECK(packed.bodies[0] == kGood + "\nnot json\n");
  CHECK(*packed.headers[0].positions == "1,3");  // the blank line is no claim
  CHECK(*packed.headers[0].source == "claims.jsonl");
  CHECK(*packed.headers[1].positions == "4");

  const auto first = readAll(packed.bodies[0], packed.headers[0]);
  REQUIRE(first.size() == 2);
  const auto& claim = std::get<model::Claim>(first[0]);
  CHECK(claim.id == "C1");
  CHECK(claim.origin.file == "claims.jsonl");
  CHECK(claim.origin.position == 1);
  // A line that is not JSON is rejected where it stood in the file, even
  // when it starts a message (the reader refuses a file that starts so).
  const auto& rejected = std::get<read::RejectedClaim>(first[1]);
  CHECK(rejected.origin.position == 3);
  CHECK(rejected.message.find("not valid JSON") != std::string::npos);
  const auto second = readAll(packed.bodies[1], packed.headers[1]);
  REQUIRE(second.size() == 1);
  CHECK(std::get<model::Claim>(second[0]).origin.position == 4);
}

TEST_CASE("a file in another format travels whole when it fits in a message", "[queue][message]") {
  const std::string csv =
      "id,payer,line.code,line.date\n"
      "C1,ACME,97110,2026-11-02\n"
      "C2,ACME,9711,2026-11-02\n";
  const Packed packed = pack(csv, "claims.csv", {1, 1u << 20, std::nullopt});
  REQUIRE(packed.problem.empty());
  CHECK_FALSE(packed.converted);
  REQUIRE(packed.bodies.size() == 1);  // whole, whatever the claims a message
  CHECK(packed.bodies[0] == csv);
  CHECK(*packed.headers[0].format == "csv");
  CHECK_FALSE(packed.headers[0].positions);
  const auto items = readAll(packed.bodies[0], packed.headers[0]);
  REQUIRE(items.size() == 2);
  CHECK(std::get<model::Claim>(items[0]).origin.file == "claims.csv");
  CHECK(std::get<model::Claim>(items[0]).origin.position == 2);
  CHECK(std::get<read::RejectedClaim>(items[1]).origin.position == 3);
}

TEST_CASE("a larger file in another format travels as JSON lines; its rejects travel whole",
          "[queue][message]") {
  std::string csv = "id,payer,line.code,line.date\n";
  for (int i = 1; i <= 20; ++i) {
    const char* rest = i == 2 ? ",ACME,9711" : i % 2 ? ",ACME,97110" : ",BCBS,97530";
    csv.append("C").append(std::to_string(i)).append(rest).append(",2026-11-02\n");
  }
  const Packed packed = pack(csv, "claims.csv", {1000, 400, std::nullopt});
  REQUIRE(packed.problem.empty());
  CHECK(packed.converted);
  REQUIRE(packed.bodies.size() > 1);
  CHECK(*packed.headers[0].positions == "2-3");
  CHECK(*packed.headers[0].rejected == "2");
  std::vector<read::ReadItem> items;
  for (std::size_t i = 0; i < packed.bodies.size(); ++i)
    for (auto& item : readAll(packed.bodies[i], packed.headers[i]))
      items.push_back(std::move(item));
  REQUIRE(items.size() == 20);
  CHECK(std::get<model::Claim>(items[0]).id == "C1");
  CHECK(std::get<model::Claim>(items[0]).origin.position == 2);
  const auto& rejected = std::get<read::RejectedClaim>(items[1]);
  CHECK(rejected.origin.file == "claims.csv");
  CHECK(rejected.origin.position == 3);
  CHECK(rejected.claimId == "C2");
  CHECK(rejected.payer == "ACME");
  CHECK(rejected.message.find("9711") != std::string::npos);
  CHECK(std::get<model::Claim>(items[19]).payer == "BCBS");
  CHECK(std::get<model::Claim>(items[19]).origin.position == 21);
}

TEST_CASE("a file that is not claims is refused as a whole, as edict run refuses it",
          "[queue][message]") {
  const Packed packed = pack("%PDF-1.4\n", "report.pdf", {});
  CHECK(packed.bodies.empty());
  CHECK(packed.problem.find("not claims") != std::string::npos);
  const Packed lines =
      pack("hello\n" + kGood + "\n", "x.jsonl", {1000, 1u << 20, read::InputFormat::Jsonl});
  CHECK(lines.bodies.empty());
  CHECK(lines.problem.find("not JSON Lines") != std::string::npos);
}

TEST_CASE("a claim too large for any message is sent as a reject saying so", "[queue][message]") {
  const std::string big = R"({"id":"BIG","payer":"ACME","note":")" + std::string(3000, 'x') +
                          R"(","lines":[{"code":"97110","date":"2026-11-02"}]})";
  const Packed packed = pack(kGood + "\n" + big + "\n" + kGood + "\n", "c.jsonl", {1000, 2048, {}});
  CHECK(packed.oversized == 1);
  std::vector<read::ReadItem> items;
  for (std::size_t i = 0; i < packed.bodies.size(); ++i)
    for (auto& item : readAll(packed.bodies[i], packed.headers[i]))
      items.push_back(std::move(item));
  REQUIRE(items.size() == 3);
  const auto& rejected = std::get<read::RejectedClaim>(items[1]);
  CHECK(rejected.origin.position == 2);
  CHECK(rejected.message.find("max_payload") != std::string::npos);
}

TEST_CASE("bad claims headers are refused with the reason", "[queue][message]") {
  std::string problem;
  CHECK_FALSE(openMessageClaims(kGood + "\n", {"f", "1-2", {}, {}}, "x", problem));
  CHECK(problem.find("gives 2 positions for 1 lines") != std::string::npos);
  CHECK_FALSE(openMessageClaims(kGood + "\n", {"f", "1-9", {}, {}}, "x", problem));
  CHECK(problem.find("more than 2 positions") != std::string::npos);
  CHECK_FALSE(openMessageClaims(kGood + "\n", {"f", "one", {}, {}}, "x", problem));
  CHECK(problem.find("Edict-Positions") != std::string::npos);
  CHECK_FALSE(openMessageClaims(kGood + "\n", {"f", "1", std::string("x"), {}}, "x", problem));
  CHECK(problem.find("Edict-Rejected") != std::string::npos);
  CHECK_FALSE(openMessageClaims(kGood + "\n", {"f", {}, {}, std::string("pdf")}, "x", problem));
  CHECK(problem.find("Edict-Format") != std::string::npos);
}

TEST_CASE("a message without edict's headers is claims in any format, detected",
          "[queue][message]") {
  const auto items = readAll("id,payer,line.code,line.date\nC9,ACME,97110,2026-11-02\n", {});
  REQUIRE(items.size() == 1);
  CHECK(std::get<model::Claim>(items[0]).origin.file == "fallback");
  CHECK(std::get<model::Claim>(items[0]).origin.position == 2);
  std::string problem;
  CHECK_FALSE(openMessageClaims("\x01\x02 binary", {}, "fallback", problem));
  CHECK(problem.find("not claims") != std::string::npos);
}
