// The options that say which rulesets to load and how (--ruleset, --route,
// --routes, --engine), and which claim history to keep (--history,
// --history-readonly), shared by `edict run` and `edict serve` so that both
// take them exactly alike.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "history/store/history_store.h"
#include "service/catalogue/catalogue.h"

namespace edict::cli {

/// Adds the ruleset and routing options of `spec` to `cmd`.
void addCatalogueOptions(CLI::App& cmd, service::CatalogueSpec& spec);

/// The claim history a run keeps (docs/history.md).
struct HistoryOptions {
  /// `sqlite:PATH` or a PostgreSQL URI; empty for none.
  std::string location;
  bool readOnly = false;
};

/// Adds --history and --history-readonly to `cmd`.
void addHistoryOptions(CLI::App& cmd, HistoryOptions& options);

/// Opens the history `options` name, or none when they name none; on
/// failure writes `VERB: message` to standard error and returns null with
/// `failed` set.
std::unique_ptr<history::HistoryStore> openHistoryOption(const HistoryOptions& options,
                                                         std::string_view verb, bool& failed);

}  // namespace edict::cli
