// Reading the CMS NCCI practitioner PTP file: the real layout, and every way
// a row or a file can be wrong.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tables/cms_ptp_reader.h"

using namespace edict;
using tables::PtpIndicator;
using tables::PtpRead;

namespace {

const std::string kExcerpt = EDICT_TEST_DATA "/ncci/ptp-practitioner-excerpt.txt";

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

PtpRead readText(const std::string& text) {
  std::istringstream in(text);
  return tables::readCmsPtp(in, "ptp.txt");
}

// The excerpt's notice, title and header, as CMS writes them.
std::string cmsHeader() {
  const std::string text = fileText(kExcerpt);
  std::size_t pos = 0;
  for (int i = 0; i < 6; ++i) pos = text.find('\n', pos) + 1;
  return text.substr(0, pos);
}

std::string onlyProblem(const PtpRead& read) {
  REQUIRE(read.problems.total() == 1);
  return tables::formatProblem(read.problems.kept()[0]);
}

model::Code code(const char* text) {
  return *model::Code::parse(text);
}
model::Date date(const char* iso) {
  return *model::Date::parseIso(iso);
}

}  // namespace

TEST_CASE("the real PTP excerpt reads whole", "[tables][ptp]") {
  std::ifstream in(kExcerpt, std::ios::binary);
  REQUIRE(in);
  const PtpRead read = tables::readCmsPtp(in, "excerpt.txt");
  CHECK(read.problems.empty());
  CHECK(read.records == 15);
  REQUIRE(read.table.rows.size() == 15);

  const auto& first = read.table.rows[0];
  CHECK(first.column1 == code("0001A"));
  CHECK(first.column2 == code("0591T"));
  CHECK_FALSE(first.before1996);
  CHECK(first.effective == date("2022-01-01"));
  CHECK(first.deletion == date("2023-12-31"));
  CHECK(first.indicator == PtpIndicator::Allowed);
  CHECK(read.table.rationaleOf(first) == "CPT Manual or CMS manual coding instruction");
  CHECK(first.line == 7);

  const auto& third = read.table.rows[2];
  CHECK(third.indicator == PtpIndicator::NotApplicable);
  CHECK(third.deletion == third.effective);
  CHECK(read.table.rows[1].indicator == PtpIndicator::NotAllowed);

  const auto& open = read.table.rows[12];  // 0001U 0030U ... deletion `*`
  CHECK(open.column2 == code("0030U"));
  CHECK(open.deletion == model::kEndOfTime);
  CHECK(read.table.rationaleOf(read.table.rows[5]) == "Mutually exclusive procedures");
  // Four distinct rationales, each stored once.
  CHECK(read.table.rationales.size() == 4);
  CHECK(read.table.rows.back().line == 21);
}

TEST_CASE("CRLF line endings read the same as LF", "[tables][ptp]") {
  std::string text = fileText(kExcerpt);
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const PtpRead read = readText(crlf);
  CHECK(read.problems.empty());
  REQUIRE(read.table.rows.size() == 15);
  CHECK(read.table.rationaleOf(read.table.rows[0]) ==
        "CPT Manual or CMS manual coding instruction");
}

TEST_CASE("the pre-1996 star and trailing empty columns are accepted", "[tables][ptp]") {
  const PtpRead read = readText(
      cmsHeader() + "97140\t97530\t*\t19960101\t*\t1\tMutually exclusive procedures\t\t\n");
  CHECK(read.problems.empty());
  REQUIRE(read.table.rows.size() == 1);
  CHECK(read.table.rows[0].before1996);
  CHECK(read.table.rows[0].effective == date("1996-01-01"));
}

TEST_CASE("each malformed row is reported with file, line and field, and skipped",
          "[tables][ptp]") {
  const std::string good = "97140\t97530\t\t20200101\t*\t1\tMutually exclusive procedures\n";
  struct Case {
    std::string row;
    std::string problem;
  };
  const Case cases[] = {
      {"97140\t97530\t\t20200101\t*\t1\n",
       "ptp.txt:8: columns: expected 7 tab-separated columns, found 6"},
      {"97140\t97530\t\t20200101\t*\t1\tx\ty\n",
       "ptp.txt:8: columns: expected 7 tab-separated columns, found 8"},
      {"9714\t97530\t\t20200101\t*\t1\tx\n",
       "ptp.txt:8: column 1: `9714` is not a procedure code: procedure codes have five characters, "
       "`9714` has 4"},
      {"97140\t\t\t20200101\t*\t1\tx\n", "ptp.txt:8: column 2: missing procedure code"},
      {"97140\t97140\t\t20200101\t*\t1\tx\n",
       "ptp.txt:8: column 2: the pair has the same code `97140` in both columns"},
      {"97140\t97530\tyes\t20200101\t*\t1\tx\n",
       "ptp.txt:8: prior to 1996: expected `*` or nothing, found `yes`"},
      {"97140\t97530\t\t20200230\t*\t1\tx\n",
       "ptp.txt:8: effective date: `20200230` is not a date in the form YYYYMMDD"},
      {"97140\t97530\t\t2020-01-01\t*\t1\tx\n",
       "ptp.txt:8: effective date: `2020-01-01` is not a date in the form YYYYMMDD"},
      {"97140\t97530\t\t20200101\t\t1\tx\n", "ptp.txt:8: deletion date: missing date"},
      {"97140\t97530\t\t20200101\t20191231\t1\tx\n",
       "ptp.txt:8: deletion date: the deletion date 2019-12-31 is before the effective date "
       "2020-01-01"},
      {"97140\t97530\t\t20200101\t*\t2\tx\n",
       "ptp.txt:8: modifier indicator: `2` is not a modifier indicator: use 0 (not allowed), 1 "
       "(allowed) or 9 (not applicable)"},
      {"97140\t97530\t\t20200101\t*\t\tx\n",
       "ptp.txt:8: modifier indicator: `` is not a modifier indicator: use 0 (not allowed), 1 "
       "(allowed) or 9 (not applicable)"},
  };
  for (const Case& c : cases) {
    INFO(c.row);
    const PtpRead read = readText(cmsHeader() + good + c.row + good);
    CHECK(onlyProblem(read) == c.problem);
    CHECK(read.records == 3);
    REQUIRE(read.table.rows.size() == 2);
    CHECK(read.table.rows[1].line == 9);
  }
}

TEST_CASE("a file that is not a PTP file is one clear error", "[tables][ptp]") {
  std::ifstream in(EDICT_TEST_DATA "/ncci/mue-practitioner-excerpt.csv", std::ios::binary);
  const PtpRead read = tables::readCmsPtp(in, "mue.csv");
  CHECK(onlyProblem(read) ==
        "mue.csv: not a CMS NCCI PTP file: no header line starting `Column 1<TAB>Column 2` in "
        "its first 10 lines");
  CHECK(read.table.rows.empty());

  CHECK(onlyProblem(readText("")) == "ptp.txt: the file is empty; expected a CMS NCCI PTP file");
  CHECK(onlyProblem(readText(std::string("\x7f"
                                         "ELF\x02\x01\x01\0\0\0",
                                         10)))
            .find("not a CMS NCCI PTP file") != std::string::npos);
}

TEST_CASE("a truncated file is reported", "[tables][ptp]") {
  const std::string text = fileText(kExcerpt);
  SECTION("cut in the middle of a row") {
    const std::size_t cut = text.find("0001U\t0030U") + 14;
    const PtpRead read = readText(text.substr(0, cut));
    REQUIRE(read.problems.total() == 2);
    CHECK(tables::formatProblem(read.problems.kept()[0]) ==
          "ptp.txt:19: columns: expected 7 tab-separated columns, found 4");
    CHECK(tables::formatProblem(read.problems.kept()[1]) ==
          "ptp.txt:19: the last line has no line ending; the file may be truncated");
    CHECK(read.table.rows.size() == 12);
  }
  SECTION("cut after the header") {
    const PtpRead read = readText(cmsHeader());
    CHECK(onlyProblem(read) == "ptp.txt: the file has a header but no rows; it may be truncated");
  }
  SECTION("cut before the header") {
    const PtpRead read = readText(text.substr(0, 40));
    CHECK(onlyProblem(read).find("not a CMS NCCI PTP file") != std::string::npos);
  }
}

TEST_CASE("Latin-1 rationales become UTF-8", "[tables][ptp][encoding]") {
  auto rationale = [](const std::string& raw) {
    const PtpRead read = readText(cmsHeader() + "97140\t97530\t\t20200101\t*\t1\t" + raw + "\n");
    return read;
  };
  SECTION("Latin-1 letters and Windows-1252 punctuation") {
    const PtpRead read = rationale("Caf\xE9 \x93quoted\x94 \xAE");
    REQUIRE(read.problems.empty());
    CHECK(read.table.rationaleOf(read.table.rows[0]) ==
          "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xC2\xAE");
  }
  SECTION("text already in UTF-8 is not decoded twice") {
    const PtpRead read = rationale("Caf\xC3\xA9");
    REQUIRE(read.problems.empty());
    CHECK(read.table.rationaleOf(read.table.rows[0]) == "Caf\xC3\xA9");
  }
  SECTION("bytes that are no character are reported") {
    CHECK(onlyProblem(rationale("bad \x81 byte")) ==
          "ptp.txt:7: rationale: byte 0x81 is not a character in Latin-1 or Windows-1252 text");
    CHECK(onlyProblem(rationale(std::string("nul \0 byte", 10))) ==
          "ptp.txt:7: rationale: control character 0x00 in text");
  }
}

TEST_CASE("problems are counted beyond the ones kept", "[tables][ptp]") {
  std::string text = cmsHeader();
  for (int i = 0; i < 1500; ++i) text += "97140\t97530\t\t20200101\t*\t7\tx\n";
  text += "97140\t97530\t\t20200101\t*\t1\tx\n";
  const PtpRead read = readText(text);
  CHECK(read.problems.total() == 1500);
  CHECK(read.problems.kept().size() == tables::ProblemLog::kDefaultCap);
  CHECK(read.table.rows.size() == 1);
  CHECK(read.records == 1501);
}

TEST_CASE("an overlong line is reported and the next row still read", "[tables][ptp]") {
  const std::string text =
      cmsHeader() + std::string(100000, 'x') + "\n" + "97140\t97530\t\t20200101\t*\t1\tx\n";
  const PtpRead read = readText(text);
  CHECK(onlyProblem(read) == "ptp.txt:7: line longer than 65536 bytes; not a PTP row");
  REQUIRE(read.table.rows.size() == 1);
  CHECK(read.table.rows[0].line == 8);
}
