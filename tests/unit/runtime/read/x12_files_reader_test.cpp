// Every X12 file of the shared reference data (tests/data/x12/), read
// whole: how many claims, lines and rejects each gives, and a few field
// values per file, so a change in the reader shows up as a changed count.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "reader_test_util.h"

using edict::testing::readFile;
using edict::testing::ReadResult;

namespace {

ReadResult readX12(const std::string& relative) {
  return readFile(std::string(EDICT_TEST_DATA) + "/x12/" + relative, relative);
}

struct Expected {
  const char* file;
  std::size_t claims;   // read whole
  std::size_t rejects;  // read, but rejected
  std::size_t lines;    // service lines of the claims read whole
};

}  // namespace

TEST_CASE("every 837P file gives its number of claims, lines and rejects", "[read][x12][data]") {
  const Expected expected[] = {
      // imsweb: every other claim bills the six-digit code 478331.
      {"imsweb/x12_many_claims.txt", 410, 410, 410},
      {"imsweb/x12_multiple_transactions.txt", 312, 312, 312},
      {"imsweb/x12_complex.txt", 2, 4, 4},
      {"imsweb/x12_multiple_st.txt", 2, 2, 2},
      {"imsweb/x12_no_errors.txt", 2, 0, 2},
      {"imsweb/x12_valid.txt", 1, 1, 1},
      {"imsweb/x12_writer_test.txt", 1, 0, 1},
      {"linuxforhealth/demo.ambulance.example5.837", 1, 0, 4},
      {"linuxforhealth/demo.autoaccident.837", 1, 0, 2},
      {"linuxforhealth/demo.cob.example3.A.837", 1, 0, 3},
      {"linuxforhealth/demo.cob.example3.B.837", 1, 0, 3},
      {"linuxforhealth/demo.cob.example3.C.837", 1, 0, 3},
      {"linuxforhealth/demo.cob.example4.837", 1, 0, 1},
      {"linuxforhealth/demo.drug.example10.1.837", 1, 0, 2},
      {"linuxforhealth/demo.drug.example10.2.837", 1, 0, 6},
      {"linuxforhealth/demo.drug.example10.3.837", 1, 0, 6},
      {"linuxforhealth/demo.example1.837", 1, 0, 4},
      {"linuxforhealth/demo.example2.837", 1, 0, 4},
      {"linuxforhealth/demo.example7.837", 1, 0, 2},
      {"linuxforhealth/demo.example8.837", 1, 0, 1},
      // These five write `>` between components while their ISA16 says `:`.
      {"linuxforhealth/demo.cob.2ndary.example4.837", 0, 1, 0},
      {"linuxforhealth/demo.example11.837", 0, 1, 0},
      {"linuxforhealth/demo.example12.837", 0, 1, 0},
      {"linuxforhealth/demo.example6.837", 0, 1, 0},
      {"linuxforhealth/demo.example9.837", 0, 1, 0},
      // 4010 (004010X098A1) is read too.
      {"pyx12/simple_837p.txt", 2, 0, 4},
  };
  for (const Expected& e : expected) {
    INFO(e.file);
    const ReadResult r = readX12(e.file);
    CHECK(r.fatal.empty());
    CHECK(r.claims.size() == e.claims);
    CHECK(r.rejects.size() == e.rejects);
    CHECK(r.lines() == e.lines);
  }
}

TEST_CASE("x12_many_claims.txt: 820 claims, the bad half named by segment and field",
          "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x12_many_claims.txt");
  REQUIRE(r.read() == 820);
  for (const auto& rejected : r.rejects) {
    CHECK(rejected.claimId == "A37YH667");
    CHECK(rejected.message ==
          "SV101-2 (lines[0].code): `478331` is not a procedure code: procedure codes have five "
          "characters, `478331` has 6");
  }
  CHECK(r.rejects[0].origin.position == 34);
  CHECK(r.rejects[1].origin.position == 62);
  const auto& first = r.claims[0];
  CHECK(first.id == "A37YH556");
  CHECK(first.payer == "11122333");
  CHECK(first.patient.id == "123456");
  CHECK(first.billingProviderNpi == "1234567890");
  CHECK(first.providerNpi == "1234567890");
  CHECK(first.placeOfService == "11");
  // `HI*BK*8901*BF*87200*BF:5559`: ICD-9, element separators where the
  // component separator belongs, read as BK:8901 BF:87200 BF:5559.
  CHECK(first.diagnoses == std::vector<std::string>{"890.1", "872.00", "555.9"});
  REQUIRE(first.lines.size() == 1);
  CHECK(first.lines[0].code.text() == "99211");
  CHECK(first.lines[0].modifierCount == 1);
  CHECK(first.lines[0].modifiers[0].text() == "25");
  CHECK(first.lines[0].units == 1);
  CHECK(first.lines[0].charge == 12.25);
  // DTP*472*RD8*20050314-20050325: a range gives its first date.
  CHECK(first.lines[0].date.iso() == "2005-03-14");
}

TEST_CASE("x12_multiple_transactions.txt: 624 claims over 312 transactions", "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x12_multiple_transactions.txt");
  CHECK(r.read() == 624);
  CHECK(r.order.front() == "A37YH556");
  CHECK(r.order.back() == "A37YH667");
}

TEST_CASE("x12_valid.txt: the six-digit code rejects its claim only", "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x12_valid.txt");
  REQUIRE(r.claims.size() == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.order == std::vector<std::string>{"A37YH556", "A37YH667"});
  CHECK(r.rejects[0].origin.file == "imsweb/x12_valid.txt");
  CHECK(r.rejects[0].origin.position == 34);
  CHECK(r.rejects[0].payer == "11122333");
  CHECK(r.rejects[0].message.starts_with("SV101-2 (lines[0].code): `478331`"));
}

TEST_CASE("x12_complex.txt: other payers' loops do not leak into the claim", "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x12_complex.txt");
  REQUIRE(r.claims.size() == 2);
  const auto& claim = r.claims[0];
  // 2330B NM1*PR (other payer) and 2330D NM1*82 follow CLM; neither is this claim's.
  CHECK(claim.payer == "11122333");
  CHECK(claim.providerNpi == "1234567890");
  REQUIRE(claim.lines.size() == 2);
  CHECK(claim.lines[1].date.iso() == "2015-03-31");
  CHECK(claim.lines[1].charge == 13.26);
  // Two transactions: the rejects point into both.
  CHECK(r.rejects[0].origin.position == 106);
  CHECK(r.rejects[3].origin.position == 287);
}

TEST_CASE("x12_writer_test.txt: subscriber demographics and a date range", "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x12_writer_test.txt");
  REQUIRE(r.claims.size() == 1);
  const auto& claim = r.claims[0];
  CHECK(claim.patient.birthDate->iso() == "1961-11-24");
  CHECK(claim.patient.sex == edict::model::Sex::Male);
  CHECK(claim.diagnoses == std::vector<std::string>{"173.9"});
  CHECK(claim.lines[0].units == 5);
  CHECK(claim.lines[0].date.iso() == "2020-05-24");
}

TEST_CASE("x223-test.txt, an 837I, is refused with one clear error", "[read][x12][data]") {
  const ReadResult r = readX12("imsweb/x223-test.txt");
  CHECK(r.read() == 0);
  CHECK(r.fatal ==
        "this is an 837I (institutional) transaction (005010X223A2); edict reads 837P "
        "professional claims (005010X222A1/A2, 004010X098A1)");
}

TEST_CASE("linuxforhealth example 1: a dependent patient under HL 23", "[read][x12][data]") {
  const ReadResult r = readX12("linuxforhealth/demo.example1.837");
  REQUIRE(r.claims.size() == 1);
  const auto& claim = r.claims[0];
  CHECK(claim.id == "26463774");
  CHECK(claim.payer == "999996666");
  CHECK(claim.billingProviderNpi == "1912301953");
  CHECK(claim.patient.id == "JS00111223333/SMITH/TED");
  CHECK(claim.patient.birthDate->iso() == "1973-05-01");
  CHECK(claim.patient.sex == edict::model::Sex::Male);
  CHECK(claim.diagnoses == std::vector<std::string>{"034.0", "V73.89"});
  REQUIRE(claim.lines.size() == 4);
  CHECK(claim.lines[2].code.text() == "99214");
  CHECK(claim.lines[2].date.iso() == "2006-10-10");
  CHECK(claim.lines[3].charge == 10.0);
}

TEST_CASE("linuxforhealth autoaccident: the 2310B rendering provider", "[read][x12][data]") {
  const ReadResult r = readX12("linuxforhealth/demo.autoaccident.837");
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].billingProviderNpi == "1253695747");
  CHECK(r.claims[0].providerNpi == "2366552595");
}

TEST_CASE("linuxforhealth ambulance: modifiers and decimal units", "[read][x12][data]") {
  const ReadResult r = readX12("linuxforhealth/demo.ambulance.example5.837");
  REQUIRE(r.claims.size() == 1);
  const auto& lines = r.claims[0].lines;
  CHECK(lines[1].code.text() == "A0425");
  CHECK(lines[1].modifiers[0].text() == "RH");
  CHECK(lines[1].units == 21);  // SV104 `21.00`
  CHECK(r.claims[0].placeOfService == "41");
}

TEST_CASE("files written with other separators than their ISA declares are rejected, and say so",
          "[read][x12][data]") {
  const ReadResult r = readX12("linuxforhealth/demo.example12.837");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].claimId == "TS234H3");
  CHECK(r.rejects[0].message ==
        "CLM05-1 (place_of_service): `23>B>1` is not a place of service code (two digits) (the "
        "ISA segment declares `:` as the component separator, ISA16, but this segment uses `>`)");
}

TEST_CASE("pyx12 simple_837p.txt: a 4010 file is read", "[read][x12][data]") {
  const ReadResult r = readX12("pyx12/simple_837p.txt");
  REQUIRE(r.claims.size() == 2);
  const auto& claim = r.claims[0];
  CHECK(claim.id == "3215338");
  CHECK(claim.payer == "8888888");
  CHECK(claim.patient.id == "1212121");
  CHECK(claim.patient.birthDate->iso() == "1905-11-04");
  CHECK(claim.placeOfService == "12");
  // 4010 providers carry tax ids (NM108 `24`), not NPIs.
  CHECK(claim.billingProviderNpi.empty());
  CHECK(claim.lines[0].code.text() == "H2015");
  CHECK(claim.lines[0].modifiers[0].text() == "TT");
  CHECK(claim.lines[0].units == 12);
  CHECK(r.claims[1].id == "5555");
}
