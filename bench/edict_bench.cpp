// edict_bench: the benchmark's one program. It generates the inputs
// (claims, NCCI-scale tables), compiles rulesets with each phase timed, and
// runs edict's JIT, its interpreter and the hand-written baseline side by
// side on the same claims, checking that their outputs agree.
// bench/run.sh drives it (with the Node peers); docs/performance.md has the
// figures.
#include <iostream>
#include <stdexcept>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app("edict's benchmark: engines side by side, compile and memory figures");
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, edict::bench::Verb>> verbs;
  edict::bench::addGenerateVerbs(app, verbs);
  edict::bench::addCompareVerb(app, verbs);
  edict::bench::addCompileVerb(app, verbs);
  edict::bench::addServeVerb(app, verbs);
  edict::bench::addHistoryVerbs(app, verbs);
  edict::bench::addWholeProcessVerbs(app, verbs);
  CLI11_PARSE(app, argc, argv);
  try {
    for (auto& [command, run] : verbs)
      if (command->parsed()) return run();
  } catch (const std::exception& e) {
    std::cerr << "edict_bench: " << e.what() << "\n";
    return 2;
  }
  return 2;
}
