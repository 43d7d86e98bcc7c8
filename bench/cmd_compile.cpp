// `edict_bench compile`: the compile, load and memory figures of one ruleset,
// optionally with NCCI-scale tables appended (`pairs from`, `limits from`),
// in a process of
// its own so that its peak memory is the ruleset's. With claims, it also
// times the JIT on them (against a reference ruleset, interleaved) and
// checks that the interpreter agrees.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.h"
#include "handwritten/shipped_therapy_policy.h"
#include "harness/agreement.h"
#include "harness/artifact_load.h"
#include "harness/compiled_ruleset.h"
#include "harness/machine.h"
#include "harness/predicates_only.h"
#include "harness/report.h"
#include "harness/throughput.h"

namespace edict::bench {

namespace {

struct CompileOptions {
  std::string label = "ruleset";
  std::string ruleset = "bench/rulesets/therapy_bench.edict";
  std::string pairs;
  std::string pairsFormat = "tsv";
  std::string mue;
  std::string claims;
  std::string reference;
  double minTime = 1.0;
  unsigned rounds = 3;
  std::string json;
  /// `cms_therapy` or `acme_commercial`: time the hand-written baseline of
  /// that shipped ruleset beside the JIT, its edits checked equal.
  std::string handwritten;
  std::string handwrittenMue = "rulesets/cms/tables/mue_therapy.csv";
  /// Claims per CPU-second the JIT should reach on one core.
  double perCoreTarget = 1e6;
  /// With a hand-written baseline: the most the JIT's time may be of its time.
  double handwrittenTarget = 1.2;
  bool requireCoverage = false;
};

constexpr double kCompileLimit = 5.0;
constexpr double kMemoryLimitMiB = 400.0;
constexpr double kLoadLimit = 0.3;

int runCompile(const CompileOptions& o) {
  std::string extra;
  if (!o.pairs.empty())
    extra += fmt::format("pairs from \"{}\" format {}\n", o.pairs, o.pairsFormat);
  if (!o.mue.empty()) extra += fmt::format("limits from \"{}\" format tsv\n", o.mue);
  const Memory before = processMemory();
  CompiledRuleset compiled = compileRuleset(o.ruleset, extra);
  const Memory loaded = processMemory();
  const PhaseTimes& t = compiled.times;

  std::cout << fmt::format(
      "{}: {}{}{}\nmachine: {}\n\n", o.label, o.ruleset,
      o.pairs.empty() ? ""
                      : fmt::format(" + pairs from {} ({} rows)", o.pairs,
                                    grouped(static_cast<double>(compiled.pairTableRows))),
      o.mue.empty() ? ""
                    : fmt::format(" + limits from {} ({} rows)", o.mue,
                                  grouped(static_cast<double>(compiled.mueTableRows))),
      machineLine());
  TextTable phases({"phase", "wall s", "CPU s"});
  const std::vector<std::pair<std::string, Phase>> named{{"read the file", t.read},
                                                         {"parse", t.parse},
                                                         {"check (reads imported tables)", t.check},
                                                         {"lower to IR", t.lower},
                                                         {"JIT: codegen, O2, native code", t.jit},
                                                         {"index rules by code", t.index},
                                                         {"total", t.total()}};
  for (const auto& [name, phase] : named)
    phases.row({name, fmt::format("{:.4f}", phase.wall), fmt::format("{:.4f}", phase.cpu)});
  // The artifact `edict compile` would write, and `edict run -r` loading it.
  std::vector<std::string> sources{o.ruleset};
  if (!o.pairs.empty()) sources.push_back(o.pairs);
  if (!o.mue.empty()) sources.push_back(o.mue);
  const std::string artifactPath =
      (std::filesystem::temp_directory_path() / fmt::format("edict-bench-{}.edictc", o.label))
          .string();
  ArtifactFigures artifact = measureArtifact(*compiled.program, sources, artifactPath, 3);
  std::filesystem::remove(artifactPath);
  const LoadSteps& load = artifact.load;
  std::cout << phases.text()
            << fmt::format(
                   "artifact: {:.1f} MiB, saved in {:.3f} s wall; loaded (best of 3) in {:.4f} s "
                   "wall, {:.4f} s CPU: read and decode {:.4f}, sources {:.4f}, link {:.4f}, "
                   "index {:.4f} (wall)\n",
                   static_cast<double>(artifact.bytes) / (1024.0 * 1024.0), artifact.save.wall,
                   load.total().wall, load.total().cpu, load.readAndDecode.wall,
                   load.staleness.wall, load.link.wall, load.index.wall);
  std::cout << fmt::format(
      "memory: {:.0f} MiB resident before, {:.0f} MiB after compiling, peak {:.0f} MiB\n",
      before.residentMiB, loaded.residentMiB, loaded.peakMiB);

  JsonObject doc;
  doc.addRaw("machine", machineJson())
      .add("label", o.label)
      .add("ruleset", o.ruleset)
      .add("pairs_table", o.pairs)
      .add("pairs_format", o.pairs.empty() ? "" : o.pairsFormat)
      .add("pair_table_rows", compiled.pairTableRows)
      .add("mue_table", o.mue)
      .add("mue_table_rows", compiled.mueTableRows)
      .add("rules", compiled.program->rules.size())
      .addRaw("phases_wall_seconds",
              [&] {
                JsonObject byPhase;
                for (const auto& [name, phase] : named) byPhase.add(name, phase.wall);
                return byPhase.text();
              }())
      .addRaw("phases_cpu_seconds",
              [&] {
                JsonObject byPhase;
                for (const auto& [name, phase] : named) byPhase.add(name, phase.cpu);
                return byPhase.text();
              }())
      .add("artifact_bytes", artifact.bytes)
      .add("artifact_save_wall_seconds", artifact.save.wall)
      .add("artifact_load_wall_seconds", load.total().wall)
      .add("artifact_load_cpu_seconds", load.total().cpu)
      .addRaw("artifact_load_steps_wall_seconds",
              JsonObject()
                  .add("read_and_decode", load.readAndDecode.wall)
                  .add("sources", load.staleness.wall)
                  .add("link", load.link.wall)
                  .add("index", load.index.wall)
                  .text())
      .addRaw("memory_mib", JsonObject()
                                .add("resident_before", before.residentMiB)
                                .add("resident_after_compile", loaded.residentMiB)
                                .add("peak_after_compile", loaded.peakMiB)
                                .text());

  // The targets are about CMS's full tables; smaller ones (the smoke test's)
  // would meet them trivially and prove nothing.
  constexpr std::size_t kNcciScaleRows = 2000000;
  std::vector<Target> targets;
  if (compiled.pairTableRows >= kNcciScaleRows) {
    // Judged on CPU time: on a shared machine the wall clock also counts
    // other programs' turns on the core. (LLVM compiles on this thread.)
    targets.push_back({"compile <= 5 s (CPU time; wall in the table)",
                       fmt::format("{:.2f} s CPU, {:.2f} s wall", t.total().cpu, t.total().wall),
                       t.total().cpu <= kCompileLimit});
    targets.push_back(
        {"load from a compiled artifact <= 0.3 s (wall)",
         fmt::format("{:.3f} s wall, {:.3f} s CPU", load.total().wall, load.total().cpu),
         load.total().wall <= kLoadLimit});
    targets.push_back({"peak RSS <= 400 MB (compiled, ready to evaluate)",
                       fmt::format("{:.0f} MiB", loaded.peakMiB),
                       loaded.peakMiB <= kMemoryLimitMiB});
  }

  bool agree = true;
  if (!o.claims.empty()) {
    const ClaimSet set = readClaimSet(o.claims);
    const Engine jit{o.label + " JIT", [&](const model::Claim& c, std::vector<model::Edit>& out) {
                       compiled.jitEvaluator->evaluate(c, out);
                     }};
    const Engine interp{o.label + " interpreter",
                        [&](const model::Claim& c, std::vector<model::Edit>& out) {
                          compiled.interpEvaluator->evaluate(c, out);
                        }};
    const Engine fromArtifact{o.label + " JIT from its artifact",
                              [&](const model::Claim& c, std::vector<model::Edit>& out) {
                                artifact.loaded->evaluator->evaluate(c, out);
                              }};
    const EditsByClaim jitEdits = collectEdits(jit, set);
    bool interpreterAgrees = true;
    if (const auto difference =
            firstDifference(set, jitEdits, jit.name, collectEdits(interp, set), interp.name)) {
      std::cerr << "the interpreter disagrees with the JIT on " << *difference;
      interpreterAgrees = agree = false;
    }
    if (const auto difference = firstDifference(
            set, jitEdits, jit.name, collectEdits(fromArtifact, set), fromArtifact.name)) {
      std::cerr << "the artifact disagrees with the compiled ruleset on " << *difference;
      agree = false;
    }
    std::optional<HandwrittenShippedTherapy> handwritten;
    std::optional<Engine> handwrittenEngine;
    if (!o.handwritten.empty()) {
      handwritten.emplace(o.handwritten == "acme_commercial" ? ShippedRuleset::AcmeCommercial
                                                             : ShippedRuleset::CmsTherapy,
                          o.handwrittenMue);
      handwrittenEngine =
          Engine{"hand-written C++", [&](const model::Claim& c, std::vector<model::Edit>& out) {
                   handwritten->evaluate(c, out);
                 }};
      if (const auto difference =
              firstDifference(set, jitEdits, jit.name, collectEdits(*handwrittenEngine, set),
                              handwrittenEngine->name)) {
        std::cerr << "hand-written C++ disagrees with " << jit.name << " on " << *difference;
        agree = false;
      }
    }
    // Every rule fired, counted by rule rather than by id: a table's edits
    // are named after its rows.
    std::vector<bool> fired(compiled.program->rules.size());
    for (const auto& claimEdits : jitEdits)
      for (const model::Edit& e : claimEdits)
        if (e.ruleIndex) fired.at(*e.ruleIndex) = true;
    std::vector<std::string> silent;
    for (std::size_t r = 0; r < fired.size(); ++r)
      if (!fired[r]) silent.push_back(compiled.program->rules[r].id);
    std::cout << fmt::format(
        "every rule fired: {}\n",
        silent.empty() ? "yes" : fmt::format("no ({} never did)", fmt::join(silent, ", ")));
    if (o.requireCoverage && !silent.empty()) agree = false;
    // Where the edits come from: the ruleset's own rules or the tables.
    std::size_t edits = 0;
    std::size_t fromPairs = 0;
    std::size_t fromMue = 0;
    for (const auto& claimEdits : jitEdits)
      for (const model::Edit& e : claimEdits) {
        ++edits;
        const ir::Rule& rule = compiled.program->rules.at(e.ruleIndex.value_or(0));
        fromPairs += rule.pairTable ? 1 : 0;
        fromMue += rule.mueTable ? 1 : 0;
      }
    const PredicateCalls calls(*compiled.program, set);

    std::optional<CompiledRuleset> reference;
    std::optional<Engine> referenceJit;
    if (!o.reference.empty()) {
      reference = compileRuleset(o.reference);
      referenceJit =
          Engine{"reference JIT", [&](const model::Claim& c, std::vector<model::Edit>& out) {
                   reference->jitEvaluator->evaluate(c, out);
                 }};
    }
    Rounds mine;
    Rounds theirs;
    Rounds predicates;
    Rounds byHand;
    for (unsigned r = 0; r < std::max(1u, o.rounds); ++r) {
      if (handwrittenEngine) byHand.runs.push_back(measure(*handwrittenEngine, set, o.minTime));
      mine.runs.push_back(measure(jit, set, o.minTime));
      predicates.runs.push_back(calls.measure(*compiled.jit, o.minTime));
      if (referenceJit) theirs.runs.push_back(measure(*referenceJit, set, o.minTime));
    }
    const Memory end = processMemory();
    // Predicate calls per claim, times their cost, against the whole
    // evaluation's: how much of the time the predicates (table lookups
    // included) take, and how much the evaluator and the edit records.
    const double predicateNsPerClaim = predicates.best().nsPerLine() *
                                       static_cast<double>(calls.size()) /
                                       static_cast<double>(set.claims.size());
    const double claimNs = 1e9 / mine.best().claimsPerCpuSecond();
    TextTable table(
        {"engine", "claims/CPU-s", "claims/s wall", "CPU ns/line", "CPU share", "spread"});
    auto row = [&](const std::string& name, const Rounds& r) {
      table.row({name, grouped(r.best().claimsPerCpuSecond()), grouped(r.best().claimsPerSecond()),
                 fmt::format("{:.1f}", r.best().nsPerLine()),
                 fmt::format("{:.0f}%", r.best().cpuShare() * 100),
                 fmt::format("{:.0f}%", r.spread() * 100)});
    };
    row(jit.name, mine);
    JsonObject throughput;
    throughput.add("claims", set.claims.size())
        .add("lines", set.lines)
        .add("edits_per_pass", edits)
        .add("edits_from_pair_table", fromPairs)
        .add("edits_from_mue_table", fromMue)
        .add("predicate_calls_per_pass", calls.size())
        .add("jit_cpu_ns_per_predicate_call", predicates.best().nsPerLine())
        .add("predicate_cpu_ns_per_claim", predicateNsPerClaim)
        .add("jit_claims_per_cpu_second", mine.best().claimsPerCpuSecond())
        .add("jit_claims_per_wall_second", mine.best().claimsPerSecond())
        .add("jit_cpu_ns_per_line", mine.best().nsPerLine())
        .add("interpreter_agrees", interpreterAgrees);
    // A therapy-sized ruleset answers to the per-core target; an NCCI-sized
    // one to the comparison with the therapy figure, below.
    if (compiled.pairTableRows < kNcciScaleRows && o.minTime > 0) {
      const double rate = mine.best().claimsPerCpuSecond();
      targets.push_back({fmt::format("JIT >= {} claims/s on one core", grouped(o.perCoreTarget)),
                         grouped(rate) + " claims per CPU-s", rate >= o.perCoreTarget});
    }
    if (handwrittenEngine) {
      const double ratio = byHand.best().claimsPerCpuSecond() / mine.best().claimsPerCpuSecond();
      row(handwrittenEngine->name, byHand);
      throughput.add("handwritten_claims_per_cpu_second", byHand.best().claimsPerCpuSecond())
          .add("handwritten_claims_per_wall_second", byHand.best().claimsPerSecond())
          .add("jit_time_vs_handwritten", ratio);
      if (o.minTime > 0)
        targets.push_back({fmt::format("JIT time <= {}x the hand-written C++ ({})",
                                       o.handwrittenTarget, o.handwritten),
                           times(ratio), ratio <= o.handwrittenTarget});
    }
    if (referenceJit) {
      const double ratio = theirs.best().claimsPerCpuSecond() / mine.best().claimsPerCpuSecond();
      row("reference JIT: " + o.reference, theirs);
      throughput.add("reference_claims_per_cpu_second", theirs.best().claimsPerCpuSecond())
          .add("reference_time_ratio", ratio);
      targets.push_back({"throughput within 2x of the therapy ruleset's",
                         times(ratio) + " the time", ratio <= 2.0});
    }
    std::cout << fmt::format(
                     "\n{} claims, {} lines; {} edits a pass ({} from the PTP table, {} from the "
                     "MUE table, {} from the ruleset's rules); the interpreter {} the JIT\n"
                     "predicates alone: {} calls a pass, JIT {:.1f} ns a call, {:.0f} ns of the "
                     "{:.0f} ns a claim takes\n",
                     grouped(static_cast<double>(set.claims.size())),
                     grouped(static_cast<double>(set.lines)), grouped(static_cast<double>(edits)),
                     grouped(static_cast<double>(fromPairs)), grouped(static_cast<double>(fromMue)),
                     grouped(static_cast<double>(edits - fromPairs - fromMue)),
                     interpreterAgrees ? "agrees with" : "DISAGREES with",
                     grouped(static_cast<double>(calls.size())), predicates.best().nsPerLine(),
                     predicateNsPerClaim, claimNs)
              << table.text()
              << fmt::format(
                     "memory at the end (claims and edits in memory too): peak {:.0f} MiB\n",
                     end.peakMiB);
    doc.addRaw("throughput", throughput.text()).add("peak_mib_at_end", end.peakMiB);
  }

  doc.addRaw("targets", targetsJson(targets));
  if (!targets.empty()) std::cout << "\n" << targetsTable(targets);
  if (!o.json.empty()) writeFile(o.json, doc.text() + "\n");
  return agree ? 0 : 1;
}

}  // namespace

void addCompileVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  auto o = std::make_shared<CompileOptions>();
  auto* cmd = app.add_subcommand("compile", "compile, load and memory figures of one ruleset");
  cmd->add_option("--label", o->label, "name in the output")->capture_default_str();
  cmd->add_option("--ruleset", o->ruleset, "the ruleset")->capture_default_str();
  cmd->add_option("--pairs", o->pairs, "append `pairs from FILE` (an NCCI-scale table)");
  cmd->add_option("--pairs-format", o->pairsFormat, "tsv or ncci_ptp")
      ->check(CLI::IsMember({"tsv", "ncci_ptp"}))
      ->capture_default_str();
  cmd->add_option("--mue", o->mue, "append `limits from FILE` (an MUE table in TSV)");
  cmd->add_option("--claims", o->claims, "time the JIT on these claims");
  cmd->add_option("--reference", o->reference, "a ruleset to compare throughput with");
  cmd->add_option("--min-time", o->minTime, "seconds per round")->capture_default_str();
  cmd->add_option("--rounds", o->rounds, "interleaved timing rounds")->capture_default_str();
  cmd->add_option("--json", o->json, "write the results as JSON here");
  cmd->add_option("--handwritten", o->handwritten,
                  "time the hand-written baseline of this shipped ruleset too, checked equal")
      ->check(CLI::IsMember({"cms_therapy", "acme_commercial"}));
  cmd->add_option("--handwritten-mue", o->handwrittenMue,
                  "the CMS-layout MUE file the hand-written baseline reads")
      ->capture_default_str();
  cmd->add_option("--per-core-target", o->perCoreTarget,
                  "claims per CPU-second the JIT should reach")
      ->capture_default_str();
  cmd->add_option("--handwritten-target", o->handwrittenTarget,
                  "the most the JIT's time may be of the hand-written baseline's")
      ->capture_default_str();
  cmd->add_flag("--require-coverage", o->requireCoverage, "fail unless every rule fired");
  verbs.emplace_back(cmd, [o] { return runCompile(*o); });
}

}  // namespace edict::bench
