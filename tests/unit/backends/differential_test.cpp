// The interpreter is the oracle for the JIT: random rulesets and claims,
// from a fixed seed, must give byte-identical edits on both engines. On a
// disagreement the test prints the seed, and a minimized case: the one rule
// and the smallest claim (lines removed while they still disagree).
//   EDICT_DIFF_SEED=N      another seed
//   edict_tests "[campaign]"  a long campaign (EDICT_DIFF_ROUNDS rounds, default 500)
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "frontend/driver/compile.h"
#include "runtime/eval/evaluator.h"
#include "runtime/write/jsonl_writer.h"
#include "support/engines.h"
#include "support/random_cases.h"

namespace {

using namespace edict;

std::uint64_t envNumber(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::strtoull(value, nullptr, 10) : fallback;
}

std::string editsOf(const eval::Evaluator& evaluator, const model::Claim& claim,
                    const model::ClaimHistory* history = nullptr) {
  std::vector<model::Edit> edits;
  evaluator.evaluate(claim, edits, history);
  return testing::asJsonl(edits);
}

/// Shrinks a disagreeing case to one rule and as few lines as still disagree.
std::string minimize(const testing::RandomRuleset& ruleset, const model::Claim& claim,
                     const model::ClaimHistory* history) {
  for (const std::string& rule : ruleset.rules) {
    diag::DiagnosticSink sink;
    // The ruleset's header (its dates among it) and sets, with the one rule.
    auto one = driver::compileText("min.edict", ruleset.header + rule + "\n", sink);
    if (!one.program) continue;
    const interp::Interpreter interpreter(*one.program);
    const auto jit = jit::JitEngine::compile(*one.program);
    const eval::Evaluator byInterp(*one.program, interpreter);
    const eval::Evaluator byJit(*one.program, *jit);
    if (editsOf(byInterp, claim, history) == editsOf(byJit, claim, history)) continue;
    model::Claim small = claim;
    for (std::size_t i = small.lines.size(); i-- > 0 && small.lines.size() > 1;) {
      model::Claim fewer = small;
      fewer.lines.erase(fewer.lines.begin() + static_cast<std::ptrdiff_t>(i));
      if (editsOf(byInterp, fewer, history) != editsOf(byJit, fewer, history)) small = fewer;
    }
    std::string lines;
    for (const auto& l : small.lines)
      lines += fmt::format(" {}x{}@{}", l.code.text(), l.units, l.date.iso());
    std::string prior;
    if (history != nullptr)
      for (const auto& l : history->lines)
        prior += fmt::format(" {}:{} {}x{}/{}@{} npi {}", l.claimId, l.line, l.code.text(),
                             l.billedUnits, l.allowedUnits, l.date.iso(), l.providerNpi);
    return fmt::format("rule: {}\nclaim {} lines:{}\nhistory:{}\ninterpreter:\n{}jit:\n{}", rule,
                       small.id, lines, history != nullptr ? prior : " none",
                       editsOf(byInterp, small, history), editsOf(byJit, small, history));
  }
  return "(no single rule disagrees alone)";
}

struct CampaignResult {
  std::uint64_t cases = 0;
  /// Edits produced: a campaign whose rules never fire would prove nothing.
  std::uint64_t edits = 0;
  /// Of those, by `units` and `limit` rules (host calls and generated loops).
  std::uint64_t unitEdits = 0;
  /// With histories: prior lines the edits name, and frequency limits' edits.
  std::uint64_t priorLines = 0;
  std::uint64_t frequencyEdits = 0;
};

std::uint64_t occurrences(const std::string& text, const std::string& part) {
  std::uint64_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

/// Runs `rounds` rounds of one random ruleset and `claims` random claims;
/// `history`: with frequency limits and history functions in the rulesets,
/// each claim judged with a random history of its own.
CampaignResult campaign(std::uint64_t seed, int rounds, int claims, bool history = false) {
  testing::RandomCases random(seed, history);
  CampaignResult result;
  for (int round = 0; round < rounds; ++round) {
    const testing::RandomRuleset ruleset = random.ruleset(40);
    diag::DiagnosticSink sink;
    auto compiled = driver::compileText("random.edict", ruleset.text, sink);
    INFO("seed " << seed << ", round " << round << "\n" << ruleset.text);
    REQUIRE(compiled.program.has_value());
    const ir::Program& program = *compiled.program;
    const interp::Interpreter interpreter(program);
    const auto jit = jit::JitEngine::compile(program);
    const eval::Evaluator byInterp(program, interpreter);
    const eval::Evaluator byJit(program, *jit);
    std::string jsonl;
    for (int c = 0; c < claims; ++c) jsonl += random.claim(fmt::format("R{}-{}", round, c)) + "\n";
    for (const model::Claim& claim : testing::claimsFromJsonl(jsonl)) {
      ++result.cases;
      const std::optional<model::ClaimHistory> prior =
          history ? std::optional(random.history(12)) : std::nullopt;
      const model::ClaimHistory* judgedWith = prior ? &*prior : nullptr;
      const std::string a = editsOf(byInterp, claim, judgedWith);
      result.edits += occurrences(a, "\n");
      result.unitEdits += occurrences(a, "\"rule\":\"units_") + occurrences(a, "\"rule\":\"mue_");
      result.priorLines += occurrences(a, "{\"claim\":");
      result.frequencyEdits += occurrences(a, "\"reason\":\"CO-119\"");
      const std::string b = editsOf(byJit, claim, judgedWith);
      if (a != b)
        FAIL("engines disagree; seed " << seed << ", round " << round << "\n"
                                       << minimize(ruleset, claim, judgedWith));
    }
  }
  return result;
}

}  // namespace

TEST_CASE("the JIT agrees with the interpreter on 10,000 random claims", "[differential]") {
  const std::uint64_t seed = envNumber("EDICT_DIFF_SEED", 20261127);
  const CampaignResult result = campaign(seed, 10, 1000);
  CHECK(result.cases == 10000);
  CHECK(result.edits > result.cases);
  CHECK(result.unitEdits > result.cases / 10);
}

TEST_CASE("the JIT agrees with the interpreter on random claims with random histories",
          "[differential][history]") {
  const std::uint64_t seed = envNumber("EDICT_DIFF_SEED", 20261208);
  const CampaignResult result = campaign(seed, 6, 500, true);
  CHECK(result.cases == 3000);
  // The histories must matter: prior lines named by edits, frequency limits firing.
  CHECK(result.priorLines > result.cases / 10);
  CHECK(result.frequencyEdits > result.cases / 20);
}

TEST_CASE("a long differential campaign", "[.][campaign]") {
  const std::uint64_t seed = envNumber("EDICT_DIFF_SEED", 1);
  const auto rounds = static_cast<int>(envNumber("EDICT_DIFF_ROUNDS", 500));
  for (std::uint64_t s = seed; s < seed + static_cast<std::uint64_t>(rounds) / 10; ++s) {
    campaign(s, 10, 1000);
    campaign(s, 10, 1000, true);
  }
}
