// The `edict` command line: check, fmt, test, explain, compile, run, serve,
// worker, submit, collect, reload-workers, import and lsp (docs/cli.md).
// Parsing errors exit with status 2.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "core/version.h"

int main(int argc, char** argv) {
  CLI::App app{
      "edict: write, check, compile and run claim edit policies for health insurers.\n"
      "See docs/cli.md for every verb, and `edict VERB --help` for its options."};
  app.require_subcommand(1);
  app.set_version_flag("--version", fmt::format("edict {}", edict::kEdictVersion));
  int exitStatus = edict::cli::kSuccess;
  edict::cli::registerCheck(app, exitStatus);
  edict::cli::registerCompile(app, exitStatus);
  edict::cli::registerRun(app, exitStatus);
  edict::cli::registerServe(app, exitStatus);
  edict::cli::registerWorker(app, exitStatus);
  edict::cli::registerSubmit(app, exitStatus);
  edict::cli::registerCollect(app, exitStatus);
  edict::cli::registerReloadWorkers(app, exitStatus);
  edict::cli::registerTest(app, exitStatus);
  edict::cli::registerFmt(app, exitStatus);
  edict::cli::registerExplain(app, exitStatus);
  edict::cli::registerImport(app, exitStatus);
  edict::cli::registerLsp(app, exitStatus);
  // CLI11 would only say "a subcommand is required" for a misspelt verb.
  std::vector<std::string> verbs;
  for (const CLI::App* sub : app.get_subcommands({})) verbs.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' &&
      std::find(verbs.begin(), verbs.end(), argv[1]) == verbs.end()) {
    std::cerr << "edict: `" << argv[1] << "` is not a verb; the verbs are:";
    for (const std::string& verb : verbs) std::cerr << ' ' << verb;
    std::cerr << "\nRun `edict --help` for more information.\n";
    return edict::cli::kUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return edict::cli::kUsage;
  }
  return exitStatus;
}
