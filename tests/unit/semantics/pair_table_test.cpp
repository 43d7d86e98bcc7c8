// `pairs from` tables: rows as data, searched by the generated code; the
// row in force on the date of service decides; layering reaches single rows.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "support/engines.h"

#include <cstdio>
#include <fstream>

using namespace edict;

namespace {

ir::Program compileFile(const std::string& name) {
  diag::DiagnosticSink sink;
  auto c = driver::compileFile(std::string(EDICT_TEST_DATA) + "/tables/" + name, sink);
  INFO((sink.all().empty() ? "" : sink.all().front().message));
  REQUIRE(c.program);
  return std::move(*c.program);
}

std::string claim(const std::string& c1, const std::string& m1, const std::string& c2,
                  const std::string& m2, const std::string& date = "2026-11-02") {
  return fmt::format(
      R"({{"id":"T","lines":[{{"code":"{}","modifiers":[{}],"date":"{}"}},{{"code":"{}","modifiers":[{}],"date":"{}"}}]}})",
      c1, m1, date, c2, m2, date);
}

std::vector<std::string> edits(const ir::Program& p, const std::string& jsonl) {
  std::vector<std::string> out;
  for (const auto& e : testing::evaluateBoth(p, testing::claimsFromJsonl(jsonl)))
    out.push_back(fmt::format("{}:{}:{}", *e.line, e.rule, e.message));
  return out;
}

using Edits = std::vector<std::string>;

}  // namespace

TEST_CASE("a CSV pair table denies column 2 with the row's id and rationale", "[table]") {
  const auto p = compileFile("with_table.edict");
  CHECK(edits(p, claim("97140", "", "97530", "")) ==
        Edits{"2:ptp_97140_97530:97530 is not paid with 97140 on the same date of service: "
              "Mutually exclusive procedures"});
  CHECK(edits(p, claim("97140", R"("59")", "97530", "")).empty());
  CHECK(edits(p, claim("97140", R"("XE")", "97530", "")).size() == 1);  // not in this bypass list
  CHECK(edits(p, claim("97140", R"("LT")", "97530", R"("RT")")).empty());
  CHECK(edits(p, claim("97140", R"("LT")", "97530", R"("LT")")).size() == 1);
  CHECK(edits(p, claim("97110", "", "97150", "")).empty());  // indicator 9
}

TEST_CASE("the table row in force on the date of service decides", "[table][dates]") {
  const auto p = compileFile("with_table.edict");
  CHECK(edits(p, claim("98941", "", "97124", R"("59")", "2024-06-01")).size() == 1);
  CHECK(edits(p, claim("98941", "", "97124", R"("59")", "2025-06-01")).empty());
  CHECK(edits(p, claim("98941", "", "97124", "", "2019-12-31")).empty());
}

TEST_CASE("one line with two column-1 codes gets one edit per pair", "[table]") {
  const auto p = compileFile("with_table.edict");
  CHECK(
      edits(
          p,
          R"({"id":"T","lines":[{"code":"98941","date":"2026-11-02"},{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})") ==
      Edits{"2:ptp_98941_97140:97140 is not paid with 98941 on the same date of service: "
            "Standards of medical/surgical practice",
            "3:ptp_97140_97530:97530 is not paid with 97140 on the same date of service: "
            "Mutually exclusive procedures"});
}

TEST_CASE("a ruleset extending a table overrides and disables single pairs", "[table][layering]") {
  const auto p = compileFile("table_layered.edict");
  CHECK(edits(p, claim("97140", R"("59")", "97530", "")) ==
        Edits{"2:ptp_97140_97530:97530 is not paid with 97140 on the same date of service: No "
              "bypass here"});
  CHECK(edits(p, claim("98941", "", "97140", "")).empty());
  CHECK(edits(p, claim("98941", "", "97124", "", "2024-06-01")).size() == 1);
}

TEST_CASE("bad table rows and overlapping rows are errors that name the row", "[table]") {
  const std::string dir = std::string(EDICT_TEST_DATA) + "/tables/";
  auto diagnostics = [&](const std::string& csv) {
    const std::string path = dir + "scratch.csv";
    { std::ofstream(path) << "column1,column2,indicator,effective,deletion,rationale\n" << csv; }
    std::string out =
        testing::diagnosticsOf("ruleset t\npairs from \"scratch.csv\"\n", dir + "t.edict");
    std::remove(path.c_str());
    return out;
  };
  CHECK(diagnostics("97140,9753,1,2020-01-01,,x\n").find("scratch.csv:2:1: error[E0226]") !=
        std::string::npos);
  CHECK(diagnostics("97140,97530,1,2020-01-01,,x\n97140,97530,0,2021-01-01,,y\n")
            .find("error[E0205]") != std::string::npos);
  CHECK(testing::diagnosticsOf("ruleset t\npairs from \"none.csv\"\n", dir + "t.edict")
            .find("error[E0217]") != std::string::npos);
}
