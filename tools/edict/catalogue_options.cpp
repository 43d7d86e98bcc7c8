#include "catalogue_options.h"

#include <fmt/format.h>

#include <iostream>

#include "history/open/open_history.h"

namespace edict::cli {

void addCatalogueOptions(CLI::App& cmd, service::CatalogueSpec& spec) {
  cmd.add_option("-r,--ruleset", spec.ruleset,
                 "The default ruleset: a .edict file, or an artifact from `edict compile`; applied "
                 "to every claim whose payer has no route")
      ->type_name("FILE");
  cmd.add_option("--route", spec.routes,
                 "Apply ruleset FILE to the claims of PAYER (the payer id exactly as the claims "
                 "carry it: JSON `payer`, X12 NM1*PR NM109, FHIR insurer identifier). Repeat "
                 "for each payer; `A,B=FILE` routes several payers to one ruleset")
      ->type_name("PAYER=FILE");
  cmd.add_option("--routes", spec.routeTable,
                 "A routing table: one `PAYER = FILE` per line, `*` for the default, `#` "
                 "comments; relative paths are relative to the table")
      ->type_name("FILE");
  cmd.add_option("--engine", spec.engine,
                 "Back end: `jit` (native code via LLVM) or `interp` (the reference "
                 "interpreter); both give identical results")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
}

void addHistoryOptions(CLI::App& cmd, HistoryOptions& options) {
  CLI::Option* history =
      cmd.add_option(
             "--history", options.location,
             "Keep a claim history in LOCATION, `sqlite:PATH` (a file, created when missing) or "
             "`postgresql://user@host/db`: before each batch its patients' earlier lines are "
             "fetched, after it its claims' outcomes recorded, replacements and voids applied "
             "(docs/history.md)")
          ->type_name("LOCATION")
          ->check([](const std::string& location) { return history::checkLocation(location); });
  cmd.add_flag("--history-readonly", options.readOnly,
               "Judge claims with the history, but record nothing (each claim sees the stored "
               "history only)")
      ->needs(history);
}

std::unique_ptr<history::HistoryStore> openHistoryOption(const HistoryOptions& options,
                                                         std::string_view verb, bool& failed) {
  failed = false;
  if (options.location.empty()) return nullptr;
  try {
    return history::openHistory(options.location, history::SchemaPolicy::CreateIfEmpty,
                                options.readOnly);
  } catch (const run::HistoryError& e) {
    std::cerr << fmt::format("{}: {}; no claim was read\n", verb, e.what());
    failed = true;
    return nullptr;
  }
}

}  // namespace edict::cli
