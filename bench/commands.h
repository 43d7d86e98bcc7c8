// The verbs of `edict_bench`, one file each (as tools/edict has one file per
// verb): each registers its options on the command line and runs when chosen.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace edict::bench {

/// Adds a verb to `app`; the returned function runs it (after parsing) and
/// gives the exit status.
using Verb = std::function<int()>;

/// gen-claims, gen-ptp, gen-mue and prepare: the benchmark's inputs.
void addGenerateVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);
/// compare: the engines side by side on the same claims.
void addCompareVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);
/// compile: compile, load and memory figures of one ruleset.
void addCompileVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);
/// whole-process and handwritten-run: `edict run` as a whole process in
/// every input format, beside the hand-written baseline as a process.
void addWholeProcessVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);
/// serve: `edict serve` under load, beside `edict run`.
void addServeVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);
/// gen-history and measure: the claim history benchmark (history.sh).
void addHistoryVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs);

}  // namespace edict::bench
