// `edict run`: applies a ruleset to claims and writes one record per edit.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "eval/evaluator.h"
#include "jit/jit_engine.h"
#include "read/jsonl_reader.h"
#include "ruleset_loader.h"
#include "run/batch_runner.h"
#include "write/jsonl_writer.h"

namespace edict::cli {

namespace {

struct RunOptions {
  std::string ruleset;
  std::vector<std::string> claims;
  std::string engine = "jit";
  std::string inputFormat = "jsonl";
  std::string format = "jsonl";
  std::string output;
};

int runRun(const RunOptions& options) {
  std::optional<ir::Program> program = loadRuleset(options.ruleset);
  if (!program) {
    std::cerr << "edict run: the ruleset has errors; no claim was evaluated\n";
    return kUsage;
  }
  std::unique_ptr<eval::PredicateEngine> engine;
  try {
    engine = makeEngine(options.engine, *program);
  } catch (const jit::JitError& e) {
    std::cerr << "edict run: the JIT failed: " << e.what() << "\n";
    return kUsage;
  }
  const eval::Evaluator evaluator(*program, *engine);

  std::ofstream file;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("edict run: cannot write `{}`\n", options.output);
      return kUsage;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : file;
  write::JsonLinesWriter writer(out);
  const run::RulesetLabel label{program->name, program->version};
  run::RunSummary summary;

  for (const std::string& path : options.claims) {
    std::ifstream in;
    if (path != "-") {
      in.open(path, std::ios::binary);
      if (!in) {
        std::cerr << fmt::format("edict run: cannot open claims file `{}`\n", path);
        return kUsage;
      }
    }
    auto reader = read::openJsonLines(path == "-" ? std::cin : in, path == "-" ? "<stdin>" : path);
    run::runClaims(*reader, evaluator, label, [&](const model::Edit& e) { writer.write(e); },
                   summary);
  }
  out.flush();
  std::cerr << "edict run: " << summary.describe() << "\n";
  return summary.rejected > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerRun(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Apply a ruleset to claims and write one record per edit (JSON Lines: claim, line, rule, "
      "action, reason, message, related_lines, ruleset, version). A malformed claim becomes one "
      "record with action `reject` and the run goes on. A summary goes to standard error. Exit "
      "status: 0 all claims evaluated, 1 some claims rejected, 2 usage or ruleset errors.");
  cmd->add_option("claims", options->claims, "Claim files to read; `-` reads standard input")
      ->required()
      ->type_name("FILE");
  cmd->add_option("-r,--ruleset", options->ruleset, "The ruleset file (.edict) to apply")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--engine", options->engine,
                  "Back end: `jit` (native code via LLVM) or `interp` (the reference "
                  "interpreter); both give identical results")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
  cmd->add_option("--input-format", options->inputFormat,
                  "Claim format: `jsonl` (one JSON claim per line)")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  cmd->add_option("--format", options->format, "Result format: `jsonl` (one JSON record per line)")
      ->check(CLI::IsMember({"jsonl"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output, "Write results to FILE instead of standard output")
      ->type_name("FILE");
  cmd->callback([options, &exitStatus] { exitStatus = runRun(*options); });
}

}  // namespace edict::cli
