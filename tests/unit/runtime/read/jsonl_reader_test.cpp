// Reading claims from JSON Lines, and rejecting what cannot be read.
#include <catch2/catch.hpp>

#include <sstream>

#include "runtime/read/jsonl_reader.h"

using namespace edict;

namespace {

std::vector<read::ReadItem> readAll(const std::string& text) {
  std::istringstream in(text);
  auto reader = read::openJsonLines(in, "in.jsonl");
  std::vector<read::ReadItem> items;
  read::ReadItem item;
  while (reader->next(item)) items.push_back(item);
  return items;
}

std::string rejectMessage(const std::string& line) {
  auto items = readAll(line);
  REQUIRE(items.size() == 1);
  const auto* rejected = std::get_if<read::RejectedClaim>(&items[0]);
  REQUIRE(rejected != nullptr);
  return rejected->message;
}

}  // namespace

TEST_CASE("a claim of the brief's example reads whole", "[read][jsonl]") {
  auto items = readAll(
      R"({"id":"C1","payer":"ACME","patient":{"id":"P1","birth_date":"1950-04-02","sex":"F"},"provider":{"npi":"1234567893"},"place_of_service":"11","diagnoses":["M54.50"],"lines":[{"code":"97110","modifiers":["GP"],"units":2,"minutes":30,"date":"2026-03-02","charge":80.0}]})");
  REQUIRE(items.size() == 1);
  const auto& claim = std::get<model::Claim>(items[0]);
  CHECK(claim.id == "C1");
  CHECK(claim.payer == "ACME");
  CHECK(claim.patient.birthDate->iso() == "1950-04-02");
  CHECK(claim.patient.sex == model::Sex::Female);
  CHECK(claim.providerNpi == "1234567893");
  CHECK(claim.diagnoses == std::vector<std::string>{"M54.50"});
  REQUIRE(claim.lines.size() == 1);
  CHECK(claim.lines[0].code.text() == "97110");
  CHECK(claim.lines[0].modifierCount == 1);
  CHECK(claim.lines[0].units == 2);
  CHECK(claim.lines[0].minutes == 30);
  CHECK(claim.lines[0].date.iso() == "2026-03-02");
  CHECK(claim.lines[0].charge == 80.0);
  CHECK(claim.origin.position == 1);
}

TEST_CASE("blank lines are skipped and positions count every line", "[read][jsonl]") {
  auto items = readAll(
      "\n"
      R"({"id":"A","lines":[{"code":"97110","date":"2026-01-01"}]})"
      "\n\n"
      R"({"id":"B","lines":[{"code":"97110","date":"2026-01-01"}]})"
      "\r\n");
  REQUIRE(items.size() == 2);
  CHECK(std::get<model::Claim>(items[0]).origin.position == 2);
  CHECK(std::get<model::Claim>(items[1]).origin.position == 4);
}

TEST_CASE("malformed claims are rejected with the field and the reason", "[read][jsonl]") {
  CHECK(rejectMessage("{not json").rfind("not valid JSON", 0) == 0);
  CHECK(rejectMessage(R"({"lines":[]})") == "id: required field is missing");
  CHECK(rejectMessage(R"({"id":"C"})") == "lines: required field is missing");
  CHECK(rejectMessage(R"({"id":"C","lines":[]})") ==
        "lines: a claim needs at least one service line");
  CHECK(rejectMessage(R"({"id":"C","lines":[{"code":"9714","date":"2026-01-01"}]})") ==
        "lines[0].code: `9714` is not a procedure code: procedure codes have five characters, "
        "`9714` has 4");
  CHECK(rejectMessage(R"({"id":"C","lines":[{"code":"97110","date":"2026-02-30"}]})") ==
        "lines[0].date: `2026-02-30` is not a date (expected YYYY-MM-DD)");
  CHECK(rejectMessage(R"({"id":"C","lines":[{"code":"97110","date":"2026-01-01","units":-1}]})") ==
        "lines[0].units: must not be negative, got -1");
  CHECK(rejectMessage(R"({"id":"C","lines":[{"code":"97110","date":"2026-01-01","units":1.5}]})") ==
        "lines[0].units: expected a whole number, got 1.5");
  CHECK(
      rejectMessage(
          R"({"id":"C","lines":[{"code":"97110","date":"2026-01-01","modifiers":["GP","59","XU","KX","GA"]}]})") ==
      "lines[0].modifiers[4]: a line has at most four modifiers");
  CHECK(rejectMessage(
            R"({"id":"C","lines":[{"code":"97110","date":"2026-01-01","modifiers":["gp"]}]})") ==
        "lines[0].modifiers[0]: `gp` is not a modifier (two digits or capital letters)");
  CHECK(rejectMessage(
            R"({"id":"C","patient":{"sex":"X"},"lines":[{"code":"97110","date":"2026-01-01"}]})") ==
        "patient.sex: `X` is not a sex (F, M or U)");
}

TEST_CASE("a reject keeps the claim id when it was readable", "[read][jsonl]") {
  auto items = readAll(R"({"id":"C9","lines":[{"code":"x","date":"2026-01-01"}]})");
  CHECK(std::get<read::RejectedClaim>(items[0]).claimId == "C9");
}

TEST_CASE("invalid UTF-8 is a reject, not a crash", "[read][jsonl]") {
  CHECK(rejectMessage("{\"id\":\"\xff\xfe\",\"lines\":[]}").rfind("not valid JSON", 0) == 0);
}

TEST_CASE("a JSON value that is not an object is rejected after the first claim", "[read][jsonl]") {
  auto items = readAll(R"({"id":"A","lines":[{"code":"97110","date":"2026-01-01"}]})"
                       "\n[1,2]\n");
  REQUIRE(items.size() == 2);
  const auto* rejected = std::get_if<read::RejectedClaim>(&items[1]);
  REQUIRE(rejected != nullptr);
  CHECK(rejected->message == "expected a JSON object for the claim");
  CHECK(rejected->origin.position == 2);
}

TEST_CASE("a file whose first line is no JSON object is refused as a whole", "[read][jsonl]") {
  for (const char* text : {"[1,2]\n", "id,payer\nC1,ACME\n", "hello\n"}) {
    INFO(text);
    std::istringstream in(text);
    auto reader = read::openJsonLines(in, "in.jsonl");
    read::ReadItem item;
    CHECK_FALSE(reader->next(item));
    CHECK(reader->fatalError() ==
          "not JSON Lines: line 1 does not start a JSON object (one claim per line, each `{...}`)");
  }
}

TEST_CASE("diagnoses are ICD-10-CM, stored with their dot", "[read][jsonl]") {
  auto items = readAll(
      R"({"id":"A","diagnoses":["M5450","M54.50","Z00"],"lines":[{"code":"97110","date":"2026-01-01"}]})");
  REQUIRE(items.size() == 1);
  CHECK(std::get<model::Claim>(items[0]).diagnoses ==
        std::vector<std::string>{"M54.50", "M54.50", "Z00"});
  CHECK(rejectMessage(
            R"({"id":"C","diagnoses":["m54.5"],"lines":[{"code":"97110","date":"2026-01-01"}]})") ==
        "diagnoses[0]: `m54.5` is not an ICD-10-CM diagnosis code (a capital letter, a digit, then "
        "up "
        "to five digits or capital letters, e.g. `M54.50`)");
}

TEST_CASE("the billing provider fills in for a missing rendering provider and back",
          "[read][jsonl]") {
  auto items = readAll(
      R"({"id":"A","billing_provider":{"npi":"B1"},"lines":[{"code":"97110","date":"2026-01-01"}]})"
      "\n"
      R"({"id":"B","provider":{"npi":"R1"},"lines":[{"code":"97110","date":"2026-01-01"}]})"
      "\n");
  REQUIRE(items.size() == 2);
  CHECK(std::get<model::Claim>(items[0]).providerNpi == "B1");
  CHECK(std::get<model::Claim>(items[1]).billingProviderNpi == "R1");
}

TEST_CASE("units written as 2.0 are whole; 1.5 is not", "[read][jsonl]") {
  auto items = readAll(R"({"id":"A","lines":[{"code":"97110","date":"2026-01-01","units":2.0}]})");
  REQUIRE(items.size() == 1);
  CHECK(std::get<model::Claim>(items[0]).lines[0].units == 2);
}
