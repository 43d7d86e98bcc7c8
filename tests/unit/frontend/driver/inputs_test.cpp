// What a caller gives the driver besides the file (driver::Inputs): a text
// overlay for files open in an editor, an observer of every checked file,
// and no lowering; the defaults stay the disk and the IR.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "frontend/driver/compile.h"
#include "support/scratch.h"

using namespace edict;
namespace fs = std::filesystem;

namespace {

using testing::ScratchDir;

const char* const kTop =
    "ruleset top\nextends \"base.edict\"\n"
    "override pair 97140 97530 modifier not allowed since 2020-01-01\n";

}  // namespace

TEST_CASE("an overlay replaces a file's text on disk", "[driver]") {
  ScratchDir dir("driver-inputs");
  // On disk the base has no pair to override; in the overlay it has.
  dir.write("base.edict", "ruleset base\n");
  const std::string top = (dir.path() / "top.edict").string();
  {
    diag::DiagnosticSink sink;
    auto c = driver::compileText(top, kTop, sink);
    CHECK(sink.hasErrors());
  }
  driver::Inputs inputs;
  std::vector<std::string> asked;
  inputs.overlay = [&](const std::string& path) -> std::optional<std::string> {
    asked.push_back(path);
    if (fs::path(path).filename() == "base.edict")
      return std::string("ruleset base\npair 97140 97530 modifier allowed since 2020-01-01\n");
    return std::nullopt;
  };
  diag::DiagnosticSink sink;
  auto c = driver::compileText(top, kTop, sink, inputs);
  CHECK_FALSE(sink.hasErrors());
  REQUIRE(c.program.has_value());
  REQUIRE(asked.size() == 1);
  CHECK(asked[0] == (dir.path() / "base.edict").lexically_normal().string());
  // The overlay's text is what diagnostics render from.
  REQUIRE(c.file(asked[0]) != nullptr);
  CHECK(c.file(asked[0])->text().find("pair 97140") != std::string::npos);
}

TEST_CASE("the observer sees each file checked, bases first, also with errors", "[driver]") {
  ScratchDir dir("driver-inputs");
  dir.write("base.edict", "ruleset base\npair 97140 97530 modifier allowed since 2020-01-01\n");
  driver::Inputs inputs;
  inputs.lower = false;
  std::vector<std::pair<std::string, std::size_t>> seen;
  inputs.checked = [&](const source::SourceFile& file, const ast::Ruleset& ast,
                       const check::CheckedRuleset& checked) {
    CHECK(ast.file == file.path());
    seen.emplace_back(fs::path(file.path()).filename().string(), checked.items.size());
  };
  diag::DiagnosticSink sink;
  const std::string text = std::string(kTop) + "disable no_such_rule\n";
  auto c = driver::compileText((dir.path() / "top.edict").string(), text, sink, inputs);
  CHECK(sink.hasErrors());
  CHECK_FALSE(c.program.has_value());
  // The top file had an error, and still shows its valid override.
  CHECK(seen ==
        std::vector<std::pair<std::string, std::size_t>>{{"base.edict", 1}, {"top.edict", 1}});
}

TEST_CASE("without lowering there is no IR, and the diagnostics are the same", "[driver]") {
  ScratchDir dir("driver-inputs");
  dir.write("base.edict", "ruleset base\npair 97140 97530 modifier allowed since 2020-01-01\n");
  driver::Inputs inputs;
  inputs.lower = false;
  diag::DiagnosticSink sink;
  auto c = driver::compileText((dir.path() / "top.edict").string(), kTop, sink, inputs);
  CHECK_FALSE(sink.hasErrors());
  CHECK_FALSE(c.program.has_value());
  CHECK(c.files.size() == 2);
}
