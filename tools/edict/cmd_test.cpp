// `edict test PATH...`: runs the `test` blocks of ruleset files on both
// engines, prints each failure with what was expected and what happened,
// and ends with `N passed, N failed`. `--coverage` lists unexercised rules.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "core/text/counted.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "service/catalogue/test_run.h"

namespace edict::cli {

namespace {

namespace fs = std::filesystem;

struct TestOptions {
  std::vector<std::string> paths;
  bool coverage = false;
  bool verbose = false;
};

/// Ruleset files named on the command line, directories searched for `.edict`.
std::vector<std::string> rulesetFiles(const std::vector<std::string>& paths, bool& ok) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(path, error))
        if (entry.is_regular_file() && entry.path().extension() == ".edict")
          found.push_back(entry.path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, error)) {
      files.push_back(path);
    } else {
      std::cerr << fmt::format("edict test: `{}` does not exist\n", path);
      ok = false;
    }
  }
  return files;
}

/// Coverage: for each rule written in a file being tested (by where it is
/// written, so a rule inherited by another of them counts once), whether a
/// test fired it; rules inherited from files not being tested are counted
/// apart, by file, since their own tests are what cover them.
struct Coverage {
  std::map<std::string, std::string> rules;  // origin + id -> description
  std::set<std::string> exercised;
  /// Rules inherited from files not tested: by file as the origins name it.
  std::map<std::string, std::set<std::string>> inherited;
};

std::string ruleKey(const ir::Rule& rule) {
  return rule.origin + " " + rule.id;
}

/// `path` spelt one way however it was named (`a/../b.edict` is `b.edict`).
std::string canonicalPath(const std::string& path) {
  std::error_code error;
  const fs::path canonical = fs::weakly_canonical(path, error);
  return error ? path : canonical.string();
}

/// The file of a rule's `file:line` origin, as the origin names it.
std::string originFile(const std::string& origin) {
  return origin.substr(0, origin.rfind(':'));
}

void printCoverage(const Coverage& coverage) {
  std::vector<std::string> missing;
  for (const auto& [key, description] : coverage.rules)
    if (coverage.exercised.count(key) == 0) missing.push_back(description);
  const auto total = static_cast<std::int64_t>(coverage.rules.size());
  std::cout << fmt::format("coverage: {} of {} exercised by a test\n",
                           total - static_cast<std::int64_t>(missing.size()),
                           text::counted(total, "rule"));
  for (const std::string& m : missing) std::cout << "  not exercised: " << m << "\n";
  for (const auto& [file, keys] : coverage.inherited)
    std::cout << fmt::format(
        "  not counted: {} inherited from {}, whose own tests cover them (give it to `edict "
        "test` too)\n",
        text::counted(static_cast<std::int64_t>(keys.size()), "rule"), file);
}

int runTests(const TestOptions& options) {
  bool ok = true;
  const auto files = rulesetFiles(options.paths, ok);
  if (!ok) return kUsage;
  std::set<std::string> tested;
  for (const std::string& file : files) tested.insert(canonicalPath(file));
  std::size_t passed = 0;
  std::size_t failed = 0;
  bool rulesetErrors = false;
  Coverage coverage;

  for (const std::string& path : files) {
    diag::DiagnosticSink sink;
    driver::Compilation compilation = driver::compileFile(path, sink);
    for (const diag::Diagnostic& d : sink.all())
      std::cerr << diag::renderText(d, compilation.file(d.file));
    if (!compilation.program) {
      std::cout << fmt::format("ERROR {}: the ruleset has errors; its tests did not run\n", path);
      rulesetErrors = true;
      continue;
    }
    const ir::Program& program = *compilation.program;
    for (const ir::Rule& rule : program.rules) {
      const std::string file = originFile(rule.origin);
      if (tested.count(canonicalPath(file)) > 0)
        coverage.rules.emplace(ruleKey(rule), rule.id + " (" + rule.origin + ")");
      else
        coverage.inherited[file].insert(ruleKey(rule));
    }
    const service::TestRuns runs = service::runTestsOnBothEngines(program);
    if (!runs.problem.empty()) {
      std::cout << fmt::format("ERROR {}: {}; its tests did not run\n", path, runs.problem);
      rulesetErrors = true;
      continue;
    }
    for (const service::TestRun& result : runs.tests) {
      const ir::TestCase& test = *result.test;
      const run::TestOutcome& outcome = result.outcome;
      for (const model::Edit& e : outcome.edits)
        if (e.ruleIndex) coverage.exercised.insert(ruleKey(program.rules[*e.ruleIndex]));
      if (outcome.passed) {
        ++passed;
        if (options.verbose) std::cout << fmt::format("PASS {} \"{}\"\n", test.origin, test.name);
        continue;
      }
      ++failed;
      std::cout << fmt::format("FAIL {} \"{}\"\n", test.origin, test.name);
      for (const std::string& f : outcome.failures) std::cout << "    " << f << "\n";
    }
  }

  if (options.coverage) printCoverage(coverage);
  std::cout << fmt::format("{} passed, {} failed\n", passed, failed);
  if (rulesetErrors) return kUsage;
  return failed > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerTest(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* cmd = app.add_subcommand(
      "test",
      "Run the `test` blocks of ruleset files on both engines (JIT and interpreter). Each "
      "failure shows what was expected and what happened; every edit a test claim gets must be "
      "expected. The last line is `N passed, N failed`. Exit status: 0 all passed, 1 some "
      "failed, 2 usage error or a ruleset with errors.");
  cmd->add_option("paths", options->paths,
                  "Ruleset files, or directories searched for .edict files")
      ->required()
      ->type_name("PATH");
  cmd->add_flag("--coverage", options->coverage,
                "Also list the rules that no test made fire. Only the rules written in the files "
                "tested count (a rule inherited by several of them counts once); rules inherited "
                "from other files are said apart, by file");
  cmd->add_flag("-v,--verbose", options->verbose, "Print a line for every test that passes, too");
  cmd->callback([options, &exitStatus] { exitStatus = runTests(*options); });
}

}  // namespace edict::cli
