// libFuzzer target: any bytes as the body of `POST /v1/evaluate`, through
// the service's body handler (service/serve/evaluate_body.h) with a small
// ruleset on the interpreter, as the JSON Lines fuzzer does for the reader.
// It must never crash, hang or leak, and whatever it answers must be what a
// client can parse: an error is one JSON object; records are one JSON
// object per line, and every claim read is accounted for.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "backends/interp/interpreter.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/driver/compile.h"
#include "runtime/eval/evaluator.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/router.h"
#include "runtime/write/jsonl_writer.h"
#include "service/serve/evaluate_body.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

constexpr const char* kRuleset = R"(ruleset fuzz "rules for the body fuzzer"
version "1"
codes therapy = 97010..97799
codes timed = 97110 97112 97140 97530
codes evaluations = 97161..97168
modifiers discipline = GP GO GN
require modifier discipline on therapy reason CO-4 id therapy_discipline
pair 97140 97530 modifier allowed "Mutually exclusive procedures" since 2020-01-01
units timed by total_time
units evaluations one per day
)";

/// The ruleset, its interpreter and a router with it as the default.
struct Service {
  Service() {
    edict::diag::DiagnosticSink sink;
    auto compilation = edict::driver::compileText("fuzz.edict", kRuleset, sink);
    require(compilation.program.has_value());
    program = std::move(*compilation.program);
    engine = std::make_unique<edict::interp::Interpreter>(program);
    evaluator = std::make_unique<edict::eval::Evaluator>(program, *engine);
    route = {evaluator.get(), {program.name, program.version}};
    router.setDefault(&route);
  }
  edict::ir::Program program;
  std::unique_ptr<edict::interp::Interpreter> engine;
  std::unique_ptr<edict::eval::Evaluator> evaluator;
  edict::run::Route route;
  edict::run::Router router;
  edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner{format, {1, 64}};
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Service service;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const edict::serve::BodyAnswer answer =
      edict::serve::answerEvaluate(service.router, service.runner, body, "fuzz", 1000);
  simdjson::dom::parser parser;
  simdjson::dom::element parsed;
  if (answer.status != 200) {
    require(answer.status == 400 || answer.status == 413);
    require(answer.summary.read == 0);
    require(parser.parse(answer.body).get(parsed) == simdjson::SUCCESS);
    return 0;
  }
  require(answer.summary.read == answer.summary.evaluated + answer.summary.rejected);
  std::string_view records = answer.body;
  while (!records.empty()) {
    const std::size_t end = records.find('\n');
    require(end != std::string_view::npos);
    require(parser.parse(records.substr(0, end)).get(parsed) == simdjson::SUCCESS);
    records.remove_prefix(end + 1);
  }
  return 0;
}
