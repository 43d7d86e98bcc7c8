// The input verbs: synthetic claims, NCCI-scale PTP and MUE tables, and the
// validated copy of the claims that the Node peers read.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "commands.h"
#include "gen/claim_mix.h"
#include "gen/ncci_tables.h"
#include "harness/claim_set.h"

namespace edict::bench {

namespace {

std::ofstream openOut(const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write `" + path + "`");
  return out;
}

}  // namespace

void addGenerateVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  {
    auto options = std::make_shared<ClaimMixOptions>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("gen-claims", "write synthetic claims as JSON Lines");
    cmd->add_option("--count", options->claims, "claims to write")->capture_default_str();
    cmd->add_option("--seed", options->seed, "random seed")->capture_default_str();
    cmd->add_option("--malformed-every", options->malformedEvery,
                    "one malformed claim in this many (0: none)")
        ->capture_default_str();
    cmd->add_option("-o,--out", *out, "output file")->required();
    verbs.emplace_back(cmd, [options, out] {
      auto file = openOut(*out);
      const ClaimMixStats stats = writeClaimMix(file, *options);
      std::cerr << fmt::format("{}: {} claims, {} lines, {} malformed\n", *out, stats.claims,
                               stats.lines, stats.malformed);
      return file ? 0 : 2;
    });
  }
  {
    auto options = std::make_shared<PtpOptions>();
    auto out = std::make_shared<std::string>();
    auto layout = std::make_shared<std::string>("tsv");
    auto* cmd = app.add_subcommand("gen-ptp", "write an NCCI-scale PTP table");
    cmd->add_option("--rows", options->rows, "rows")->capture_default_str();
    cmd->add_option("--codes", options->codes, "distinct codes")->capture_default_str();
    cmd->add_option("--seed", options->seed, "random seed")->capture_default_str();
    cmd->add_option("--layout", *layout, "tsv (edict import's) or cms (CMS's file)")
        ->check(CLI::IsMember({"tsv", "cms"}))
        ->capture_default_str();
    cmd->add_option("-o,--out", *out, "output file")->required();
    verbs.emplace_back(cmd, [options, out, layout] {
      options->layout = *layout == "cms" ? PtpLayout::Cms : PtpLayout::Tsv;
      auto file = openOut(*out);
      const PtpStats stats = writePtpTable(file, *options);
      std::cerr << fmt::format(
          "{}: {} rows, {} pairs, {} column-1 codes, {} column-2 codes, largest fan-out {} rows\n",
          *out, stats.rows, stats.pairs, stats.column1Codes, stats.column2Codes,
          stats.largestFanOut);
      return file && stats.rows == options->rows ? 0 : 2;
    });
  }
  {
    auto options = std::make_shared<MueOptions>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("gen-mue", "write an MUE table (edict's TSV)");
    cmd->add_option("--rows", options->rows, "rows (codes)")->capture_default_str();
    cmd->add_option("--seed", options->seed, "random seed")->capture_default_str();
    cmd->add_option("-o,--out", *out, "output file")->required();
    verbs.emplace_back(cmd, [options, out] {
      auto file = openOut(*out);
      const std::size_t rows = writeMueTable(file, *options);
      std::cerr << fmt::format("{}: {} rows\n", *out, rows);
      return file ? 0 : 2;
    });
  }
  {
    auto in = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "prepare", "read claims with edict's reader and write the valid ones (the peers' input)");
    cmd->add_option("--claims", *in, "claims (JSON Lines)")->required();
    cmd->add_option("-o,--out", *out, "output file")->required();
    verbs.emplace_back(cmd, [in, out] {
      const ClaimSet set = readClaimSet(*in);
      writeClaimSet(set, *out);
      std::cerr << fmt::format("{}: {} valid claims ({} lines), {} malformed left out\n", *out,
                               set.claims.size(), set.lines, set.rejected);
      return 0;
    });
  }
}

}  // namespace edict::bench
