// Reading the CMS MUE practitioner file: RFC 4180 records spanning lines, the
// indicator with its label in one cell, the effective date from the file name.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tables/cms_mue_reader.h"

using namespace edict;
using tables::MueIndicator;
using tables::MueRead;

namespace {

const std::string kRealName = "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv";

std::string excerptText() {
  std::ifstream in(EDICT_TEST_DATA "/ncci/mue-practitioner-excerpt.csv", std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The notice and the header records, as CMS writes them.
std::string cmsHeader() {
  const std::string text = excerptText();
  return text.substr(0, text.find("0001U,"));
}

MueRead readText(const std::string& text, const std::string& name = kRealName,
                 std::optional<model::Date> effective = std::nullopt) {
  std::istringstream in(text);
  return tables::readCmsMue(in, name, effective);
}

std::string onlyProblem(const MueRead& read) {
  REQUIRE(read.problems.total() == 1);
  return tables::formatProblem(read.problems.kept()[0]);
}

model::Date date(const char* iso) {
  return *model::Date::parseIso(iso);
}

}  // namespace

TEST_CASE("the real MUE excerpt reads whole", "[tables][mue]") {
  const MueRead read = readText(excerptText());
  CHECK(read.problems.empty());
  CHECK(read.records == 7);
  REQUIRE(read.table.rows.size() == 7);
  REQUIRE(read.effective);
  CHECK(*read.effective == date("2026-07-01"));

  const auto& first = read.table.rows[0];
  CHECK(first.code.text() == "0001U");
  CHECK(first.value == 1);
  CHECK(first.indicator == MueIndicator::DatePolicy);
  CHECK(first.effective == date("2026-07-01"));
  CHECK(read.table.rationaleOf(first) == "Code Descriptor / CPT Instruction");
  // The notice spans lines 1-7 and the header lines 8-9.
  CHECK(first.line == 10);
  CHECK(read.table.rows[1].indicator == MueIndicator::DateClinical);
  CHECK(read.table.rationaleOf(read.table.rows[5]) == "Clinical: CMS Workgroup");
  CHECK(read.table.rows[6].code.text() == "0004M");
}

TEST_CASE("the effective date comes from the CMS file name", "[tables][mue]") {
  using tables::mueEffectiveFromFileName;
  CHECK(mueEffectiveFromFileName(kRealName) == date("2026-07-01"));
  CHECK(mueEffectiveFromFileName("/data/cms/" + kRealName) == date("2026-07-01"));
  CHECK(mueEffectiveFromFileName("mcr_mue_practitionerservices_eff_01-01-2025.CSV") ==
        date("2025-01-01"));
  CHECK_FALSE(mueEffectiveFromFileName("mue.csv"));
  CHECK_FALSE(mueEffectiveFromFileName("MCR_MUE_PractitionerServices_Eff_13-01-2026.csv"));
  CHECK_FALSE(mueEffectiveFromFileName("MCR_MUE_PractitionerServices_Eff_2026-07-01.csv"));
}

TEST_CASE("without an effective date the rows are checked but not kept", "[tables][mue]") {
  const MueRead read = readText(excerptText(), "mue.csv");
  CHECK(onlyProblem(read) ==
        "mue.csv: effective date: the file name `mue.csv` does not carry CMS's "
        "`_Eff_MM-DD-YYYY`; give the effective date (edict import mue --effective)");
  CHECK(read.table.rows.empty());

  const MueRead given = readText(excerptText(), "mue.csv", date("2026-10-01"));
  CHECK(given.problems.empty());
  REQUIRE(given.table.rows.size() == 7);
  CHECK(given.table.rows[0].effective == date("2026-10-01"));
}

TEST_CASE("quoted cells, CRLF and a line break in the header", "[tables][mue]") {
  std::string crlf;
  for (char c : excerptText()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  crlf += "\"97110\",\"4\",\"2 Date of Service Edit: Policy\",\"Policy, \"\"quoted\"\"\"\r\n";
  const MueRead read = readText(crlf);
  CHECK(read.problems.empty());
  REQUIRE(read.table.rows.size() == 8);
  CHECK(read.table.rows[7].value == 4);
  CHECK(read.table.rationaleOf(read.table.rows[7]) == "Policy, \"quoted\"");
}

TEST_CASE("each malformed MUE row is reported with its line and field", "[tables][mue]") {
  const std::string good = "97110,4,2 Date of Service Edit: Policy,Clinical: Data\n";
  struct Case {
    std::string row;
    std::string problem;
  };
  const std::string f = kRealName + ":11: ";
  const Case cases[] = {
      {"97112,4,2 Date of Service Edit: Policy\n", f + "columns: expected 4 columns, found 3"},
      {"9711,4,2 Date of Service Edit: Policy,x\n",
       f + "code: `9711` is not a procedure code: procedure codes have five characters, `9711` "
           "has 4"},
      {"97112,four,2 Date of Service Edit: Policy,x\n",
       f + "MUE value: `four` is not a whole number of units"},
      {"97112,-1,2 Date of Service Edit: Policy,x\n",
       f + "MUE value: `-1` is not a whole number of units"},
      {"97112,4,4 Date of Service Edit: Policy,x\n",
       f + "adjudication indicator: `4` is not an MUE adjudication indicator: use 1 (line), 2 "
           "(date of service, policy) or 3 (date of service, clinical)"},
      {"97112,4,2 Date of Service Edit: Clinical,x\n",
       f + "adjudication indicator: `2 Date of Service Edit: Clinical` names indicator 2 but its "
           "label is CMS's label of indicator 3"},
      {"97112,4,1 Line Edit,x\xA0\x81\n",
       f + "rationale: byte 0x81 is not a character in Latin-1 or Windows-1252 text"},
      {"97110,1,1 Line Edit,x\n", f + "code: `97110` is listed again; its first row is on line 10"},
      {"97112,4,2 Date of \"Service\",x\n",
       f + "a quote inside field 3 that is not in quotes; quote the field and double the quote "
           "(\"\")"},
      {"97112,\"4\"x,2 Date of Service Edit: Policy,x\n",
       f + "text after the closing quote of field 2"},
  };
  for (const Case& c : cases) {
    INFO(c.row);
    const MueRead read = readText(cmsHeader() + good + c.row + "97113,1,1 Line Edit,x\n");
    CHECK(onlyProblem(read) == c.problem);
    CHECK(read.records == 3);
    CHECK(read.table.rows.size() == 2);
  }
  // A label without the number's keyword but naming none other is accepted.
  const MueRead plain = readText(cmsHeader() + "97112,4,1,x\n97113,4,1 Line,x\n");
  CHECK(plain.problems.empty());
  CHECK(plain.table.rows.size() == 2);
}

TEST_CASE("a truncated or foreign MUE file is one clear error", "[tables][mue]") {
  const std::string text = excerptText();
  CHECK(onlyProblem(readText(text.substr(0, 200))).find("not a CMS MUE file") != std::string::npos);
  CHECK(onlyProblem(readText(cmsHeader())) ==
        kRealName + ": the file has a header but no rows; it may be truncated");
  const MueRead cut = readText(text.substr(0, text.size() - 10));
  REQUIRE(cut.problems.total() == 1);
  CHECK(tables::formatProblem(cut.problems.kept()[0]) ==
        kRealName + ": the last line has no line ending; the file may be truncated");
  CHECK(cut.table.rows.back().code.text() == "0004M");

  std::ifstream ptp(EDICT_TEST_DATA "/ncci/ptp-practitioner-excerpt.txt", std::ios::binary);
  const MueRead foreign = tables::readCmsMue(ptp, kRealName);
  CHECK(onlyProblem(foreign).find("not a CMS MUE file: no header record") != std::string::npos);
  CHECK(foreign.table.rows.empty());

  const MueRead unclosed = readText(cmsHeader() + "97110,4,\"2 Date of Service Edit: Policy,x\n");
  CHECK(onlyProblem(unclosed) ==
        kRealName +
            ":10: a quoted field is not closed before the end of the file; the file may be "
            "truncated");
}
