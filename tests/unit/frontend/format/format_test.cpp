// `edict fmt`: the canonical layout, idempotent, comments kept, meaning kept.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "frontend/format/formatter.h"

namespace fs = std::filesystem;
using namespace edict;

namespace {

std::optional<std::string> formatText(const std::string& text,
                                      const std::string& path = "t.edict") {
  diag::DiagnosticSink sink;
  return format::formatRuleset(source::SourceFile(path, text), sink);
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> ruleIdsOf(const std::string& text, const std::string& path) {
  diag::DiagnosticSink sink;
  auto c = driver::compileText(path, text, sink);
  std::vector<std::string> ids;
  if (!c.program) return {"<errors>"};
  for (const auto& r : c.program->rules) ids.push_back(r.id + "@" + std::to_string(r.predicate));
  ids.push_back(std::to_string(c.program->tests.size()) + " tests");
  return ids;
}

}  // namespace

TEST_CASE("fmt lays out a messy ruleset canonically", "[fmt]") {
  const std::string messy =
      "# CMS therapy\n"
      "ruleset   t \"T\"   version \"1\"\n\n\n\n"
      "codes   therapy=97010 ..97799   # all therapy\n"
      "   pair 97140   97530 modifier allowed since 2020-01-01\n"
      "rule r :when line.code in therapy and same_day.has( 97150 ,97151)\n"
      "      deny line reason CO-4\n"
      "test \"x\" {\n"
      "claim date 2026-11-02 { 97110 GP ; 97150 }\n"
      "      expect line 1 deny rule r\n"
      "}\n";
  const std::string canonical =
      "# CMS therapy\n"
      "ruleset t \"T\"\n"
      "version \"1\"\n"
      "\n"
      "codes therapy = 97010..97799  # all therapy\n"
      "pair 97140 97530 modifier allowed since 2020-01-01\n"
      "rule r: when line.code in therapy and same_day.has(97150, 97151)\n"
      "  deny line reason CO-4\n"
      "test \"x\" {\n"
      "  claim date 2026-11-02 { 97110 GP; 97150 }\n"
      "  expect line 1 deny rule r\n"
      "}\n";
  CHECK(formatText(messy) == canonical);
  CHECK(formatText(canonical) == canonical);
}

TEST_CASE("fmt refuses a file with syntax errors", "[fmt]") {
  CHECK_FALSE(formatText("ruleset t\npari 1 2\n").has_value());
}

TEST_CASE(
    "formatting every shipped and test ruleset twice changes nothing more, and keeps its meaning",
    "[fmt]") {
  const fs::path root(EDICT_SOURCE_DIR);
  std::size_t files = 0;
  for (const char* dir : {"rulesets", "tests", "bench", "tools/fuzz/corpus"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.path().extension() != ".edict") continue;
      const std::string text = readFile(entry.path());
      auto once = formatText(text, entry.path().string());
      if (!once) continue;  // files with syntax errors (golden tests) are not formatted
      ++files;
      INFO(entry.path().string());
      CHECK(formatText(*once, entry.path().string()) == once);
      // Comments survive: as many `#` comment starts as before.
      CHECK(std::count(once->begin(), once->end(), '#') ==
            std::count(text.begin(), text.end(), '#'));
      CHECK(ruleIdsOf(*once, entry.path().string()) == ruleIdsOf(text, entry.path().string()));
    }
  }
  CHECK(files >= 40);
}

TEST_CASE("the shipped rulesets are in the canonical layout", "[fmt]") {
  for (const char* file :
       {"rulesets/cms/therapy.edict", "rulesets/examples/acme_commercial.edict"}) {
    const fs::path path = fs::path(EDICT_SOURCE_DIR) / file;
    const std::string text = readFile(path);
    CHECK(formatText(text, path.string()) == text);
  }
}

TEST_CASE("fmt: a call's `(` follows its name, a grouping `(` keeps its space", "[fmt]") {
  const std::string messy =
      "ruleset t version \"1\" effective 2027-01-01\n"
      "places   home = \"12\"  13 except 13\n"
      "diagnoses spine=\"M54.*\"\n"
      "rule r: when line.code in(98940..98942) and(patient.age<18 or patient.age is  not known)\n"
      "  and claim.diagnoses.any (spine) and line.date in 2027-01-01 .. 2027-06-30\n"
      "  review line reason CO-6\n"
      "pair 97530 97140 modifier allowed since 2020-01-01   keep   reverse\n"
      "limit 97110 max 4 per day since 2027-01-01 until 2027-12-31\n";
  const std::string canonical =
      "ruleset t\nversion \"1\"\neffective 2027-01-01\n"
      "places home = \"12\" 13 except 13\n"
      "diagnoses spine = \"M54.*\"\n"
      "rule r: when line.code in (98940..98942) and (patient.age < 18 or patient.age is not "
      "known)\n"
      "  and claim.diagnoses.any(spine) and line.date in 2027-01-01..2027-06-30\n"
      "  review line reason CO-6\n"
      "pair 97530 97140 modifier allowed since 2020-01-01 keep reverse\n"
      "limit 97110 max 4 per day since 2027-01-01 until 2027-12-31\n";
  CHECK(formatText(messy) == canonical);
  CHECK(formatText(canonical) == canonical);
}
