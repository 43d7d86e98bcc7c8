// The verbs of the `edict` command line; each registers its subcommand and
// sets the process exit status when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace edict::cli {

/// Exit statuses shared by every verb (docs/cli.md).
enum ExitStatus : int {
  kSuccess = 0,
  kFindings = 1,  ///< errors found (`check`) or claims rejected (`run`)
  kUsage = 2,     ///< bad command line, or a ruleset with errors
};

/// `edict check`: static diagnostics for ruleset files.
void registerCheck(CLI::App& app, int& exitStatus);
/// `edict explain`: why edits fired on claims, or why a rule did not.
void registerExplain(CLI::App& app, int& exitStatus);
/// `edict compile`: writes compiled artifacts that `run` loads directly.
void registerCompile(CLI::App& app, int& exitStatus);
/// `edict fmt`: rewrites ruleset files in the canonical layout.
void registerFmt(CLI::App& app, int& exitStatus);
/// `edict test`: runs the tests written in ruleset files.
void registerTest(CLI::App& app, int& exitStatus);
/// `edict run`: applies a ruleset to claims and writes edit records.
void registerRun(CLI::App& app, int& exitStatus);
/// `edict serve`: the claims service over HTTP.
void registerServe(CLI::App& app, int& exitStatus);
/// `edict worker`: evaluates claims from a NATS JetStream stream.
void registerWorker(CLI::App& app, int& exitStatus);
/// `edict submit`: publishes claims files to the claims stream.
void registerSubmit(CLI::App& app, int& exitStatus);
/// `edict collect`: writes the result records of the results stream.
void registerCollect(CLI::App& app, int& exitStatus);
/// `edict reload-workers`: asks every running worker to reload.
void registerReloadWorkers(CLI::App& app, int& exitStatus);
/// `edict import ptp|mue`: converts CMS NCCI files into edict TSV tables.
void registerImport(CLI::App& app, int& exitStatus);
/// `edict lsp`: the language server for editors, over standard input and output.
void registerLsp(CLI::App& app, int& exitStatus);

}  // namespace edict::cli
