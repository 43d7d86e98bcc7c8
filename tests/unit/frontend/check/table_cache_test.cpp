// The checker's table cache (check/table_cache.h): an unchanged table file
// is read once across checks, a changed one is read again, and what the
// checker makes of it is the same with the cache as without; and the
// editor's form of the check keeps the valid statements of a ruleset with
// errors (checkRulesetInto).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "frontend/check/checker.h"
#include "frontend/parse/parser.h"
#include "support/scratch.h"

using namespace edict;
namespace fs = std::filesystem;

namespace {

using testing::ScratchDir;

const char* const kHeader = "column1,column2,indicator,effective,deletion,rationale\n";

struct Result {
  bool valid = false;
  check::CheckedRuleset checked;
  std::vector<diag::Kind> kinds;
};

Result checkIn(const ScratchDir& dir, const std::string& text, check::TableCache* cache) {
  source::SourceFile file((dir.path() / "t.edict").string(), text);
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast.has_value());
  Result out;
  out.valid = check::checkRulesetInto(*ast, sink, {}, cache, out.checked);
  for (const auto& d : sink.all()) out.kinds.push_back(d.kind);
  return out;
}

std::size_t pairRows(const check::CheckedRuleset& r) {
  for (const auto& item : r.items)
    if (const auto* t = std::get_if<check::PairTableItem>(&item)) return t->table.rows.size();
  return 0;
}

}  // namespace

TEST_CASE("an unchanged table is read once; a changed one again", "[check][table_cache]") {
  ScratchDir dir("table-cache");
  dir.write("p.csv", std::string(kHeader) + "97140,97530,1,2020-01-01,,x\n");
  const std::string ruleset = "ruleset t\npairs from \"p.csv\"\n";
  check::TableCache cache;

  Result first = checkIn(dir, ruleset, &cache);
  REQUIRE(first.valid);
  CHECK(pairRows(first.checked) == 1);
  CHECK(cache.reads() == 1);
  Result second = checkIn(dir, ruleset, &cache);
  REQUIRE(second.valid);
  CHECK(pairRows(second.checked) == 1);
  CHECK(cache.reads() == 1);
  CHECK(cache.hits() == 1);

  // Another size is another stamp: the new rows are seen.
  dir.write("p.csv",
            std::string(kHeader) + "97140,97530,1,2020-01-01,,x\n98940,97140,1,2020-01-01,,y\n");
  Result third = checkIn(dir, ruleset, &cache);
  REQUIRE(third.valid);
  CHECK(pairRows(third.checked) == 2);
  CHECK(cache.reads() == 2);

  // The same file read as another format is kept apart.
  Result asTsv = checkIn(dir, "ruleset t\npairs from \"p.csv\" format tsv\n", &cache);
  CHECK(cache.reads() == 3);
  CHECK_FALSE(asTsv.valid);
}

TEST_CASE("a kept table's problems are reported on every check", "[check][table_cache]") {
  ScratchDir dir("table-cache");
  dir.write("p.csv", std::string(kHeader) + "97140,9753,1,2020-01-01,,x\n");
  check::TableCache cache;
  for (int round = 0; round < 2; ++round) {
    INFO(round);
    Result r = checkIn(dir, "ruleset t\npairs from \"p.csv\"\n", &cache);
    CHECK_FALSE(r.valid);
    CHECK(r.kinds == std::vector<diag::Kind>{diag::Kind::TableProblem, diag::Kind::TableProblem});
  }
  CHECK(cache.reads() == 1);
}

TEST_CASE("MUE tables go through the cache too, by format and effective date",
          "[check][table_cache]") {
  ScratchDir dir("table-cache");
  dir.write("m.tsv", "code\tvalue\tindicator\teffective\trationale\n97035\t2\t3\t2026-10-01\tx\n");
  check::TableCache cache;
  const std::string ruleset = "ruleset t\nlimits from \"m.tsv\"\n";
  Result first = checkIn(dir, ruleset, &cache);
  REQUIRE(first.valid);
  Result second = checkIn(dir, ruleset, &cache);
  REQUIRE(second.valid);
  CHECK(second.kinds.empty());
  CHECK(cache.reads() == 1);
  CHECK(cache.hits() == 1);
}

TEST_CASE("a missing table is reported with or without a cache", "[check][table_cache]") {
  ScratchDir dir("table-cache");
  check::TableCache cache;
  for (check::TableCache* c : {static_cast<check::TableCache*>(nullptr), &cache}) {
    Result r = checkIn(dir, "ruleset t\npairs from \"none.csv\"\n", c);
    CHECK_FALSE(r.valid);
    CHECK(r.kinds == std::vector<diag::Kind>{diag::Kind::CannotLoad});
  }
  CHECK(cache.reads() == 0);
}

TEST_CASE("the editor's check keeps the valid statements of a ruleset with errors",
          "[check][table_cache]") {
  ScratchDir dir("table-cache");
  Result r = checkIn(dir,
                     "ruleset t\ncodes timed = 97110 97112\n"
                     "pair 97140 97530 modifier allowed since 2020-01-01\n"
                     "pair 97140 9753 modifier allowed since 2020-01-01\n"
                     "rule r1: when line.code in timd deny line reason CO-4\n",
                     nullptr);
  CHECK_FALSE(r.valid);
  REQUIRE(r.checked.items.size() == 1);
  CHECK(check::idOf(r.checked.items[0]) == "ptp_97140_97530");
  CHECK(r.checked.codeSets.count("timed") == 1);
  // And the plain check gives nothing for it.
  source::SourceFile file("t.edict",
                          "ruleset t\npair 97140 9753 modifier allowed since 2020-01-01\n");
  diag::DiagnosticSink sink;
  auto ast = parse::parseRuleset(file, sink);
  REQUIRE(ast);
  CHECK_FALSE(check::checkRuleset(*ast, sink).has_value());
}
