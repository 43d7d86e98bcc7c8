// The body handler of /v1/evaluate: the records of `edict run` for JSON
// Lines, one claim laid out on several lines taken as one claim, and every
// body that is not JSON claims refused with a JSON error. On both engines.
#include <catch2/catch.hpp>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "runtime/eval/evaluator.h"
#include "runtime/write/jsonl_writer.h"
#include "service/serve/evaluate_body.h"
#include "support/engines.h"

namespace {

struct Fixture {
  explicit Fixture(bool jit)
      : program(edict::testing::compileOrFail(
            "ruleset t version \"3\"\n"
            "pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n")) {
    if (jit)
      engine = edict::jit::JitEngine::compile(program);
    else
      engine = std::make_unique<edict::interp::Interpreter>(program);
    evaluator = std::make_unique<edict::eval::Evaluator>(program, *engine);
    route = {evaluator.get(), {program.name, program.version}};
    router.setDefault(&route);
  }
  edict::serve::BodyAnswer answer(const std::string& body, std::size_t maxClaims = 100) {
    return edict::serve::answerEvaluate(router, runner, body, "req", maxClaims);
  }
  edict::ir::Program program;
  std::unique_ptr<edict::engine::PredicateEngine> engine;
  std::unique_ptr<edict::eval::Evaluator> evaluator;
  edict::run::Route route;
  edict::run::Router router;
  edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner{format, {2, 2}};
};

const std::string kClaim =
    R"({"id":"C1","lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})";
const std::string kRecord =
    R"({"claim":"C1","line":2,"rule":"ptp_97140_97530","action":"deny","reason":"CO-236","message":"97530 is not paid with 97140 on the same date of service: Mutually exclusive","related_lines":[1],"ruleset":"t","version":"3"})"
    "\n";

}  // namespace

TEST_CASE("the body handler answers records, in claim order, for any number of claims",
          "[service][serve]") {
  Fixture f(GENERATE(true, false));
  CHECK(f.answer(kClaim).body == kRecord);
  std::string many;
  std::string expected;
  for (int i = 0; i < 9; ++i) {
    many += kClaim + "\n";
    expected += kRecord;
  }
  many += "{\"id\":\"B\",\"lines\":[{\"code\":\"x\"}]}\n";
  const auto answer = f.answer(many);
  CHECK(answer.status == 200);
  CHECK(answer.contentType == "application/x-ndjson");
  CHECK(answer.body.starts_with(expected));
  CHECK(answer.body.find(R"("message":"req:10: )") != std::string::npos);
  CHECK(answer.summary.read == 10);
  CHECK(answer.summary.rejected == 1);
  // Laid out on several lines, it is still one claim.
  const auto pretty = f.answer(
      "{\n  \"id\": \"C1\",\n  \"lines\": [\n"
      "  {\"code\": \"97140\", \"date\": \"2026-11-02\"},\n"
      "  {\"code\": \"97530\", \"date\": \"2026-11-02\"}]\n}\n");
  CHECK(pretty.body == kRecord);
}

TEST_CASE("the body handler refuses what is not JSON claims", "[service][serve]") {
  Fixture f(false);
  for (const auto& [body, status, text] : std::vector<std::tuple<std::string, int, std::string>>{
           {"", 400, "the body is empty"},
           {"  \n", 400, "the body is empty"},
           {"claims please", 400, "none of the claim formats"},
           {"[1]", 400, "JSON array"},
           {"ISA*00*", 400, "the body is x12, not JSON"},
           {"id,payer\nC1,A\n", 400, "the body is csv, not JSON"},
           {std::string(101, '\n') + kClaim, 413, "101 lines"},
       }) {
    INFO(body.substr(0, 40));
    const auto answer = f.answer(body);
    CHECK(answer.status == status);
    CHECK(answer.contentType == "application/json");
    CHECK(answer.body.find(text) != std::string::npos);
    CHECK(answer.summary.read == 0);
  }
}
