// Reading X12 837P: separators from the ISA, the HL hierarchy, claim and
// line loops, and a reject (or one fatal error) for every kind of bad input.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "reader_test_util.h"

using edict::read::InputFormat;
using edict::testing::ReadResult;
using edict::testing::readText;

namespace {

const char* const kIsa =
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261101*1200*^*00501*"
    "000000001*0*P*:~\n";

/// An 837P interchange around `body` (segments after the HL 20 level).
std::string interchange(const std::string& body, const std::string& version = "005010X222A1") {
  return std::string(kIsa) +
         fmt::format(
             "GS*HC*S*R*20261101*1200*1*X*{0}~\nST*837*0001*{0}~\n"
             "BHT*0019*00*1*20261101*1200*CH~\n"
             "HL*1**20*1~\nNM1*85*2*CLINIC*****XX*1234567893~\n",
             version) +
         body + "SE*20*0001~\nGE*1*1~\nIEA*1*000000001~\n";
}

/// A subscriber (patient) level with its payer.
std::string subscriber(const std::string& member = "M1", const std::string& payer = "ACME") {
  return fmt::format(
      "HL*2*1*22*0~\nSBR*P*18*******CI~\nNM1*IL*1*DOE*JANE****MI*{}~\nDMG*D8*19500402*F~\n"
      "NM1*PR*2*ACME HEALTH*****PI*{}~\n",
      member, payer);
}

/// A claim with one 97110 line.
std::string claim(const std::string& id, const std::string& extra = "") {
  return fmt::format(
      "CLM*{}*80***11:B:1*Y*A*Y*Y~\nHI*ABK:M5450*ABF:M25561~\n{}LX*1~\n"
      "SV1*HC:97110:GP*80*UN*2***1~\nDTP*472*D8*20261102~\n",
      id, extra);
}

ReadResult readX12(const std::string& text) {
  return readText(text, InputFormat::X12, "in.837");
}

std::string onlyReject(const std::string& text) {
  const ReadResult r = readX12(text);
  INFO(r.fatal);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.claims.empty());
  return r.rejects[0].message;
}

}  // namespace

TEST_CASE("an 837P claim is read field by field", "[read][x12]") {
  const ReadResult r = readX12(interchange(subscriber() + claim("C1")));
  REQUIRE(r.claims.size() == 1);
  const auto& c = r.claims[0];
  CHECK(c.id == "C1");
  CHECK(c.payer == "ACME");
  CHECK(c.patient.id == "M1");
  CHECK(c.patient.birthDate->iso() == "1950-04-02");
  CHECK(c.patient.sex == edict::model::Sex::Female);
  CHECK(c.billingProviderNpi == "1234567893");
  CHECK(c.providerNpi == "1234567893");
  CHECK(c.placeOfService == "11");
  CHECK(c.diagnoses == std::vector<std::string>{"M54.50", "M25.561"});
  REQUIRE(c.lines.size() == 1);
  CHECK(c.lines[0].code.text() == "97110");
  CHECK(c.lines[0].modifiers[0].text() == "GP");
  CHECK(c.lines[0].units == 2);
  CHECK(c.lines[0].charge == 80.0);
  CHECK(c.lines[0].date.iso() == "2026-11-02");
  CHECK(c.origin.file == "in.837");
  CHECK(c.origin.position == 12);  // the CLM is the 12th segment
}

TEST_CASE("separators are whatever the ISA declares", "[read][x12]") {
  // Element `|`, repetition `!`, component `>`, segment terminator a newline.
  std::string text = interchange(subscriber() + claim("C1"));
  for (char& c : text) {
    if (c == '*')
      c = '|';
    else if (c == ':')
      c = '>';
    else if (c == '^')
      c = '!';
    else if (c == '~')
      c = '\n';
  }
  // Each segment now ends in "\n\n": the blank between segments is skipped.
  const ReadResult r = readX12(text);
  INFO(r.fatal);
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].lines[0].modifiers[0].text() == "GP");
  CHECK(r.claims[0].placeOfService == "11");
}

TEST_CASE("a file on one line, with CRLF or no line breaks, reads the same", "[read][x12]") {
  std::string text = interchange(subscriber() + claim("C1") + claim("C2"));
  std::string oneLine;
  std::string crlf;
  for (char c : text) {
    if (c != '\n') oneLine.push_back(c);
    if (c == '\n') crlf.push_back('\r');
    crlf.push_back(c);
  }
  CHECK(readX12(oneLine).order == std::vector<std::string>{"C1", "C2"});
  CHECK(readX12(crlf).order == std::vector<std::string>{"C1", "C2"});
}

TEST_CASE("many transactions, interchanges and claims, in order", "[read][x12]") {
  const std::string one = interchange(subscriber("M1", "P1") + claim("A") + claim("B") +
                                      subscriber("M2", "P2") + claim("C"));
  const ReadResult r = readX12(one + one);
  CHECK(r.order == std::vector<std::string>{"A", "B", "C", "A", "B", "C"});
  CHECK(r.claims[2].payer == "P2");
  CHECK(r.claims[2].patient.id == "M2");
}

TEST_CASE("a dependent patient (HL 23) has their own demographics", "[read][x12]") {
  const std::string body =
      "HL*2*1*22*1~\nSBR*P*18*******CI~\nNM1*IL*1*DOE*JANE****MI*M1~\nDMG*D8*19500402*F~\n"
      "NM1*PR*2*ACME*****PI*ACME~\nHL*3*2*23*0~\nPAT*19~\nNM1*QC*1*DOE*TIM~\n"
      "DMG*D8*20150607*M~\n" +
      claim("C1");
  const ReadResult r = readX12(interchange(body));
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].patient.id == "M1/DOE/TIM");
  CHECK(r.claims[0].patient.birthDate->iso() == "2015-06-07");
  CHECK(r.claims[0].patient.sex == edict::model::Sex::Male);
  CHECK(r.claims[0].payer == "ACME");
}

TEST_CASE("rendering providers at claim (2310B) and line (2420A) level", "[read][x12]") {
  const std::string body = subscriber() +
                           "CLM*C1*80***11:B:1*Y*A*Y*Y~\nNM1*82*1*SMITH*ANN****XX*1111111111~\n"
                           "LX*1~\nSV1*HC:97110*40*UN*1***1~\nDTP*472*D8*20261102~\n"
                           "LX*2~\nSV1*HC:97530*40*UN*1*22**1~\nDTP*472*D8*20261102~\n"
                           "NM1*82*1*JONES*BOB****XX*2222222222~\n";
  const ReadResult r = readX12(interchange(body));
  REQUIRE(r.claims.size() == 1);
  const auto& c = r.claims[0];
  CHECK(c.billingProviderNpi == "1234567893");
  CHECK(c.providerNpi == "1111111111");
  CHECK(c.lines[0].providerNpi.empty());  // same as the claim's
  CHECK(c.lines[1].providerNpi == "2222222222");
  CHECK(c.lines[1].placeOfService == "22");  // SV105
}

TEST_CASE("DTP*472 RD8 gives the first date of the range", "[read][x12]") {
  std::string body = subscriber() + claim("C1");
  body.replace(body.find("D8*20261102"), 11, "RD8*20261102-20261106");
  const ReadResult r = readX12(interchange(body));
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].lines[0].date.iso() == "2026-11-02");
}

TEST_CASE("malformed claims are rejected, naming the segment and the field", "[read][x12]") {
  auto with = [](const std::string& from, const std::string& to) {
    std::string body = subscriber() + claim("C1");
    body.replace(body.find(from), from.size(), to);
    return interchange(body);
  };
  CHECK(onlyReject(with("HC:97110:GP", "HC:478331:GP")) ==
        "SV101-2 (lines[0].code): `478331` is not a procedure code: procedure codes have five "
        "characters, `478331` has 6");
  CHECK(onlyReject(with("D8*20261102", "D8*20260230")) ==
        "DTP03 (lines[0].date): `20260230` is not a date (expected CCYYMMDD)");
  CHECK(onlyReject(with("DMG*D8*19500402", "DMG*D8*1950")) ==
        "DMG02 (patient.birth_date): `1950` is not a date (expected CCYYMMDD)");
  CHECK(onlyReject(with("*80*UN*2*", "*80*UN*1.5*")) ==
        "SV104 (lines[0].units): expected a whole number, got 1.5");
  CHECK(onlyReject(with("*80*UN*2*", "*80*UN**")) ==
        "SV104 (lines[0].units): required field is missing");
  CHECK(onlyReject(with("*80*UN*2*", "*eighty*UN*2*")) ==
        "SV102 (lines[0].charge): `eighty` is not a number");
  CHECK(onlyReject(with("HC:97110:GP", "HC:97110:gp")) ==
        "SV101-3 (lines[0].modifiers): `gp` is not a modifier (two digits or capital letters)");
  CHECK(onlyReject(with("HC:97110", "ER:97110")) ==
        "SV101-1: product or service id qualifier `ER` is not `HC` (CPT/HCPCS); edict reads "
        "procedure codes only");
  CHECK(onlyReject(with("ABK:M5450", "ABK:5450"))
            .starts_with("HI01-2 (diagnoses[0]): `5450` is not an ICD-10-CM diagnosis code"));
  CHECK(onlyReject(with("11:B:1", "1:B:1")) ==
        "CLM05-1 (place_of_service): `1` is not a place of service code (two digits)");
  CHECK(onlyReject(with("DTP*472*D8*20261102~\n", "")) ==
        "DTP*472 (lines[0].date): required segment is missing: the line has no date of service");
  CHECK(onlyReject(with("SV1*HC:97110:GP*80*UN*2***1~\n", "")) ==
        "LX (lines[0]): the service line has no SV1 segment");
  CHECK(onlyReject(with("LX*1~\nSV1*HC:97110:GP*80*UN*2***1~\nDTP*472*D8*20261102~\n", "")) ==
        "LX (lines): a claim needs at least one service line");
}

TEST_CASE("the reject carries the claim id, payer and the segment of the problem", "[read][x12]") {
  std::string body = subscriber() + claim("OK1") + claim("BAD") + claim("OK2");
  body.replace(body.find("HC:97110", body.find("CLM*BAD")), 8, "HC:9711");
  const ReadResult r = readX12(interchange(body));
  CHECK(r.order == std::vector<std::string>{"OK1", "BAD", "OK2"});
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].claimId == "BAD");
  CHECK(r.rejects[0].payer == "ACME");
  CHECK(r.rejects[0].origin.position == 20);  // the SV1 of the second claim
}

TEST_CASE("a bad birth date rejects every claim of that subscriber", "[read][x12]") {
  std::string body = subscriber() + claim("A") + claim("B") + subscriber("M2") + claim("C");
  body.replace(body.find("19500402"), 8, "19501302");
  const ReadResult r = readX12(interchange(body));
  CHECK(r.rejects.size() == 2);
  CHECK(r.claims.size() == 1);
  CHECK(r.claims[0].id == "C");
  CHECK(r.rejects[0].message ==
        "DMG02 (patient.birth_date): `19501302` is not a date (expected CCYYMMDD)");
  CHECK(r.rejects[0].origin.position == 10);  // the DMG segment
}

TEST_CASE("a file cut off inside a claim rejects that claim", "[read][x12]") {
  const std::string full = interchange(subscriber() + claim("A") + claim("B"));
  // Cut inside B's SV1 segment, then after B's last segment (no SE).
  const std::size_t sv1 = full.rfind("SV1*");
  const ReadResult inSegment = readX12(full.substr(0, sv1 + 9));
  CHECK(inSegment.order == std::vector<std::string>{"A", "B"});
  REQUIRE(inSegment.rejects.size() == 1);
  CHECK(inSegment.rejects[0].message ==
        "SV1: the file ends inside this segment, before its terminator: it is cut off");
  const ReadResult noSe = readX12(full.substr(0, full.find("SE*")));
  REQUIRE(noSe.rejects.size() == 1);
  CHECK(noSe.rejects[0].message ==
        "CLM: the file ends inside claim `B` (no SE segment closes its transaction); the claim "
        "may be incomplete");
}

TEST_CASE("invalid UTF-8 and overlong segments reject their claim", "[read][x12]") {
  std::string body = subscriber() + claim("C1", "NM1*82*1*SM\xFFTH*ANN****XX*1111111111~\n");
  CHECK(onlyReject(interchange(body)) == "NM103: not valid UTF-8 text");
  const std::string huge = "NTE*ADD*" + std::string(70000, 'x') + "~\n";
  const ReadResult r = readX12(interchange(subscriber() + claim("C1", huge) + claim("C2")));
  CHECK(r.order == std::vector<std::string>{"C1", "C2"});
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].message == "segment 14 is longer than 65536 bytes");
}

TEST_CASE("ICD-9 HI qualifiers and the element-separator slip", "[read][x12]") {
  std::string body = subscriber() + claim("C1");
  body.replace(body.find("HI*ABK:M5450*ABF:M25561"), 23, "HI*BK*7231*BF:V5789");
  const ReadResult r = readX12(interchange(body));
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].diagnoses == std::vector<std::string>{"723.1", "V57.89"});
}

TEST_CASE("files that are not 837P are refused as a whole", "[read][x12]") {
  CHECK(readX12("hello").fatal == "not X12: the file does not start with an ISA segment");
  CHECK(readX12("ISA*00*").fatal ==
        "the ISA segment is truncated: it needs 16 elements, then the segment terminator");
  CHECK(readX12(interchange(subscriber() + claim("C1"), "005010X223A2")).fatal ==
        "this is an 837I (institutional) transaction (005010X223A2); edict reads 837P "
        "professional claims (005010X222A1/A2, 004010X098A1)");
  CHECK(readX12(interchange(subscriber() + claim("C1"), "005010X224A2"))
            .fatal.starts_with("this is an 837D (dental) transaction"));
  std::string remittance = interchange("");
  remittance.replace(remittance.find("ST*837"), 6, "ST*835");
  CHECK(readX12(remittance).fatal == "transaction set `835` is not an 837 health care claim");
}

TEST_CASE("a later transaction that is not 837P rejects each of its claims", "[read][x12]") {
  const std::string good = interchange(subscriber() + claim("A"));
  const std::string institutional =
      interchange(subscriber() + claim("I1") + claim("I2"), "005010X223A2");
  const ReadResult r = readX12(good + institutional);
  CHECK(r.fatal.empty());
  CHECK(r.order == std::vector<std::string>{"A", "I1", "I2"});
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].message.starts_with("ST: this is an 837I (institutional) transaction"));
}

TEST_CASE("anesthesia minutes (SV103 MJ) are minutes, not units", "[read][x12]") {
  std::string body = subscriber() + claim("C1");
  body.replace(body.find("UN*2"), 4, "MJ*45");
  const ReadResult r = readX12(interchange(body));
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].lines[0].minutes == 45);
  CHECK(r.claims[0].lines[0].units == 1);
}
