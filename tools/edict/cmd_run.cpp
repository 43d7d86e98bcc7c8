// `edict run`: applies rulesets to claims and writes one record per edit.
// Claims come in any format edict reads (detected from content); each is
// routed to the ruleset of its payer, evaluated on all cores, and its records
// written in input order. See docs/cli.md, section `edict run`.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalogue_options.h"
#include "commands.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/progress_bar.h"
#include "runtime/write/record_format.h"
#include "service/catalogue/catalogue.h"
#include "service/catalogue/claims_run.h"

namespace edict::cli {

namespace {

struct RunOptions {
  std::vector<std::string> claims;
  /// A single run does not stamp its inputs (nothing reloads them).
  service::CatalogueSpec catalogue{{}, {}, {}, "jit", false};
  std::string inputFormat = "auto";
  std::string format = "jsonl";
  std::string output;
  unsigned threads = 0;
  std::size_t batchSize = 512;
  bool noProgress = false;
  HistoryOptions history;
};

/// Runs one claims file; false when it turned out not to be claims.
bool runFile(const std::string& path, std::istream& source, const RunOptions& options,
             const service::Catalogue& catalogue, run::BatchRunner& runner, std::ostream& out,
             run::RunSummary& summary, run::HistoryUse history) {
  const std::string name = path == "-" ? "<stdin>" : path;
  read::InputStream in(source);
  std::optional<run::ProgressBar> bar;
  if (!options.noProgress && isatty(STDERR_FILENO)) {
    std::error_code ec;
    const auto size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
    bar.emplace(std::cerr, ec ? 0 : size);
  }
  const std::uint64_t before = summary.read;
  const service::InputOutcome outcome = service::runClaims(
      catalogue.router(), runner, in, name, read::parseFormatName(options.inputFormat),
      [&out](std::string_view text) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
      },
      summary,
      [&](std::uint64_t claims) {
        if (bar) bar->update(in.consumed(), before + claims);
      },
      history);
  if (bar) bar->finish();
  if (!outcome.problem.empty()) {
    std::cerr << fmt::format("edict run: {}: {}\n", name, outcome.problem);
    return false;
  }
  return true;
}

int runRun(const RunOptions& options) {
  const service::CatalogueLoad load = service::loadCatalogue(
      options.catalogue, 1, nullptr, "edict run", "; no claim was evaluated");
  std::cerr << load.problems;
  if (!load.catalogue) return kUsage;
  // The history must be usable before any claim is read (exit 2 if not).
  bool historyFailed = false;
  const auto history = openHistoryOption(options.history, "edict run", historyFailed);
  if (historyFailed) return kUsage;

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
  run::BatchRunner runner(*format, {options.threads, options.batchSize});
  run::RunSummary summary;
  std::size_t notClaims = 0;
  const run::HistoryUse use{history.get(), options.history.readOnly};
  try {
    for (std::size_t i = 0; i < options.claims.size(); ++i) {
      const std::string& path = options.claims[i];
      std::istream& source = path == "-" ? std::cin : *files[i];
      if (!runFile(path, source, options, *load.catalogue, runner, out, summary, use)) ++notClaims;
    }
  } catch (const run::HistoryError& e) {
    // The records of the batches before the failure are written and
    // recorded; no later claim could be judged with a correct history.
    out.flush();
    std::cerr << fmt::format("edict run: {}: {}\nedict run: stopped after {}\n",
                             history->describe(), e.what(), summary.describe());
    return kUsage;
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
  addCatalogueOptions(*cmd, options->catalogue);
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
  cmd->add_option("--batch-size", options->batchSize,
                  "Claims per batch: the unit of work of a thread and, with --history, of a "
                  "fetch and a transaction. The output and the history are the same for any size")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str()
      ->type_name("N");
  addHistoryOptions(*cmd, options->history);
  cmd->add_flag("--no-progress", options->noProgress,
                "Do not draw the progress bar (drawn on standard error only when it is a "
                "terminal, for runs longer than half a second)");
  cmd->callback([options, &exitStatus] { exitStatus = runRun(*options); });
}

}  // namespace edict::cli
