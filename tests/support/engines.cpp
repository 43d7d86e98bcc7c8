#include "support/engines.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/jsonl_reader.h"
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
                                      const std::vector<model::Claim>& claims) {
  const interp::Interpreter interpreter(program);
  const auto jit = jit::JitEngine::compile(program);
  const eval::Evaluator byInterpreter(program, interpreter);
  const eval::Evaluator byJit(program, *jit);
  std::vector<model::Edit> fromInterpreter;
  std::vector<model::Edit> fromJit;
  for (const model::Claim& claim : claims) {
    byInterpreter.evaluate(claim, fromInterpreter);
    byJit.evaluate(claim, fromJit);
  }
  REQUIRE(asJsonl(fromJit) == asJsonl(fromInterpreter));
  return fromJit;
}

}  // namespace edict::testing
