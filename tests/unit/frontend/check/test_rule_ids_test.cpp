// The rule ids a `test` block's expectations name (check/check_test.cpp):
// a rule's id, a pair of a pair table (`ptp_C1_C2`) or a code of an MUE
// table (`mue_CODE`), found in the tables' sorted rows; an id that names
// nothing is reported, with the nearest id.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "frontend/check/checker.h"
#include "frontend/parse/parser.h"
#include "support/scratch.h"

using namespace edict;
namespace fs = std::filesystem;

namespace {

/// Two tables in a directory of the test's own.
struct TableDir : testing::ScratchDir {
  TableDir() : ScratchDir("test-ids") {
    write(
        "p.csv",
        "column1,column2,indicator,effective,deletion,rationale\n"
        "98940,97140,1,2020-01-01,,x\n97140,97530,1,2020-01-01,,x\n98941,97140,1,2020-01-01,,x\n");
    write("m.tsv",
          "code\tvalue\tindicator\teffective\trationale\n"
          "97035\t2\t3\t2026-10-01\tx\n97110\t4\t2\t2026-10-01\tx\n");
  }
};

std::vector<diag::Diagnostic> diagnosticsOf(const TableDir& dir, const std::string& expectations) {
  source::SourceFile file((dir.path() / "t.edict").string(),
                          "ruleset t\npairs from \"p.csv\"\nlimits from \"m.tsv\"\n"
                          "limit 97113 max 1 per line\n"
                          "test \"t\" {\n  claim date 2026-11-02 { 97110 GP }\n" +
                              expectations + "}\n");
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast);
  (void)check::checkRuleset(*ast, sink);
  return sink.all();
}

}  // namespace

TEST_CASE("expectations may name table rows and rules", "[check][test_ids]") {
  TableDir dir;
  CHECK(diagnosticsOf(dir,
                      "  expect no rule ptp_97140_97530\n  expect no rule ptp_98941_97140\n"
                      "  expect no rule ptp_98940_97140\n  expect no rule mue_97035\n"
                      "  expect no rule mue_97110\n  expect no rule mue_97113\n"
                      "  expect no rule pairs_p\n  expect no rule mues_m\n")
            .empty());
}

TEST_CASE("an id that names no rule or row is reported with the nearest", "[check][test_ids]") {
  TableDir dir;
  for (const char* id : {"ptp_97530_97140", "ptp_97140_9753", "mue_97112", "ptp_97140", "mue_x"}) {
    INFO(id);
    const auto d = diagnosticsOf(dir, std::string("  expect no rule ") + id + "\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].kind == diag::Kind::BadExpectation);
  }
  const auto d = diagnosticsOf(dir, "  expect no rule ptp_97140_97503\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].help == std::optional<std::string>("did you mean `ptp_97140_97530`?"));
}
