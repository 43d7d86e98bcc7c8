// Golden tests of rendered diagnostics. Each tests/golden/diagnostics/*.edict
// file is a ruleset followed by its expected `edict check` output, written as
// comment lines starting with `#| `. Files named fail_* must produce at least
// one error; warn_* at least one warning and no error.
// Run with EDICT_AUTOUPDATE=1 to rewrite the expectations from actual output.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/engines.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarker = "#| ";

struct GoldenFile {
  std::string body;      // the ruleset: everything before the first `#|` line
  std::string expected;  // the `#|` lines, marker removed
};

GoldenFile split(const std::string& text) {
  GoldenFile golden;
  std::istringstream in(text);
  std::string line;
  bool inExpectation = false;
  while (std::getline(in, line)) {
    if (line.rfind("#|", 0) == 0) inExpectation = true;
    if (inExpectation) {
      golden.expected += line.size() > 3 ? line.substr(3) : "";
      golden.expected += '\n';
    } else {
      golden.body += line + '\n';
    }
  }
  return golden;
}

std::string withMarkers(const std::string& output) {
  std::string out;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) out += (line.empty() ? std::string("#|") : kMarker + line) + '\n';
  return out;
}

}  // namespace

TEST_CASE("rendered diagnostics match their golden files", "[golden][diagnostics]") {
  const fs::path dir = fs::path(EDICT_SOURCE_DIR) / "tests/golden/diagnostics";
  const bool autoupdate = std::getenv("EDICT_AUTOUPDATE") != nullptr;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".edict") continue;
    // Helper files that golden files extend or include start with `lib_`.
    if (entry.path().filename().string().rfind("lib_", 0) == 0) continue;
    ++files;
    const std::string name = entry.path().filename().string();
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const GoldenFile golden = split(text.str());
    // Compiled under its real path, so `extends` and `include` find their
    // files; the directory is then cut from the output to keep it portable.
    std::string actual = edict::testing::diagnosticsOf(golden.body, entry.path().string());
    const std::string prefix = dir.string() + "/";
    for (std::size_t at; (at = actual.find(prefix)) != std::string::npos;)
      actual.erase(at, prefix.size());
    SECTION(name) {
      if (name.rfind("fail_", 0) == 0) CHECK(actual.find(": error[") != std::string::npos);
      if (name.rfind("warn_", 0) == 0) {
        CHECK(actual.find(": warning[") != std::string::npos);
        CHECK(actual.find(": error[") == std::string::npos);
      }
      if (autoupdate && actual != golden.expected) {
        std::ofstream out(entry.path(), std::ios::binary | std::ios::trunc);
        out << golden.body << withMarkers(actual);
      } else {
        CHECK(actual == golden.expected);
      }
    }
  }
  CHECK(files >= 20);
}
