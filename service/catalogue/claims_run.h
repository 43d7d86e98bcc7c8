// The one path from claims to result records that `edict run`, `edict
// serve` and libedict share: detect the claims' format, read them, route
// each to its payer's ruleset in one catalogue, evaluate and format the
// records through the batch runner. What `edict run` prints for a file is
// therefore, byte for byte, what a service answers for the same bytes.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/read/input_format.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/router.h"

namespace edict::service {

/// How reading one input ended.
struct InputOutcome {
  /// Empty when the input was claims and was read to its end; else why it
  /// is not claims (nothing, or only what came before, was evaluated).
  std::string problem;
  /// The format it was read in, when it was opened.
  std::optional<read::InputFormat> format;
};

/// Reads the claims of `in`, named `name` in reject messages, in `format`
/// (detected from content when nullopt), evaluates them through `runner`
/// with the routes of `router` (a catalogue's) and gives the records to
/// `out`, adding the counts to `summary`; with the claim history of
/// `history` when it names one.
InputOutcome runClaims(const run::Router& router, run::BatchRunner& runner, read::InputStream& in,
                       const std::string& name, std::optional<read::InputFormat> format,
                       const run::TextSink& out, run::RunSummary& summary,
                       const run::ProgressFn& progress = {}, run::HistoryUse history = {});

/// The records of claims held in memory, and how reading them ended.
struct Evaluation {
  std::string records;
  run::RunSummary summary;
  InputOutcome outcome;
};

/// runClaims over bytes in memory (a catalogue's router()).
Evaluation evaluateClaims(const run::Router& router, run::BatchRunner& runner,
                          std::string_view claims, const std::string& name,
                          std::optional<read::InputFormat> format = std::nullopt,
                          run::HistoryUse history = {});

}  // namespace edict::service
