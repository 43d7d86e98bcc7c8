#include "support/engines.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <tuple>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/run/ruleset_tests.h"
#include "runtime/write/jsonl_writer.h"

namespace edict::testing {

namespace {

std::string render(const diag::DiagnosticSink& sink, const driver::Compilation& c) {
  std::string out;
  for (const diag::Diagnostic& d : sink.all()) out += diag::renderText(d, c.file(d.file));
  return out;
}

}  // namespace

ir::Program compileOrFail(const std::string& text, const std::string& path) {
  diag::DiagnosticSink sink;
  driver::Compilation c = driver::compileText(path, text, sink);
  INFO(render(sink, c));
  REQUIRE(c.program.has_value());
  return std::move(*c.program);
}

std::string diagnosticsOf(const std::string& text, const std::string& file) {
  diag::DiagnosticSink sink;
  driver::Compilation c = driver::compileText(file, text, sink);
  return render(sink, c);
}

std::vector<model::Claim> claimsFromJsonl(const std::string& jsonl) {
  std::istringstream in(jsonl);
  auto reader = read::openJsonLines(in, "test.jsonl");
  std::vector<model::Claim> claims;
  read::ReadItem item;
  while (reader->next(item)) {
    if (auto* rejected = std::get_if<read::RejectedClaim>(&item)) FAIL(rejected->message);
    claims.push_back(std::get<model::Claim>(std::move(item)));
  }
  return claims;
}

std::string asJsonl(const std::vector<model::Edit>& edits) {
  std::string out;
  for (const model::Edit& e : edits) out += write::formatJsonLine(e) + "\n";
  return out;
}

std::vector<model::Edit> evaluateBoth(const ir::Program& program,
                                      const std::vector<model::Claim>& claims,
                                      const std::vector<const model::ClaimHistory*>& histories) {
  const interp::Interpreter interpreter(program);
  const auto jit = jit::JitEngine::compile(program);
  const eval::Evaluator byInterpreter(program, interpreter);
  const eval::Evaluator byJit(program, *jit);
  std::vector<model::Edit> fromInterpreter;
  std::vector<model::Edit> fromJit;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const model::ClaimHistory* history = i < histories.size() ? histories[i] : nullptr;
    byInterpreter.evaluate(claims[i], fromInterpreter, history);
    byJit.evaluate(claims[i], fromJit, history);
  }
  REQUIRE(asJsonl(fromJit) == asJsonl(fromInterpreter));
  return fromJit;
}

std::vector<model::Edit> evaluateBoth(const ir::Program& program,
                                      const std::vector<model::Claim>& claims) {
  return evaluateBoth(program, claims, {});
}

std::vector<model::Edit> evaluateWithHistory(const ir::Program& program,
                                             const std::vector<model::Claim>& claims,
                                             const model::ClaimHistory& history) {
  return evaluateBoth(program, claims,
                      std::vector<const model::ClaimHistory*>(claims.size(), &history));
}

std::vector<std::string> runTestsBoth(const ir::Program& program) {
  const interp::Interpreter interpreter(program);
  const auto jit = jit::JitEngine::compile(program);
  const eval::Evaluator byInterpreter(program, interpreter);
  const eval::Evaluator byJit(program, *jit);
  std::vector<std::string> out;
  for (const ir::TestCase& test : program.tests) {
    const run::TestOutcome fromJit = run::runTest(test, byJit);
    const run::TestOutcome fromInterpreter = run::runTest(test, byInterpreter);
    REQUIRE(asJsonl(fromJit.edits) == asJsonl(fromInterpreter.edits));
    std::string result = fromJit.passed ? "passed" : test.name + ":";
    for (const std::string& failure : fromJit.failures) result += "\n  " + failure;
    out.push_back(result);
  }
  return out;
}

void HistoryBook::record(const model::Claim& claim) {
  const interp::Interpreter interpreter(program_);
  const eval::Evaluator evaluator(program_, interpreter);
  std::vector<model::Edit> edits;
  evaluator.evaluate(claim, edits, &of(claim));
  model::ClaimHistory& history = byPatient_[{claim.patient.id, claim.payer}];
  for (model::PriorLine& line : model::outcomeLines(claim, edits))
    history.lines.push_back(std::move(line));
  std::stable_sort(history.lines.begin(), history.lines.end(),
                   [](const model::PriorLine& a, const model::PriorLine& b) {
                     return std::tie(a.date, a.claimId, a.line) <
                            std::tie(b.date, b.claimId, b.line);
                   });
}

const model::ClaimHistory& HistoryBook::of(const model::Claim& claim) const {
  static const model::ClaimHistory kNone;
  auto found = byPatient_.find({claim.patient.id, claim.payer});
  return found == byPatient_.end() ? kNone : found->second;
}

}  // namespace edict::testing
