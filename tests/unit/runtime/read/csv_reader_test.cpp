// Reading claims from CSV: one row per line, claims by consecutive id, and a
// reject naming the line and the column for whatever cannot be read.
#include <catch2/catch.hpp>

#include "reader_test_util.h"

using edict::read::InputFormat;
using edict::testing::ReadResult;
using edict::testing::readText;

namespace {

const std::string kHeader =
    "id,payer,patient.id,patient.birth_date,patient.sex,provider.npi,place_of_service,diagnoses,"
    "line.code,line.modifiers,line.units,line.minutes,line.date,line.charge\n";

ReadResult readCsv(const std::string& text) {
  return readText(text, InputFormat::Csv, "in.csv");
}

std::string onlyReject(const std::string& rows) {
  const ReadResult r = readCsv(kHeader + rows);
  INFO(r.fatal);
  REQUIRE(r.rejects.size() == 1);
  return r.rejects[0].message;
}

}  // namespace

TEST_CASE("consecutive rows with one id are one claim", "[read][csv]") {
  const ReadResult r = readCsv(
      kHeader +
      "C1,ACME,P1,1950-04-02,F,1234567893,11,M54.50 M25.561,97140,GP,1,15,2026-11-02,45.00\n"
      "C1,,,,,,,,97530,GP 59,1,15,2026-11-02,50\n"
      "C2,ACME,P2,1962-09-14,M,1234567893,11,,97110,GP,2,,2026-11-04,70\n");
  REQUIRE(r.claims.size() == 2);
  const auto& c = r.claims[0];
  CHECK(c.id == "C1");
  CHECK(c.payer == "ACME");
  CHECK(c.patient.birthDate->iso() == "1950-04-02");
  CHECK(c.diagnoses == std::vector<std::string>{"M54.50", "M25.561"});
  REQUIRE(c.lines.size() == 2);
  CHECK(c.lines[1].modifierCount == 2);
  CHECK(c.lines[1].modifiers[1].text() == "59");
  CHECK(c.lines[1].minutes == 15);
  CHECK(c.lines[1].charge == 50.0);
  CHECK(c.origin.position == 2);
  CHECK(r.claims[1].origin.position == 4);
  CHECK_FALSE(r.claims[1].lines[0].minutes);
}

TEST_CASE("quoted fields hold commas, quotes and line breaks", "[read][csv]") {
  const ReadResult r = readCsv(kHeader +
                               "\"C,1\",\"AC\"\"ME\",P1,,,,11,,97110,\"GP,59\",1,,2026-11-02,1\r\n"
                               "\"C\n2\",ACME,P1,,,,11,,97110,,1,,2026-11-02,1\r\n"
                               "C3,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\r\n");
  REQUIRE(r.claims.size() == 3);
  CHECK(r.claims[0].id == "C,1");
  CHECK(r.claims[0].payer == "AC\"ME");
  CHECK(r.claims[0].lines[0].modifierCount == 2);
  CHECK(r.claims[1].id == "C\n2");
  CHECK(r.claims[2].origin.position == 5);  // the quoted line break counts
}

TEST_CASE("bad cells reject their claim, naming the line and the column", "[read][csv]") {
  CHECK(onlyReject("C1,ACME,P1,,,,11,,9714,,1,,2026-11-02,1\n") ==
        "line.code: `9714` is not a procedure code: procedure codes have five characters, `9714` "
        "has 4");
  CHECK(onlyReject("C1,ACME,P1,,,,11,,97110,,1,,11/02/2026,1\n") ==
        "line.date: `11/02/2026` is not a date (expected YYYY-MM-DD)");
  CHECK(onlyReject("C1,ACME,P1,,,,11,,97110,,-1,,2026-11-02,1\n") ==
        "line.units: must not be negative, got -1");
  CHECK(onlyReject("C1,ACME,P1,,,,11,,97110,,1.5,,2026-11-02,1\n") ==
        "line.units: expected a whole number, got 1.5");
  CHECK(onlyReject("C1,ACME,P1,,,,11,,97110,,1,,2026-11-02,$5\n") ==
        "line.charge: `$5` is not a number");
  CHECK(onlyReject("C1,ACME,P1,,X,,11,,97110,,1,,2026-11-02,1\n") ==
        "patient.sex: `X` is not a sex (F, M or U)");
  CHECK(onlyReject("C1,ACME,P1,,,,11,,97110,,1,,2026-11-02\n") ==
        "row: has 13 fields, the header has 14");
  CHECK(onlyReject(",ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n") == "id: required field is missing");
  CHECK(onlyReject("C1,AC\xC3,P1,,,,11,,97110,,1,,2026-11-02,1\n") ==
        "payer: not valid UTF-8 text");
}

TEST_CASE("rows of one claim must agree on the claim's columns", "[read][csv]") {
  const ReadResult r = readCsv(kHeader +
                               "C1,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n"
                               "C1,OTHER,P1,,,,11,,97530,,1,,2026-11-02,1\n"
                               "C2,ACME,P2,,,,11,,97110,,1,,2026-11-02,1\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].claimId == "C1");
  CHECK(r.rejects[0].origin.position == 3);
  CHECK(r.rejects[0].message ==
        "payer: `OTHER` differs from `ACME` on the claim's first row (line 2); the rows of a claim "
        "must agree on its claim-level columns");
  CHECK(r.order == std::vector<std::string>{"C1", "C2"});
}

TEST_CASE("the reject names the row that is wrong, not the claim's first", "[read][csv]") {
  const ReadResult r = readCsv(kHeader +
                               "C1,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n"
                               "C1,,,,,,,,97530,,1,,2026-13-02,1\n");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].origin.position == 3);
}

TEST_CASE("a runaway quote rejects what it swallowed, not the file", "[read][csv]") {
  const ReadResult r = readCsv(kHeader +
                               "C1,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n"
                               "C2,\"ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n");
  CHECK(r.claims.size() == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].message == "a quoted field is never closed: the file ends inside it");
  CHECK(r.rejects[0].origin.position == 3);
}

TEST_CASE("a header that is not a claims header refuses the file", "[read][csv]") {
  CHECK(readCsv("a,b,c\n1,2,3\n").fatal ==
        "not a claims CSV file: line 1 is not a header with the columns `id`, `line.code` and "
        "`line.date`");
  CHECK(readCsv("id,line.code,line.date,line.modifer\n")
            .fatal.starts_with(
                "unknown column `line.modifer` in the header; did you mean `line.modifiers`?"));
  CHECK(readCsv("id,line.code\n").fatal == "the header lacks the required column `line.date`");
  CHECK(readCsv("id,id,line.code,line.date\n").fatal == "the header names column `id` twice");
}

TEST_CASE("a byte order mark, blank lines and spaces around cells are ignored", "[read][csv]") {
  const ReadResult r =
      readCsv("\xEF\xBB\xBFid, line.code ,line.date\n\n C1 , 97110 ,2026-11-02\n\n");
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].id == "C1");
  CHECK(r.claims[0].origin.position == 3);
}

TEST_CASE("a claim with more rows than a claim may have is rejected whole", "[read][csv]") {
  std::string text = kHeader;
  for (int i = 0; i < 1001; ++i) text += "BIG,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n";
  text += "NEXT,ACME,P1,,,,11,,97110,,1,,2026-11-02,1\n";
  const ReadResult r = readCsv(text);
  CHECK(r.order == std::vector<std::string>{"BIG", "NEXT"});
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].message == "rows: 1001 lines is more than the 1000 a claim may have");
}
