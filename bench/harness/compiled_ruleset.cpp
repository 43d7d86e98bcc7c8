#include "harness/compiled_ruleset.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "frontend/check/checker.h"
#include "frontend/diag/diagnostic_sink.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "frontend/lower/lower_to_ir.h"
#include "frontend/parse/parser.h"
#include "frontend/source/source_file.h"
#include "harness/machine.h"
#include "harness/stopwatch.h"

namespace edict::bench {

namespace {

check::RulesetResolver resolverFor(const std::filesystem::path& from, diag::DiagnosticSink& sink,
                                   int depth);

/// Checks a ruleset named by `extends` or `include`, and those it names in
/// turn (as frontend/driver does, without its cycle detection: the
/// benchmark's rulesets are trusted, and the depth is still capped).
std::optional<check::CheckedRuleset> checkLayer(const std::filesystem::path& path,
                                                diag::DiagnosticSink& sink, int depth) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf()) || depth > driver::kMaxLayerDepth) {
    sink.report({diag::Kind::CannotLoad,
                 path.string(),
                 {},
                 "cannot load the layered ruleset",
                 std::nullopt});
    return std::nullopt;
  }
  const source::SourceFile file(path.string(), text.str());
  auto ast = parse::parseRuleset(file, sink);
  if (!ast) return std::nullopt;
  return check::checkRuleset(*ast, sink, resolverFor(path, sink, depth + 1));
}

check::RulesetResolver resolverFor(const std::filesystem::path& from, diag::DiagnosticSink& sink,
                                   int depth) {
  return [dir = from.parent_path(), &sink, depth](const ast::Word& name, std::string_view) {
    return checkLayer((dir / name.text).lexically_normal(), sink, depth);
  };
}

[[noreturn]] void fail(const diag::DiagnosticSink& sink, const source::SourceFile& file,
                       const std::string& what) {
  for (const diag::Diagnostic& d : sink.all())
    std::cerr << diag::renderText(d, d.file == file.path() ? &file : nullptr);
  throw std::runtime_error(what + " `" + file.path() + "` has errors");
}

}  // namespace

CompiledRuleset compileRuleset(const std::string& path, const std::string& extraText) {
  CompiledRuleset out;
  const Stopwatch reading;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open ruleset `" + path + "`");
  std::ostringstream text;
  text << in.rdbuf() << '\n' << extraText;
  const source::SourceFile file(path, text.str());
  out.times.read = reading.elapsed();

  diag::DiagnosticSink sink;
  const Stopwatch parsing;
  auto ast = parse::parseRuleset(file, sink);
  out.times.parse = parsing.elapsed();
  if (!ast || sink.hasErrors()) fail(sink, file, "parsing");

  const Stopwatch checking;
  auto checked = check::checkRuleset(*ast, sink, resolverFor(path, sink, 1));
  out.times.check = checking.elapsed();
  if (!checked || sink.hasErrors()) fail(sink, file, "checking");
  ast.reset();  // as in the driver, the AST is gone before lowering

  const Stopwatch lowering;
  out.program = std::make_unique<ir::Program>(lower::lowerToIr(*checked));
  out.times.lower = lowering.elapsed();
  checked.reset();  // the checked form holds a copy of every table: drop it, as the driver does
  for (const ir::PairTable& table : out.program->pairTables) out.pairTableRows += table.rows.size();
  for (const ir::MueTable& table : out.program->mueTables) out.mueTableRows += table.rows.size();

  const Stopwatch compiling;
  out.jit = jit::JitEngine::compile(*out.program);
  out.times.jit = compiling.elapsed();

  const Stopwatch indexing;
  out.jitEvaluator = std::make_unique<eval::Evaluator>(*out.program, *out.jit);
  out.times.index = indexing.elapsed();

  out.interpreter = std::make_unique<interp::Interpreter>(*out.program);
  out.interpEvaluator = std::make_unique<eval::Evaluator>(*out.program, *out.interpreter);
  return out;
}

Memory processMemory() {
  Memory memory;
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    double kib = 0;
    if (key == "VmRSS:" && status >> kib)
      memory.residentMiB = kib / 1024.0;
    else if (key == "VmHWM:" && status >> kib)
      memory.peakMiB = kib / 1024.0;
    status.ignore(1 << 20, '\n');
  }
  return memory;
}

}  // namespace edict::bench
