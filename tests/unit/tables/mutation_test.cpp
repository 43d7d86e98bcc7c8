// No input crashes a table reader: the real excerpts with random bytes
// changed, inserted and cut, fed to every reader (run under the sanitizers
// by the asan preset). Each reader accounts for every row it saw.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "tables/cms_mue_reader.h"
#include "tables/cms_ptp_reader.h"
#include "tables/ptp_csv.h"
#include "tables/tsv_tables.h"

using namespace edict;

namespace {

std::string fileText(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string mutate(std::string text, std::mt19937& rng) {
  const char interesting[] = {'\t', '\n', '\r', '"',    ',',    '\\',   '*',    '0',
                              '9',  ' ',  '\0', '\x81', '\xC3', '\xE9', '\xFF', '-'};
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = rng() % text.size();
    const char c = rng() % 2 ? interesting[rng() % sizeof interesting] : static_cast<char>(rng());
    switch (rng() % 4) {
      case 0: text[at] = c; break;
      case 1: text.insert(at, 1, c); break;
      case 2: text.erase(at, 1 + rng() % 20); break;
      default: text.resize(at); break;
    }
  }
  return text;
}

template <typename Read>
void checkAccounted(const Read& read) {
  // Every kept row was seen, and every row seen was kept or has a problem.
  REQUIRE(read.table.rows.size() <= read.records);
  REQUIRE(read.table.rows.size() + read.problems.total() >= read.records);
  REQUIRE(read.problems.kept().size() <= read.problems.total());
}

}  // namespace

TEST_CASE("mutated CMS and edict tables never crash a reader", "[tables][mutation]") {
  const std::string ptp = fileText(EDICT_TEST_DATA "/ncci/ptp-practitioner-excerpt.txt");
  const std::string mue = fileText(EDICT_TEST_DATA "/ncci/mue-practitioner-excerpt.csv");
  std::ostringstream tsvOut;
  {
    std::istringstream in(ptp);
    tables::writePtpTsv(tsvOut, tables::readCmsPtp(in, "ptp").table);
  }
  const std::string tsv = tsvOut.str();
  const std::string csv =
      "column1,column2,indicator,effective,deletion,rationale\n"
      "97140,97530,1,2020-01-01,,Mutually exclusive procedures\n"
      "97530,97140,0,20200101,2026-12-31,\"Payer policy: \"\"never\"\"\"\n";

  std::mt19937 rng(20261127);
  for (int i = 0; i < 3000; ++i) {
    {
      std::istringstream in(mutate(ptp, rng));
      checkAccounted(tables::readCmsPtp(in, "ptp"));
    }
    {
      std::istringstream in(mutate(mue, rng));
      checkAccounted(tables::readCmsMue(in, "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"));
    }
    {
      std::istringstream in(mutate(tsv, rng));
      checkAccounted(tables::readPtpTsv(in, "tsv"));
    }
    {
      std::istringstream in(mutate(csv, rng));
      checkAccounted(tables::readPtpCsv(in, "csv"));
    }
  }
}
