// edict's normalized tables: the PTP and MUE TSV forms that `edict import`
// writes, and the CSV pair table an analyst writes by hand.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tables/cms_mue_reader.h"
#include "tables/cms_ptp_reader.h"
#include "tables/ptp_csv.h"
#include "tables/tsv_tables.h"

using namespace edict;
using tables::MueRead;
using tables::PtpRead;

namespace {

PtpRead cmsPtpExcerpt() {
  std::ifstream in(EDICT_TEST_DATA "/ncci/ptp-practitioner-excerpt.txt", std::ios::binary);
  return tables::readCmsPtp(in, "excerpt.txt");
}

MueRead cmsMueExcerpt() {
  std::ifstream in(EDICT_TEST_DATA "/ncci/mue-practitioner-excerpt.csv", std::ios::binary);
  return tables::readCmsMue(in, "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
}

std::string ptpTsv(const tables::PtpRows& table) {
  std::ostringstream out;
  tables::writePtpTsv(out, table);
  return out.str();
}

PtpRead readPtpTsv(const std::string& text) {
  std::istringstream in(text);
  return tables::readPtpTsv(in, "ptp.tsv");
}

PtpRead readPtpCsv(const std::string& text) {
  std::istringstream in(text);
  return tables::readPtpCsv(in, "pairs.csv");
}

std::string onlyProblem(const tables::ProblemLog& problems) {
  REQUIRE(problems.total() == 1);
  return tables::formatProblem(problems.kept()[0]);
}

void checkSameRows(const tables::PtpRows& a, const tables::PtpRows& b) {
  REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    INFO("row " << i);
    CHECK(a.rows[i].column1 == b.rows[i].column1);
    CHECK(a.rows[i].column2 == b.rows[i].column2);
    CHECK(a.rows[i].effective == b.rows[i].effective);
    CHECK(a.rows[i].deletion == b.rows[i].deletion);
    CHECK(a.rows[i].indicator == b.rows[i].indicator);
    CHECK(a.rationaleOf(a.rows[i]) == b.rationaleOf(b.rows[i]));
  }
}

const std::string kPtpHeader = "column1\tcolumn2\tindicator\teffective\tdeletion\trationale\n";

}  // namespace

TEST_CASE("the PTP TSV has a header and one row per CMS row", "[tables][tsv]") {
  const PtpRead cms = cmsPtpExcerpt();
  const std::string tsv = ptpTsv(cms.table);
  CHECK(tsv.starts_with(kPtpHeader +
                        "0001A\t0591T\t1\t2022-01-01\t2023-12-31\tCPT Manual or CMS manual coding "
                        "instruction\n"));
  CHECK(
      tsv.find("0001U\t0030U\t1\t2018-07-01\t\tMisuse of Column Two code with Column One code\n") !=
      std::string::npos);

  const PtpRead back = readPtpTsv(tsv);
  CHECK(back.problems.empty());
  CHECK(back.records == 15);
  checkSameRows(cms.table, back.table);
  CHECK(back.table.rows[0].line == 2);
  CHECK(ptpTsv(back.table) == tsv);
}

TEST_CASE("text cells escape tabs, line breaks and backslashes", "[tables][tsv]") {
  tables::PtpRows table;
  table.rows.push_back({*model::Code::parse("97140"), *model::Code::parse("97530"),
                        *model::Date::parseIso("2020-01-01"), model::kEndOfTime,
                        tables::PtpIndicator::Allowed, false,
                        table.rationales.intern("a\tb\nc\\d\re \xC3\xA9"), 0});
  const std::string tsv = ptpTsv(table);
  CHECK(tsv == kPtpHeader + "97140\t97530\t1\t2020-01-01\t\ta\\tb\\nc\\\\d\\re \xC3\xA9\n");
  const PtpRead back = readPtpTsv(tsv);
  CHECK(back.problems.empty());
  checkSameRows(table, back.table);
}

TEST_CASE("a bad PTP TSV row is reported by column name", "[tables][tsv]") {
  struct Case {
    std::string row;
    std::string problem;
  };
  const Case cases[] = {
      {"97140\t97530\t1\t2020-01-01\t\n",
       "ptp.tsv:3: columns: expected 6 tab-separated columns, found 5"},
      {"97140\t97530\t3\t2020-01-01\t\tx\n",
       "ptp.tsv:3: indicator: `3` is not a modifier indicator: use 0 (not allowed), 1 (allowed) "
       "or 9 (not applicable)"},
      {"97140\t97530\t1\t2020-02-30\t\tx\n",
       "ptp.tsv:3: effective: `2020-02-30` is not a date in the form YYYY-MM-DD"},
      {"97140\t97530\t1\t2020-01-01\t2019-01-01\tx\n",
       "ptp.tsv:3: deletion: the deletion date 2019-01-01 is before the effective date 2020-01-01"},
      {"97140\tg0283\t1\t2020-01-01\t\tx\n",
       "ptp.tsv:3: column2: `g0283` is not a procedure code: procedure codes use digits and "
       "capital letters, `g0283` has `g`"},
      {"97140\t97530\t1\t2020-01-01\t\tbad \xE9 byte\n",
       "ptp.tsv:3: rationale: invalid UTF-8 at byte 5 (0xE9); save the file as UTF-8"},
      {"97140\t97530\t1\t2020-01-01\t\tbad \\x escape\n",
       "ptp.tsv:3: rationale: unknown escape `\\x`; only \\\\, \\t, \\n and \\r are escapes"},
  };
  const std::string good = "97110\t97150\t1\t2020-01-01\t\tx\n";
  for (const Case& c : cases) {
    INFO(c.row);
    const PtpRead read = readPtpTsv(kPtpHeader + good + c.row + good);
    CHECK(onlyProblem(read.problems) == c.problem);
    CHECK(read.table.rows.size() == 2);
  }
}

TEST_CASE("a file without the TSV header is refused whole", "[tables][tsv]") {
  std::ifstream in(EDICT_TEST_DATA "/ncci/ptp-practitioner-excerpt.txt", std::ios::binary);
  const PtpRead cms = tables::readPtpTsv(in, "excerpt.txt");
  CHECK(onlyProblem(cms.problems) ==
        "excerpt.txt:1: not an edict PTP table: its first line must be the header `column1 "
        "column2 indicator effective deletion rationale` (tab-separated); this looks like a CMS "
        "file: convert it with `edict import ptp`");
  CHECK(cms.table.rows.empty());
  CHECK(onlyProblem(readPtpTsv("").problems) ==
        "ptp.tsv: the file is empty; expected an edict PTP table");
  CHECK(onlyProblem(readPtpTsv("column1,column2\n").problems)
            .starts_with("ptp.tsv:1: not an edict PTP table"));
}

TEST_CASE("the MUE TSV round-trips the CMS rows", "[tables][tsv][mue]") {
  const MueRead cms = cmsMueExcerpt();
  std::ostringstream out;
  tables::writeMueTsv(out, cms.table);
  const std::string tsv = out.str();
  CHECK(
      tsv.starts_with("code\tvalue\tindicator\teffective\trationale\n"
                      "0001U\t1\t2\t2026-07-01\tCode Descriptor / CPT Instruction\n"
                      "0002M\t1\t3\t2026-07-01\tNature of Analyte\n"));

  std::istringstream in(tsv);
  const MueRead back = tables::readMueTsv(in, "mue.tsv");
  CHECK(back.problems.empty());
  REQUIRE(back.table.rows.size() == cms.table.rows.size());
  for (std::size_t i = 0; i < back.table.rows.size(); ++i) {
    CHECK(back.table.rows[i].code == cms.table.rows[i].code);
    CHECK(back.table.rows[i].value == cms.table.rows[i].value);
    CHECK(back.table.rows[i].indicator == cms.table.rows[i].indicator);
    CHECK(back.table.rows[i].effective == cms.table.rows[i].effective);
    CHECK(back.table.rationaleOf(back.table.rows[i]) == cms.table.rationaleOf(cms.table.rows[i]));
  }

  std::istringstream bad(
      "code\tvalue\tindicator\teffective\trationale\n97110\t4\t9\t2026-07-01\tx\n");
  CHECK(onlyProblem(tables::readMueTsv(bad, "mue.tsv").problems) ==
        "mue.tsv:2: indicator: `9` is not an MUE adjudication indicator: use 1 (line), 2 (date of "
        "service, policy) or 3 (date of service, clinical)");
}

TEST_CASE("an analyst's CSV pair table reads as written", "[tables][csv]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "column1, column2, indicator, effective, deletion, rationale\r\n"
      "97140, 97530, 1, 2020-01-01, , Mutually exclusive procedures\r\n"
      "\r\n"
      "97530,97140,0,20200101,2026-12-31,\"Payer policy: \"\"never\"\", even with 59\"\r\n"
      "98940,97124,1,2021-01-01,,\" spaces kept \"\r\n";
  const PtpRead read = readPtpCsv(text);
  CHECK(read.problems.empty());
  REQUIRE(read.table.rows.size() == 3);
  CHECK(read.table.rows[0].column1.text() == "97140");
  CHECK(read.table.rows[0].deletion == model::kEndOfTime);
  CHECK(read.table.rationaleOf(read.table.rows[0]) == "Mutually exclusive procedures");
  CHECK(read.table.rows[1].indicator == tables::PtpIndicator::NotAllowed);
  CHECK(read.table.rows[1].effective.iso() == "2020-01-01");
  CHECK(read.table.rows[1].deletion.iso() == "2026-12-31");
  CHECK(read.table.rationaleOf(read.table.rows[1]) == "Payer policy: \"never\", even with 59");
  CHECK(read.table.rationaleOf(read.table.rows[2]) == " spaces kept ");
  CHECK(read.table.rows[2].line == 5);

  std::ostringstream out;
  tables::writePtpCsv(out, read.table);
  CHECK(out.str() ==
        "column1,column2,indicator,effective,deletion,rationale\n"
        "97140,97530,1,2020-01-01,,Mutually exclusive procedures\n"
        "97530,97140,0,2020-01-01,2026-12-31,\"Payer policy: \"\"never\"\", even with 59\"\n"
        "98940,97124,1,2021-01-01,,\" spaces kept \"\n");
  const PtpRead again = readPtpCsv(out.str());
  CHECK(again.problems.empty());
  checkSameRows(read.table, again.table);
}

TEST_CASE("a bad CSV pair row is reported with line and column", "[tables][csv]") {
  const std::string header = "column1,column2,indicator,effective,deletion,rationale\n";
  CHECK(onlyProblem(readPtpCsv(header + "97140,97530,1,2020-01-01\n").problems) ==
        "pairs.csv:2: columns: expected 6 columns (column1,column2,indicator,effective,deletion,"
        "rationale), found 4");
  CHECK(onlyProblem(readPtpCsv(header + "97140,97530,yes,2020-01-01,,x\n").problems) ==
        "pairs.csv:2: indicator: `yes` is not a modifier indicator: use 0 (not allowed), 1 "
        "(allowed) or 9 (not applicable)");
  CHECK(onlyProblem(readPtpCsv(header + "97140,97530,1,01/01/2020,,x\n").problems) ==
        "pairs.csv:2: effective: `01/01/2020` is not a date in the form YYYY-MM-DD");
  CHECK(onlyProblem(readPtpCsv(header + "97140,97530,1,2020-01-01,,\"open\n").problems) ==
        "pairs.csv:2: a quoted field is not closed before the end of the file; the file may be "
        "truncated");
  CHECK(onlyProblem(readPtpCsv(header + "97140,97530,1,2020-01-01,,caf\xE9\n").problems) ==
        "pairs.csv:2: rationale: invalid UTF-8 at byte 4 (0xE9); save the file as UTF-8");
  CHECK(onlyProblem(readPtpCsv("code1,code2\n97140,97530\n").problems) ==
        "pairs.csv:1: not a PTP pair table: its first line must be the header "
        "`column1,column2,indicator,effective,deletion,rationale`");
}
