// `edict_bench whole-process`: what a user feels, `edict run` as a whole
// process from a claims file to a JSON Lines output file, on the same
// generated claims in each input format (JSON Lines, CSV, X12 837P, FHIR),
// with one and two worker threads; claims per second (wall), CPU time and
// peak resident memory (wait4), at two file sizes to show that memory does
// not grow with the file. Beside it, the hand-written baseline of the
// shipped ruleset as a process of its own (`edict_bench handwritten-run`)
// reading the same JSON Lines file its own way. Outputs are checked: equal
// for one and two threads, and the hand-written output equal to edict's
// byte for byte.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "commands.h"
#include "gen/input_files.h"
#include "handwritten/claims_process.h"
#include "harness/child_process.h"
#include "harness/machine.h"
#include "harness/report.h"

namespace edict::bench {

namespace {

namespace fs = std::filesystem;

struct WholeOptions {
  std::string edict;
  std::string ruleset = "rulesets/cms/therapy.edict";
  std::string handwritten = "cms_therapy";
  std::string handwrittenMue = "rulesets/cms/tables/mue_therapy.csv";
  std::size_t claims = 1000000;
  std::size_t smallClaims = 100000;
  std::uint64_t seed = 2026;
  std::string dir = (fs::temp_directory_path() / "edict-bench-whole").string();
  unsigned rounds = 1;
  std::string json;
};

/// Whether two files hold the same bytes.
bool sameFile(const fs::path& a, const fs::path& b) {
  if (fs::file_size(a) != fs::file_size(b)) return false;
  std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
  std::vector<char> p(1 << 20), q(1 << 20);
  while (x && y) {
    x.read(p.data(), static_cast<std::streamsize>(p.size()));
    y.read(q.data(), static_cast<std::streamsize>(q.size()));
    if (x.gcount() != y.gcount() || !std::equal(p.begin(), p.begin() + x.gcount(), q.begin()))
      return false;
  }
  return true;
}

std::string selfPath() {
  return fs::read_symlink("/proc/self/exe").string();
}

/// One configuration measured: the best of the rounds by wall clock.
struct Measured {
  std::string what;
  std::string format;
  unsigned threads = 0;
  std::size_t claims = 0;
  ChildRun run;
  fs::path output;
};

class WholeProcess {
 public:
  explicit WholeProcess(const WholeOptions& o) : o_(o), dir_(o.dir) {}

  int run() {
    std::cout << fmt::format(
        "whole process: {} on {} and {} generated claims (seed {}), files in {}\n"
        "machine: {}\n\n",
        o_.ruleset, grouped(static_cast<double>(o_.claims)),
        grouped(static_cast<double>(o_.smallClaims)), o_.seed, o_.dir, machineLine());
    const InputFiles big = writeInputFiles(dir_, o_.claims, o_.seed);
    const InputFiles small = writeInputFiles(dir_, o_.smallClaims, o_.seed);
    std::cout << fmt::format("inputs: {} claims, {} lines:", grouped(double(big.claims)),
                             grouped(double(big.lines)));
    for (const char* f : kInputFormats)
      std::cout << fmt::format(" {} {:.0f} MB", f, double(fs::file_size(big.of(f))) / 1e6);
    std::cout << "\n";

    // The ruleset compiled once, so that each run measures reading,
    // evaluating and writing (and loading the artifact), not LLVM.
    const fs::path artifact = dir_ / "ruleset.edictc";
    if (runChild({o_.edict, "compile", o_.ruleset, "-o", artifact.string()}, log()).status != 0)
      throw std::runtime_error("edict compile failed; see " + log());
    const fs::path one = dir_ / "one-claim.jsonl";
    {
      std::ifstream in(big.jsonl);
      std::string first;
      std::getline(in, first);
      std::ofstream(one) << first << "\n";
    }
    const ChildRun startup = best([&] { return edict(one, 1, dir_ / "out-one.jsonl"); });

    bool agree = true;
    std::vector<Measured> rows;
    std::map<std::string, double> rate;  // "format/threads" -> claims/s wall
    for (const char* format : kInputFormats) {
      for (unsigned threads : {1u, 2u}) {
        const fs::path out = dir_ / fmt::format("out-{}-j{}.jsonl", format, threads);
        rows.push_back({"edict run", format, threads, big.claims,
                        best([&] { return edict(big.of(format), threads, out); }), out});
        rate[fmt::format("{}/{}", format, threads)] =
            double(big.claims) / rows.back().run.wallSeconds;
      }
      const bool same = sameFile(rows[rows.size() - 2].output, rows.back().output);
      if (!same) std::cerr << format << ": the output of -j1 and -j2 differ\n";
      agree = agree && same;
    }
    for (unsigned threads : {1u, 2u}) {
      const fs::path out = dir_ / fmt::format("out-handwritten-j{}.jsonl", threads);
      rows.push_back({"hand-written C++", "jsonl", threads, big.claims,
                      best([&] { return handwritten(big.jsonl, threads, out); }), out});
      const bool same = sameFile(dir_ / "out-jsonl-j1.jsonl", out);
      if (!same)
        std::cerr << "the hand-written output differs from edict's (-j" << threads << ")\n";
      agree = agree && same;
    }
    // Memory at a tenth of the size: streaming keeps it level.
    std::map<std::string, long> smallRss;
    for (const char* format : kInputFormats)
      smallRss[format] =
          best([&] { return edict(small.of(format), 2, dir_ / "out-small.jsonl"); }).peakRssKiB;

    TextTable table({"process", "input", "threads", "claims/s wall", "wall s", "CPU s",
                     "claims/CPU-s", "peak RSS",
                     fmt::format("RSS at {}", grouped(double(o_.smallClaims)))});
    std::vector<std::string> json;
    for (const Measured& m : rows) {
      const bool atSmall = m.what == "edict run" && m.threads == 2;
      table.row({m.what, m.format, std::to_string(m.threads),
                 grouped(double(m.claims) / m.run.wallSeconds),
                 fmt::format("{:.2f}", m.run.wallSeconds),
                 fmt::format("{:.2f}", m.run.cpuSeconds()),
                 grouped(double(m.claims) / m.run.cpuSeconds()),
                 fmt::format("{:.0f} MiB", double(m.run.peakRssKiB) / 1024),
                 atSmall ? fmt::format("{:.0f} MiB", double(smallRss[m.format]) / 1024) : ""});
      json.push_back(JsonObject()
                         .add("process", m.what)
                         .add("input", m.format)
                         .add("threads", std::size_t{m.threads})
                         .add("claims", m.claims)
                         .add("wall_seconds", m.run.wallSeconds)
                         .add("cpu_seconds", m.run.cpuSeconds())
                         .add("claims_per_wall_second", double(m.claims) / m.run.wallSeconds)
                         .add("peak_rss_kib", std::size_t(m.run.peakRssKiB))
                         .add("small_peak_rss_kib", std::size_t(atSmall ? smallRss[m.format] : 0))
                         .text());
    }
    std::cout << "\n"
              << table.text()
              << fmt::format(
                     "(each the best of {} by wall clock; edict loads the ruleset compiled to an "
                     "artifact; start-up, the same command on one claim: {:.3f} s wall, {:.3f} s "
                     "CPU, {:.0f} MiB)\n",
                     std::max(1u, o_.rounds), startup.wallSeconds, startup.cpuSeconds(),
                     double(startup.peakRssKiB) / 1024);

    const double jsonl2 = rate["jsonl/2"];
    std::vector<Target> targets{{"whole process, JSON Lines, -j2 >= 1,000,000 claims/s (wall)",
                                 grouped(jsonl2) + " claims/s", jsonl2 >= 1e6},
                                {"whole process, JSON Lines, -j2 >= 1.8x -j1 (wall)",
                                 times(jsonl2 / rate["jsonl/1"]), jsonl2 / rate["jsonl/1"] >= 1.8}};
    for (const char* format : {"csv", "x12", "fhir"}) {
      const double share = rate[fmt::format("{}/2", format)] / jsonl2;
      targets.push_back({fmt::format("whole process, {} -j2 >= 50% of JSON Lines", format),
                         fmt::format("{:.0f}%", share * 100), share >= 0.5});
    }
    for (const Measured& m : rows) {
      if (m.what != "edict run" || m.threads != 2) continue;
      // Level: within a tenth, or 8 MiB, of the memory at a tenth of the size.
      const long at = m.run.peakRssKiB, below = smallRss[m.format];
      targets.push_back({fmt::format("peak RSS independent of the file's size ({})", m.format),
                         fmt::format("{:.0f} MiB at {}, {:.0f} MiB at {}", double(at) / 1024,
                                     grouped(double(o_.claims)), double(below) / 1024,
                                     grouped(double(o_.smallClaims))),
                         at <= below + std::max(below / 10, 8192L)});
    }
    // A smoke run's few claims measure start-up, not throughput: no target
    // is judged on them.
    constexpr std::size_t kMeasurableClaims = 100000;
    if (o_.claims >= kMeasurableClaims)
      std::cout << "\n" << targetsTable(targets);
    else
      std::cout << "\n(a smoke run: too few claims for the figures to mean anything; no target is "
                   "judged)\n";
    std::cout
        << (agree
                ? "outputs agree (-j1 = -j2 in every format; hand-written = edict, byte for byte)\n"
                : "OUTPUTS DISAGREE (details on standard error)\n");
    if (!o_.json.empty())
      writeFile(o_.json, JsonObject()
                                 .addRaw("machine", machineJson())
                                 .add("ruleset", o_.ruleset)
                                 .add("claims", o_.claims)
                                 .add("small_claims", o_.smallClaims)
                                 .add("startup_wall_seconds", startup.wallSeconds)
                                 .addRaw("runs", jsonArray(json))
                                 .add("outputs_agree", agree)
                                 .addRaw("targets", targetsJson(targets))
                                 .text() +
                             "\n");
    return agree ? 0 : 1;
  }

 private:
  [[nodiscard]] std::string log() const { return (dir_ / "runs.log").string(); }

  template <typename Run>
  ChildRun best(Run run) {
    ChildRun b;
    for (unsigned r = 0; r < std::max(1u, o_.rounds); ++r) {
      const ChildRun c = run();
      if (c.status != 0 && c.status != 1)  // 1: some claims were rejected
        throw std::runtime_error(fmt::format("a run failed (exit {}); see {}", c.status, log()));
      if (r == 0 || c.wallSeconds < b.wallSeconds) b = c;
    }
    return b;
  }

  ChildRun edict(const fs::path& in, unsigned threads, const fs::path& out) {
    return runChild({o_.edict, "run", "-j" + std::to_string(threads), "--no-progress", "-r",
                     (dir_ / "ruleset.edictc").string(), in.string(), "-o", out.string()},
                    log());
  }

  ChildRun handwritten(const fs::path& in, unsigned threads, const fs::path& out) {
    return runChild(
        {selfPath(), "handwritten-run", "--ruleset", o_.handwritten, "--mue", o_.handwrittenMue,
         "--claims", in.string(), "-o", out.string(), "-j", std::to_string(threads)},
        log());
  }

  const WholeOptions& o_;
  fs::path dir_;
};

}  // namespace

void addWholeProcessVerbs(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  {
    auto o = std::make_shared<WholeOptions>();
    auto* cmd = app.add_subcommand(
        "whole-process",
        "edict run from file to file in every input format, beside the hand-written baseline");
    cmd->add_option("--edict", o->edict, "the edict binary")->required();
    cmd->add_option("--ruleset", o->ruleset, "the ruleset")->capture_default_str();
    cmd->add_option("--handwritten", o->handwritten, "its hand-written baseline")
        ->check(CLI::IsMember({"cms_therapy", "acme_commercial"}))
        ->capture_default_str();
    cmd->add_option("--handwritten-mue", o->handwrittenMue, "the MUE file the baseline reads")
        ->capture_default_str();
    cmd->add_option("--claims", o->claims, "claims in the large files")->capture_default_str();
    cmd->add_option("--small-claims", o->smallClaims, "claims in the small files (memory)")
        ->capture_default_str();
    cmd->add_option("--seed", o->seed, "random seed")->capture_default_str();
    cmd->add_option("--dir", o->dir, "where the inputs and outputs go")->capture_default_str();
    cmd->add_option("--rounds", o->rounds, "runs of each configuration (the best is reported)")
        ->capture_default_str();
    cmd->add_option("--json", o->json, "write the results as JSON here");
    verbs.emplace_back(cmd, [o] {
      o->edict = fs::absolute(o->edict).string();
      return WholeProcess(*o).run();
    });
  }
  {
    struct Options {
      std::string ruleset = "cms_therapy";
      std::string mue = "rulesets/cms/tables/mue_therapy.csv";
      std::string claims;
      std::string out;
      unsigned threads = 1;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "handwritten-run",
        "the hand-written baseline as a process: JSON Lines claims in, records out");
    cmd->add_option("--ruleset", o->ruleset, "the shipped ruleset it mirrors")
        ->check(CLI::IsMember({"cms_therapy", "acme_commercial"}))
        ->capture_default_str();
    cmd->add_option("--mue", o->mue, "the CMS-layout MUE file")->capture_default_str();
    cmd->add_option("--claims", o->claims, "claims (JSON Lines)")->required();
    cmd->add_option("-o,--out", o->out, "records (JSON Lines)")->required();
    cmd->add_option("-j,--threads", o->threads, "worker threads")->capture_default_str();
    verbs.emplace_back(cmd, [o] {
      const HandwrittenShippedTherapy policy(o->ruleset == "acme_commercial"
                                                 ? ShippedRuleset::AcmeCommercial
                                                 : ShippedRuleset::CmsTherapy,
                                             o->mue);
      const ProcessCounts counts = runClaimsProcess(policy, o->claims, o->out, o->threads);
      std::cerr << fmt::format("{} claims, {} rejected, {} records\n", counts.claims,
                               counts.rejected, counts.records);
      return counts.rejected > 0 ? 1 : 0;
    });
  }
}

}  // namespace edict::bench
