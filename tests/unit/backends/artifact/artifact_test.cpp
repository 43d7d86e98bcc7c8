// Compiled artifacts (`edict compile`): what is saved is what runs, on both
// engines; every way an artifact can be unusable is refused with a message
// that says why; the encoding is pinned so that a change to it must bump
// the format version.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "backends/artifact/artifact_file.h"
#include "backends/artifact/program_codec.h"
#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "backends/jit/native_object.h"
#include "frontend/driver/compile.h"
#include "runtime/eval/evaluator.h"
#include "support/engines.h"
#include "support/random_cases.h"

namespace edict {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

artifact::Artifact artifactOf(const ir::Program& program) {
  artifact::Artifact out;
  out.compiler = jit::compilerIdentity();
  jit::NativeObject native = jit::compileObject(program, jit::CpuChoice::Host);
  out.target = native.target;
  out.object = native.bytes;
  out.program = program;
  return out;
}

/// The edits of `claims` under a decoded artifact: its object code linked
/// by the JIT, and its IR walked by the interpreter, which must agree.
std::string editsFromArtifact(const artifact::Artifact& a,
                              const std::vector<model::Claim>& claims) {
  const auto jit = jit::JitEngine::load(a.program, a.object);
  const interp::Interpreter interpreter(a.program);
  const eval::Evaluator byJit(a.program, *jit);
  const eval::Evaluator byInterpreter(a.program, interpreter);
  std::vector<model::Edit> fromJit;
  std::vector<model::Edit> fromInterpreter;
  for (const model::Claim& claim : claims) {
    byJit.evaluate(claim, fromJit);
    byInterpreter.evaluate(claim, fromInterpreter);
  }
  REQUIRE(testing::asJsonl(fromJit) == testing::asJsonl(fromInterpreter));
  return testing::asJsonl(fromJit);
}

std::string encodedProgram(const ir::Program& program) {
  artifact::ByteWriter out;
  artifact::encodeProgram(program, out);
  return out.take();
}

/// The message decodeArtifact refuses `bytes` with ("" if it accepts them).
std::string refusal(const std::string& bytes) {
  try {
    artifact::decodeArtifact(bytes, jit::compilerIdentity());
  } catch (const artifact::ArtifactError& e) {
    return e.what();
  }
  return "";
}

std::string fnv1a(const std::string& bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  return fmt::format("{:016x}", h);
}

TEST_CASE("an artifact of a shipped ruleset gives the edits of its source", "[artifact]") {
  const std::string root = EDICT_SOURCE_DIR;
  const auto claims = testing::claimsFromJsonl(slurp(root + "/samples/acme_claims.jsonl"));
  for (const char* ruleset :
       {"/rulesets/cms/therapy.edict", "/rulesets/examples/acme_commercial.edict"}) {
    INFO(ruleset);
    diag::DiagnosticSink sink;
    driver::Compilation compiled = driver::compileFile(root + ruleset, sink);
    REQUIRE(compiled.program);
    const std::string expected = testing::asJsonl(testing::evaluateBoth(*compiled.program, claims));
    REQUIRE(!expected.empty());
    const std::string bytes = artifact::encodeArtifact(artifactOf(*compiled.program));
    const artifact::Artifact loaded = artifact::decodeArtifact(bytes, jit::compilerIdentity());
    CHECK(encodedProgram(loaded.program) == encodedProgram(*compiled.program));
    CHECK(loaded.program.pairTables.size() == compiled.program->pairTables.size());
    CHECK(editsFromArtifact(loaded, claims) == expected);
  }
}

TEST_CASE("random rulesets survive the artifact unchanged", "[artifact][differential]") {
  // With history: frequency limits and history functions in the IR too.
  testing::RandomCases cases(20261127, true);
  std::string claimsText;
  for (int c = 0; c < 200; ++c) claimsText += cases.claim(fmt::format("R{}", c)) + "\n";
  const auto claims = testing::claimsFromJsonl(claimsText);
  int compiled = 0;
  for (int round = 0; round < 8; ++round) {
    const testing::RandomRuleset ruleset = cases.ruleset(12);
    diag::DiagnosticSink sink;
    auto c = driver::compileText("random.edict", ruleset.text, sink);
    if (!c.program) continue;
    ++compiled;
    INFO(ruleset.text);
    const std::string bytes = artifact::encodeArtifact(artifactOf(*c.program));
    const artifact::Artifact loaded = artifact::decodeArtifact(bytes, jit::compilerIdentity());
    CHECK(encodedProgram(loaded.program) == encodedProgram(*c.program));
    CHECK(editsFromArtifact(loaded, claims) ==
          testing::asJsonl(testing::evaluateBoth(*c.program, claims)));
  }
  CHECK(compiled >= 6);
}

TEST_CASE("an unusable artifact is refused with the reason", "[artifact]") {
  const ir::Program program = testing::compileOrFail(R"(ruleset t version "1"
pair 97140 97530 indicator 1 since 2020-01-01
limit 97110 max 4 per day
)");
  REQUIRE(program.mueTables.size() == 1);
  const std::string good = artifact::encodeArtifact(artifactOf(program));
  REQUIRE(refusal(good).empty());

  CHECK_THAT(refusal("ruleset t version \"1\"\n"), Catch::Contains("not an edict artifact"));
  std::string format = good;
  format[8] = 7;
  CHECK_THAT(refusal(format), Catch::Contains("artifact format 7, and this edict reads format 3"));
  CHECK_THAT(refusal(good.substr(0, good.size() - 1)), Catch::Contains("truncated"));
  CHECK_THAT(refusal(good.substr(0, 20)), Catch::Contains("ends"));
  std::string damaged = good;
  damaged[damaged.size() / 2] ^= 0x20;
  CHECK_THAT(refusal(damaged), Catch::Contains("damaged: its checksum does not match"));

  artifact::Artifact other = artifactOf(program);
  other.compiler = "edict 0.0.1 with LLVM 18.1.0";
  CHECK_THAT(refusal(artifact::encodeArtifact(other)),
             Catch::Contains("compiled by edict 0.0.1 with LLVM 18.1.0, and this is edict"));

  // A sound checksum over an unsound program (as a doctored file could
  // have): the decoder's checks refuse it before any back end sees it.
  artifact::Artifact doctored = artifactOf(program);
  doctored.program.rules[0].predicate = 1000000;
  CHECK_THAT(refusal(artifact::encodeArtifact(doctored)),
             Catch::Contains("the program is damaged: rule `ptp_97140_97530` names a missing"));
  doctored = artifactOf(program);
  doctored.program.mueTables[0].rows[0].indicator = 4;
  CHECK_THAT(refusal(artifact::encodeArtifact(doctored)),
             Catch::Contains("MUE table 0 row 0 has indicator 4"));
  doctored = artifactOf(program);
  doctored.program.exprs.back().operands.push_back(
      static_cast<ir::ExprId>(doctored.program.exprs.size()));
  CHECK_THAT(refusal(artifact::encodeArtifact(doctored)), Catch::Contains("uses expression"));

  // A window of dates out of range, and a frequency limit's maximum that is no constant.
  const ir::Program frequency = testing::compileOrFail(R"(ruleset t version "1"
limit 97161..97163 max 1 per 30 days
)");
  const auto windowed =
      std::find_if(frequency.exprs.begin(), frequency.exprs.end(),
                   [](const auto& e) { return e.kind == ir::Expr::Kind::FrequencyServices; });
  REQUIRE(windowed != frequency.exprs.end());
  const auto at = static_cast<std::size_t>(windowed - frequency.exprs.begin());
  doctored = artifactOf(frequency);
  doctored.program.exprs[at].value = 0;
  CHECK_THAT(refusal(artifact::encodeArtifact(doctored)), Catch::Contains("has a window of 0"));
  doctored = artifactOf(frequency);
  doctored.program.exprs[doctored.program.exprs[at].operands[0]].kind = ir::Expr::Kind::Field;
  CHECK_THAT(refusal(artifact::encodeArtifact(doctored)),
             Catch::Contains("has a maximum that is not a number"));
}

TEST_CASE("the encoding of a program is pinned to the format version", "[artifact]") {
  const ir::Program program = testing::compileOrFail(R"(ruleset pinned version "3"
codes therapy = 97010..97799
modifiers discipline = GP GO GN
pair 97140 97530 indicator 1 since 2020-01-01 reason CO-236
require modifier discipline on therapy reason CO-4 id discipline
limit 97110 max 4 per day
limit 97112 max 2 per day since 2026-01-01 until 2026-06-30
rule long: when line.minutes > 60 and claim.payer == "ACME" flag line
rule first_half: when line.date in 2026-01-01..2026-06-30 and line.code == 97140 flag line
limit 97161..97163 max 1 per 30 days
limit 97110 max 12 units per calendar year
rule evaluated: when line.code == 97164 and history.units(97161..97163, within 60 days) > 0 flag line
)");
  // If this fails after a change to artifact/ (or to an IR type it encodes),
  // bump artifact::kFormatVersion so that older artifacts are refused rather
  // than misread, then update both. If only the lowering changed what it
  // emits for this ruleset, update the hash alone.
  CHECK(artifact::kFormatVersion == 3);
  CHECK(fnv1a(encodedProgram(program)) == "bdf5f1044eb9d338");
}

TEST_CASE("an artifact whose sources changed is stale", "[artifact]") {
  const auto dir = std::filesystem::temp_directory_path() / "edict-artifact-stale-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string ruleset = (dir / "r.edict").string();
  std::ofstream(ruleset) << "ruleset r version \"1\"\npair 97140 97530 indicator 1\n";
  artifact::Artifact a;
  a.sources.push_back(artifact::stampFile(ruleset));
  CHECK(std::filesystem::path(a.sources[0].path).is_absolute());
  CHECK_FALSE(artifact::staleSource(a));

  // Touched but unchanged (a checkout): still fresh.
  std::filesystem::last_write_time(
      ruleset, std::filesystem::last_write_time(ruleset) + std::chrono::hours(1));
  CHECK_FALSE(artifact::staleSource(a));

  std::ofstream(ruleset) << "ruleset r version \"2\"\npair 97140 97530 indicator 1\n";
  const auto stale = artifact::staleSource(a);
  REQUIRE(stale);
  CHECK_THAT(*stale, Catch::Contains("r.edict` changed after the artifact was compiled"));

  // Deployed without its sources: nothing to judge it by.
  std::filesystem::remove(ruleset);
  CHECK_FALSE(artifact::staleSource(a));
  std::filesystem::remove_all(dir);
}

TEST_CASE("code for another machine is refused", "[artifact]") {
  const artifact::NativeTarget here = jit::hostTarget();
  CHECK_FALSE(jit::whyNotRunnableHere(here));
  artifact::NativeTarget arm = here;
  arm.triple = "aarch64-unknown-linux-gnu";
  const auto other = jit::whyNotRunnableHere(arm);
  REQUIRE(other);
  CHECK_THAT(*other, Catch::Contains("compiled for aarch64-unknown-linux-gnu"));
  artifact::NativeTarget future = here;
  future.cpu = "future-cpu";
  future.features += ",+edict-imaginary-feature";
  const auto lacking = jit::whyNotRunnableHere(future);
  REQUIRE(lacking);
  CHECK_THAT(*lacking, Catch::Contains("`future-cpu`"));
  CHECK_THAT(*lacking, Catch::Contains("lacks edict-imaginary-feature"));
  CHECK_THAT(*lacking, Catch::Contains("--cpu generic"));
}

TEST_CASE("generic code runs here and gives the same edits", "[artifact]") {
  const std::string root = EDICT_SOURCE_DIR;
  const auto claims = testing::claimsFromJsonl(slurp(root + "/samples/acme_claims.jsonl"));
  diag::DiagnosticSink sink;
  driver::Compilation compiled = driver::compileFile(root + "/rulesets/cms/therapy.edict", sink);
  REQUIRE(compiled.program);
  artifact::Artifact a = artifactOf(*compiled.program);
  jit::NativeObject generic = jit::compileObject(*compiled.program, jit::CpuChoice::Generic);
  CHECK_FALSE(jit::whyNotRunnableHere(generic.target));
  a.object = generic.bytes;
  CHECK(editsFromArtifact(a, claims) ==
        testing::asJsonl(testing::evaluateBoth(*compiled.program, claims)));
}

}  // namespace
}  // namespace edict
