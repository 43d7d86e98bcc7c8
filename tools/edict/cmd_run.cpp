// `edict run`: applies rulesets to claims and writes one record per edit.
// Claims come in any format edict reads (detected from content); each is
// routed to the ruleset of its payer, evaluated on all cores, and its records
// written in input order. See docs/cli.md, section `edict run`.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backends/jit/jit_engine.h"
#include "commands.h"
#include "ruleset_loader.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/progress_bar.h"
#include "runtime/run/route_table.h"
#include "runtime/run/router.h"
#include "runtime/write/record_format.h"

namespace edict::cli {

namespace {

struct RunOptions {
  std::vector<std::string> claims;
  std::string ruleset;
  std::vector<std::string> routes;
  std::string routeTable;
  std::string engine = "jit";
  std::string inputFormat = "auto";
  std::string format = "jsonl";
  std::string output;
  unsigned threads = 0;
  bool noProgress = false;
};

/// One compiled ruleset with its back end, loaded once however many payers
/// are routed to it. Heap-allocated so that routes can point into it.
struct LoadedRuleset {
  LoadedProgram program;
  std::unique_ptr<engine::PredicateEngine> engine;
  std::unique_ptr<eval::Evaluator> evaluator;
  run::Route route;
};

/// The rulesets of a run and the router over them.
class Rulesets {
 public:
  /// Compiles `path` (once) and returns its route; null after printing why.
  const run::Route* load(const std::string& path, const std::string& engineName) {
    if (auto found = byPath_.find(path); found != byPath_.end()) return &found->second->route;
    std::optional<LoadedProgram> program = loadRuleset(path, engineName);
    if (!program) {
      std::cerr << fmt::format(
          "edict run: the ruleset `{}` cannot be used (see above); no claim was evaluated\n", path);
      return nullptr;
    }
    auto loaded = std::make_unique<LoadedRuleset>();
    loaded->program = std::move(*program);
    try {
      loaded->engine = makeEngine(engineName, loaded->program);
    } catch (const jit::JitError& e) {
      std::cerr << fmt::format("edict run: the JIT failed on `{}`: {}\n", path, e.what());
      return nullptr;
    }
    const ir::Program& ir = loaded->program.program;
    loaded->evaluator = std::make_unique<eval::Evaluator>(ir, *loaded->engine);
    loaded->route = {loaded->evaluator.get(), {ir.name, ir.version}};
    return &byPath_.emplace(path, std::move(loaded)).first->second->route;
  }

  run::Router router;

 private:
  std::map<std::string, std::unique_ptr<LoadedRuleset>> byPath_;
};

/// Loads every ruleset named by --ruleset, --route and --routes into
/// `rulesets`; false (after printing why) on a usage or ruleset error.
bool buildRoutes(const RunOptions& options, Rulesets& rulesets) {
  std::vector<run::RouteEntry> entries;
  if (!options.routeTable.empty()) {
    std::ifstream table(options.routeTable);
    std::string error;
    if (!table) {
      std::cerr << fmt::format("edict run: cannot open routing table `{}`\n", options.routeTable);
      return false;
    }
    if (!run::parseRouteTable(table, options.routeTable, entries, error)) {
      std::cerr << "edict run: " << error << "\n";
      return false;
    }
  }
  for (const std::string& argument : options.routes)
    if (!run::parseRouteArgument(argument, entries)) {
      std::cerr << fmt::format("edict run: --route `{}`: expected PAYER=FILE\n", argument);
      return false;
    }
  if (!options.ruleset.empty()) entries.push_back({"*", options.ruleset, 0});
  if (entries.empty()) {
    std::cerr << "edict run: --ruleset is required: give a default ruleset with --ruleset FILE, "
                 "or route payers with --route PAYER=FILE or --routes FILE\n";
    return false;
  }
  // One ruleset per payer: a payer routed twice is a mistake to point out,
  // not to settle silently by order.
  std::map<std::string, std::string> seen;
  for (const run::RouteEntry& entry : entries) {
    auto [it, fresh] = seen.emplace(entry.payer, entry.ruleset);
    if (!fresh && it->second != entry.ruleset) {
      std::cerr << fmt::format(
          "edict run: {} is routed to two rulesets, `{}` and `{}`\n",
          entry.payer == "*" ? std::string("the default") : fmt::format("payer `{}`", entry.payer),
          it->second, entry.ruleset);
      return false;
    }
    const run::Route* route = rulesets.load(entry.ruleset, options.engine);
    if (!route) return false;
    if (entry.payer == "*")
      rulesets.router.setDefault(route);
    else
      rulesets.router.add(entry.payer, route);
  }
  return true;
}

/// Runs one claims file; false when it turned out not to be claims.
bool runFile(const std::string& path, std::istream& source, const RunOptions& options,
             run::BatchRunner& runner, std::ostream& out, run::RunSummary& summary) {
  const std::string name = path == "-" ? "<stdin>" : path;
  read::InputStream in(source);
  std::string problem;
  auto reader = read::openClaims(in, name, read::parseFormatName(options.inputFormat), problem);
  if (!reader) {
    std::cerr << fmt::format("edict run: {}: {}\n", name, problem);
    return false;
  }
  std::optional<run::ProgressBar> bar;
  if (!options.noProgress && isatty(STDERR_FILENO)) {
    std::error_code ec;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    bar.emplace(std::cerr, ec ? 0 : size);
  }
  const std::uint64_t before = summary.read;
  runner.run(*reader, out, summary, [&](std::uint64_t claims) {
    if (bar) bar->update(in.consumed(), before + claims);
  });
  if (bar) bar->finish();
  if (const std::string fatal = reader->fatalError(); !fatal.empty()) {
    std::cerr << fmt::format("edict run: {}: {}\n", name, fatal);
    return false;
  }
  return true;
}

int runRun(const RunOptions& options) {
  Rulesets rulesets;
  if (!buildRoutes(options, rulesets)) return kUsage;

  // Every claims file must open before any output is written.
  std::vector<std::unique_ptr<std::ifstream>> files;
  for (const std::string& path : options.claims) {
    auto file = std::make_unique<std::ifstream>();
    if (path != "-") {
      file->open(path, std::ios::binary);
      if (!*file || std::filesystem::is_directory(path)) {
        std::cerr << fmt::format("edict run: cannot open claims file `{}`\n", path);
        return kUsage;
      }
    }
    files.push_back(std::move(file));
  }
  std::ofstream outFile;
  if (!options.output.empty()) {
    outFile.open(options.output, std::ios::binary);
    if (!outFile) {
      std::cerr << fmt::format("edict run: cannot write `{}`\n", options.output);
      return kUsage;
    }
  }
  std::ostream& out = options.output.empty() ? std::cout : outFile;

  const auto format = write::makeRecordFormat(*write::parseOutputFormat(options.format));
  out << format->header();
  run::BatchRunner runner(rulesets.router, *format, {options.threads, 512});
  run::RunSummary summary;
  std::size_t notClaims = 0;
  for (std::size_t i = 0; i < options.claims.size(); ++i) {
    const std::string& path = options.claims[i];
    std::istream& source = path == "-" ? std::cin : *files[i];
    if (!runFile(path, source, options, runner, out, summary)) ++notClaims;
  }
  out.flush();
  std::string line = "edict run: " + summary.describe();
  if (notClaims > 0)
    line += fmt::format("; {} file{} not read as claims", notClaims, notClaims == 1 ? "" : "s");
  std::cerr << line << "\n";
  if (!out) {
    std::cerr << "edict run: writing the results failed\n";
    return kUsage;
  }
  return summary.rejected > 0 || notClaims > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerRun(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand(
      "run",
      "Apply rulesets to claims and write one record per edit (JSON Lines: claim, line, rule, "
      "action, reason, message, related_lines, ruleset, version). Claims are JSON Lines, CSV, "
      "X12 837P or FHIR R4, detected from content. Each claim goes to the ruleset routed for its "
      "payer, else to the default ruleset. A malformed claim becomes one record with action "
      "`reject` and the run goes on. Records come out in input order; a summary goes to "
      "standard error. Exit status: 0 all claims evaluated, 1 some claims rejected or a file "
      "that is not claims, 2 usage or ruleset errors.");
  cmd->add_option("claims", options->claims,
                  "Claim files to read, in any mix of formats; `-` reads standard input")
      ->required()
      ->type_name("FILE");
  cmd->add_option(
         "-r,--ruleset", options->ruleset,
         "The default ruleset: a .edict file, or an artifact from `edict compile`; applied "
         "to every claim whose payer has no route")
      ->type_name("FILE");
  cmd->add_option("--route", options->routes,
                  "Apply ruleset FILE to the claims of PAYER (the payer id exactly as the claims "
                  "carry it: JSON `payer`, X12 NM1*PR NM109, FHIR insurer identifier). Repeat "
                  "for each payer; `A,B=FILE` routes several payers to one ruleset")
      ->type_name("PAYER=FILE");
  cmd->add_option("--routes", options->routeTable,
                  "A routing table: one `PAYER = FILE` per line, `*` for the default, `#` "
                  "comments; relative paths are relative to the table")
      ->type_name("FILE");
  cmd->add_option("--engine", options->engine,
                  "Back end: `jit` (native code via LLVM) or `interp` (the reference "
                  "interpreter); both give identical results")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
  cmd->add_option("--input-format", options->inputFormat,
                  "Claim format: `auto` detects it from each file's content; `jsonl`, `csv`, "
                  "`x12` (837P) or `fhir` (R4 Claim, NDJSON or Bundle) force one")
      ->check(CLI::IsMember({"auto", "jsonl", "csv", "x12", "fhir"}))
      ->capture_default_str();
  cmd->add_option("--format", options->format,
                  "Result format: `jsonl` (one JSON record per line, the stable contract), "
                  "`csv` (a header row, one row per record) or `table` (for reading at a "
                  "terminal)")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", options->output,
                  "Write results to FILE instead of standard output")
      ->type_name("FILE");
  cmd->add_option("-j,--threads", options->threads,
                  "Worker threads evaluating claims; 0 (the default) uses every core. The output "
                  "is the same for any number")
      ->check(CLI::Range(0u, 1024u))
      ->type_name("N");
  cmd->add_flag("--no-progress", options->noProgress,
                "Do not draw the progress bar (drawn on standard error only when it is a "
                "terminal, for runs longer than half a second)");
  cmd->callback([options, &exitStatus] { exitStatus = runRun(*options); });
}

}  // namespace edict::cli
