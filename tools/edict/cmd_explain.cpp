// `edict explain -r RULESET CLAIMS`: for each claim, every edit that fired
// with the values it read, and with --why-not RULE why that rule did not.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "frontend/diag/suggest.h"
#include "history/open/open_history.h"
#include "runtime/explain/explainer.h"
#include "runtime/read/input_format.h"
#include "runtime/run/batch_history.h"
#include "service/catalogue/ruleset_loader.h"

namespace edict::cli {

namespace {

struct ExplainOptions {
  std::string ruleset;
  std::string claims;
  std::string claimId;
  std::string whyNot;
  std::string inputFormat = "auto";
  /// A claim history to judge the claims with, read-only; empty for none.
  std::string history;
};

int runExplain(const ExplainOptions& options) {
  std::string problems;
  std::optional<service::LoadedProgram> loaded =
      service::loadRuleset(options.ruleset, "interp", problems);
  std::cerr << problems;
  if (!loaded) {
    std::cerr << "edict explain: the ruleset cannot be used (see above)\n";
    return kUsage;
  }
  const ir::Program& program = loaded->program;
  if (!options.whyNot.empty()) {
    const std::vector<std::string> ids = explain::editIds(program);
    if (!std::binary_search(ids.begin(), ids.end(), options.whyNot)) {
      const auto guess = diag::closestMatch(options.whyNot, ids);
      std::cerr << fmt::format("edict explain: --why-not `{}`: no rule of {} has that id{}\n",
                               options.whyNot, options.ruleset,
                               guess ? fmt::format("; did you mean `{}`?", *guess) : "");
      return kUsage;
    }
  }
  std::unique_ptr<history::HistoryStore> store;
  if (!options.history.empty()) {
    try {
      store = history::openHistory(options.history, history::SchemaPolicy::Existing, true);
    } catch (const run::HistoryError& e) {
      std::cerr << fmt::format("edict explain: {}; no claim was read\n", e.what());
      return kUsage;
    }
  }
  std::ifstream file;
  if (options.claims != "-") {
    file.open(options.claims, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("edict explain: cannot open claims file `{}`\n", options.claims);
      return kUsage;
    }
  }
  read::InputStream in(options.claims == "-" ? std::cin : file);
  std::optional<read::InputFormat> format;
  if (options.inputFormat != "auto") format = read::parseFormatName(options.inputFormat);
  std::string problem;
  auto reader = read::openClaims(in, options.claims, format, problem);
  if (!reader) {
    std::cerr << fmt::format("edict explain: {}\n", problem);
    return kFindings;
  }
  explain::ExplainRequest request;
  if (!options.whyNot.empty()) request.whyNot = options.whyNot;
  read::ReadItem item;
  bool found = false;
  bool rejected = false;
  while (reader->next(item)) {
    if (auto* reject = std::get_if<read::RejectedClaim>(&item)) {
      if (options.claimId.empty() || reject->claimId == options.claimId) {
        std::cout << fmt::format("claim {} rejected: {}:{}: {}\n\n",
                                 reject->claimId.empty() ? "(no id)" : reject->claimId,
                                 reject->origin.file, reject->origin.position, reject->message);
        rejected = true;
      }
      continue;
    }
    const auto& claim = std::get<model::Claim>(item);
    if (!options.claimId.empty() && claim.id != options.claimId) continue;
    found = true;
    model::ClaimHistory prior;
    if (store) {
      try {
        prior = run::storedHistory(*store, claim);
      } catch (const run::HistoryError& e) {
        std::cerr << fmt::format("edict explain: {}: {}\n", store->describe(), e.what());
        return kUsage;
      }
      request.history = &prior;
    }
    std::cout << explain::explainClaim(program, claim, request) << "\n";
  }
  if (!found && !rejected && !options.claimId.empty()) {
    std::cerr << fmt::format("edict explain: no claim `{}` in `{}`\n", options.claimId,
                             options.claims);
    return kFindings;
  }
  return rejected ? kFindings : kSuccess;
}

}  // namespace

void registerExplain(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain",
      "Explain, for each claim, every edit that fired: the rule, where it is written, what it "
      "encodes (a pair's indicator and dates, a table row), and each condition with the claim "
      "values it read. With --why-not RULE, also say line by line why that rule did not fire. "
      "Exit status: 0 explained, 1 a claim was rejected or not found, 2 usage or ruleset errors "
      "(a --why-not id that no rule has is a usage error, with the nearest id).");
  cmd->add_option("claims", options->claims, "The claims file; `-` reads standard input")
      ->required()
      ->type_name("FILE");
  cmd->add_option("-r,--ruleset", options->ruleset,
                  "The ruleset: a .edict file, or an artifact from `edict compile`")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--claim", options->claimId, "Explain only the claim with this id")
      ->type_name("ID");
  cmd->add_option("--why-not", options->whyNot,
                  "Say why the rule with this id did not fire (a pair from a table: `ptp_C1_C2`)")
      ->type_name("RULE");
  cmd->add_option("--input-format", options->inputFormat,
                  "Claim format: `auto` (detected from the content), `jsonl`, `csv`, `x12`, `fhir`")
      ->check(CLI::IsMember({"auto", "jsonl", "csv", "x12", "fhir"}))
      ->capture_default_str();
  cmd->add_option("--history", options->history,
                  "Judge each claim with the claim history in LOCATION (`sqlite:PATH` or "
                  "`postgresql://...`), read-only, as `edict run --history-readonly` does: edits "
                  "the history made fire are explained, naming the earlier claims' lines")
      ->type_name("LOCATION")
      ->check([](const std::string& location) { return history::checkLocation(location); });
  cmd->callback([options, &exitStatus] { exitStatus = runExplain(*options); });
}

}  // namespace edict::cli
