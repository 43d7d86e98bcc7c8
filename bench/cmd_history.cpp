// The claim history benchmark's verbs (bench/history.sh, docs/performance.md):
//   gen-history  a history of paid lines for the patients of a claims file,
//                in the format `edict history import` reads;
//   measure      runs a command and reports its wall time and peak memory
//                (the child's maximum resident set, from wait4).
#include <fmt/format.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "core/model/date.h"
#include "gen/rng.h"

namespace edict::bench {

namespace {

struct HistoryOptions {
  std::string claims;
  std::size_t lines = 1000000;
  std::uint64_t seed = 2026;
  std::string out;
};

/// The payer and patient of every readable claim of `path`.
std::vector<std::pair<std::string, std::string>> patientsOf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read `" + path + "`");
  simdjson::dom::parser parser;
  std::vector<std::pair<std::string, std::string>> keys;
  std::string line;
  while (std::getline(in, line)) {
    simdjson::dom::element claim;
    if (parser.parse(line).get(claim) != simdjson::SUCCESS) continue;
    std::string_view payer;
    std::string_view patient;
    if (claim["payer"].get(payer) != simdjson::SUCCESS) continue;
    if (claim["patient"]["id"].get(patient) != simdjson::SUCCESS) continue;
    keys.emplace_back(payer, patient);
  }
  return keys;
}

/// Writes about `options.lines` paid lines: history claims of 1 to 4 lines,
/// dated in the year before the claims, spread over the claims' patients in
/// turn (so each claim's patient has about lines/claims prior lines).
std::size_t writeHistory(const HistoryOptions& options, std::ostream& out) {
  const auto keys = patientsOf(options.claims);
  if (keys.empty()) throw std::runtime_error("no claims to write a history for");
  static constexpr const char* kCodes[] = {"97110", "97112", "97140", "97530", "97161",
                                           "97162", "97116", "97035", "98941", "97150"};
  Rng rng(options.seed);
  const std::int32_t firstDay = model::Date::fromParts(2025, 10, 1)->days;
  std::size_t written = 0;
  std::string text;
  for (std::size_t claim = 0; written < options.lines; ++claim) {
    const auto& [payer, patient] = keys[claim % keys.size()];
    const std::size_t count = std::min<std::size_t>(1 + rng.below(4), options.lines - written);
    const model::Date date{firstDay + static_cast<std::int32_t>(rng.below(365))};
    text.clear();
    for (std::size_t l = 1; l <= count; ++l) {
      const int units = 1 + static_cast<int>(rng.below(3));
      const bool denied = rng.chance(5);
      fmt::format_to(std::back_inserter(text),
                     R"({{"payer":"{}","claim":"H{:08}","line":{},"patient":"{}","code":"{}",)"
                     R"("modifiers":["GP"],"date":"{}","provider":"1234567893",)"
                     R"("billed_units":{},"allowed_units":{}{}}})"
                     "\n",
                     payer, claim, l, patient, kCodes[rng.below(std::size(kCodes))], date.iso(),
                     units, denied ? 0 : units, denied ? R"(,"action":"deny")" : "");
    }
    out << text;
    written += count;
  }
  return written;
}

/// Runs `command`, waits for it, and reports its time and peak memory.
int measure(const std::vector<std::string>& command, const std::string& json) {
  std::vector<char*> argv;
  for (const std::string& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) {
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) != child) throw std::runtime_error("wait4 failed");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  const std::string report = fmt::format(R"({{"seconds":{:.3f},"max_rss_kib":{},"exit":{}}})",
                                         seconds, usage.ru_maxrss, exit);
  if (!json.empty()) {
    std::ofstream file(json);
    file << report << "\n";
  }
  std::cerr << report << "\n";
  return exit;
}

}  // namespace

void addHistoryVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  {
    auto options = std::make_shared<HistoryOptions>();
    auto* cmd = app.add_subcommand(
        "gen-history", "write paid lines (edict history import's format) for a claims file");
    cmd->add_option("--claims", options->claims, "the claims whose patients get a history")
        ->required();
    cmd->add_option("--lines", options->lines, "lines to write")->capture_default_str();
    cmd->add_option("--seed", options->seed, "random seed")->capture_default_str();
    cmd->add_option("-o,--out", options->out, "output file")->required();
    verbs.emplace_back(cmd, [options] {
      std::ofstream out(options->out, std::ios::binary);
      if (!out) throw std::runtime_error("cannot write `" + options->out + "`");
      const std::size_t lines = writeHistory(*options, out);
      std::cerr << fmt::format("{}: {} lines\n", options->out, lines);
      return out ? 0 : 2;
    });
  }
  {
    auto command = std::make_shared<std::vector<std::string>>();
    auto json = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("measure",
                                   "run a command; report its wall time and peak resident memory");
    cmd->add_option("--json", *json, "also write the figures to this file");
    cmd->add_option("command", *command, "the command (an absolute path) and its arguments")
        ->required();
    verbs.emplace_back(cmd, [command, json] { return measure(*command, *json); });
  }
}

}  // namespace edict::bench
