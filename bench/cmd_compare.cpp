// `edict_bench compare`: edict's JIT, its interpreter and the hand-written
// baseline on the same claims, with the Node peers' results read in; checks
// that all outputs agree (the exit status says so), then times the engines
// in interleaved rounds and prints one table, the targets and the JSON.
// Timings never change the exit status: a smoke run checks agreement only.
#include <fmt/format.h>
#include <simdjson.h>

#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "commands.h"
#include "handwritten/therapy_policy.h"
#include "harness/agreement.h"
#include "harness/compiled_ruleset.h"
#include "harness/end_to_end.h"
#include "harness/machine.h"
#include "harness/predicates_only.h"
#include "harness/report.h"
#include "harness/throughput.h"

namespace edict::bench {

namespace {

struct CompareOptions {
  std::string ruleset = "bench/rulesets/therapy_bench.edict";
  std::string claims;
  double minTime = 1.0;
  unsigned rounds = 3;
  unsigned threads = 2;
  bool endToEnd = false;
  bool requireCoverage = false;
  std::vector<std::string> peers;
  std::vector<std::string> includes;
  std::string json;
};

/// One row of the engines table.
struct EngineRow {
  std::string name;
  std::string id;
  Throughput figure;
  double spread = 0;
  bool rounds = false;  ///< figure is the best of several rounds
  std::string output;   ///< how its output compared
};

/// Targets from another run's JSON (`--include`), prefixed with its name.
void appendIncludedTargets(const std::string& name, const std::string& json,
                           std::vector<Target>& targets) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::array list;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS ||
      doc["targets"].get(list) != simdjson::SUCCESS)
    return;
  for (simdjson::dom::element t : list) {
    std::string_view what;
    std::string_view measured;
    Target target;
    if (t["target"].get(what) == simdjson::SUCCESS) target.what = name + ": " + std::string(what);
    if (t["measured"].get(measured) == simdjson::SUCCESS) target.measured = measured;
    bool met = false;
    if (t["met"].get(met) == simdjson::SUCCESS)
      target.met = met;
    else
      target.measurable = false;
    targets.push_back(std::move(target));
  }
}

Target ratioTarget(std::string what, double ratio, double atLeast, const std::string& unit = "") {
  return {std::move(what), times(ratio) + unit, ratio >= atLeast};
}

int runCompare(const CompareOptions& o) {
  const ClaimSet set = readClaimSet(o.claims);
  CompiledRuleset ruleset = compileRuleset(o.ruleset);
  const HandwrittenTherapy handwritten;
  const Engine jit{"edict JIT", [&](const model::Claim& c, std::vector<model::Edit>& out) {
                     ruleset.jitEvaluator->evaluate(c, out);
                   }};
  const Engine interp{"edict interpreter",
                      [&](const model::Claim& c, std::vector<model::Edit>& out) {
                        ruleset.interpEvaluator->evaluate(c, out);
                      }};
  const Engine hand{"hand-written C++", [&](const model::Claim& c, std::vector<model::Edit>& out) {
                      handwritten.evaluate(c, out);
                    }};
  std::cout << fmt::format(
                   "edict benchmark: {} on {} claims ({} lines) from {}, {} malformed left out\n",
                   o.ruleset, set.claims.size(), set.lines, o.claims, set.rejected)
            << "machine: " << machineLine() << "\n\n";

  // Equal work first: every engine's output against the JIT's.
  bool agree = true;
  const EditsByClaim jitEdits = collectEdits(jit, set);
  auto check = [&](const Engine& engine) {
    const auto difference =
        firstDifference(set, jitEdits, jit.name, collectEdits(engine, set), engine.name);
    if (difference)
      std::cerr << engine.name << " disagrees with " << jit.name << " on " << *difference;
    agree = agree && !difference;
    return difference ? "DIFFERS" : "= JIT, every field";
  };
  const std::string interpOutput = check(interp);
  const std::string handOutput = check(hand);

  const auto byRule = editsByRule(jitEdits);
  std::vector<std::string> silent;
  for (const ir::Rule& rule : ruleset.program->rules)
    if (byRule.count(rule.id) == 0) silent.push_back(rule.id);
  std::size_t totalEdits = 0;
  for (const auto& [rule, n] : byRule) totalEdits += n;
  std::cout << fmt::format(
      "{} edits; every rule fired: {}\n", totalEdits,
      silent.empty() ? "yes" : fmt::format("no ({} never did)", fmt::join(silent, ", ")));
  if (o.requireCoverage && !silent.empty()) agree = false;

  std::vector<PeerResult> peers;
  std::vector<std::string> peerOutputs;
  for (const std::string& path : o.peers) {
    peers.push_back(readPeerResult(path));
    const auto difference = comparePeer(set, jitEdits, peers.back());
    if (difference) std::cerr << *difference << "\n";
    agree = agree && !difference;
    peerOutputs.push_back(
        difference ? "DIFFERS"
                   : fmt::format("= JIT (claim, line, rule, action, reason) on {} claims",
                                 peers.back().claims));
  }

  // Then speed, in interleaved rounds so that a burst of other work on the
  // machine hits every engine alike.
  std::vector<const Engine*> timed{&hand, &jit, &interp};
  std::vector<Rounds> rounds(timed.size());
  Rounds oneThread;
  Rounds manyThreads;
  Rounds endToEndOne;
  Rounds endToEndMany;
  const PredicateCalls predicateCalls(*ruleset.program, set);
  Rounds predicatesJit;
  Rounds predicatesInterp;
  const std::string claimsText = o.endToEnd ? readFile(o.claims) : std::string();
  for (unsigned r = 0; r < std::max(1u, o.rounds); ++r) {
    for (std::size_t e = 0; e < timed.size(); ++e)
      rounds[e].runs.push_back(measure(*timed[e], set, o.minTime));
    predicatesJit.runs.push_back(predicateCalls.measure(*ruleset.jit, o.minTime));
    predicatesInterp.runs.push_back(predicateCalls.measure(*ruleset.interpreter, o.minTime));
    if (o.threads > 1) {
      oneThread.runs.push_back(measure(jit, set, o.minTime, 1));
      manyThreads.runs.push_back(measure(jit, set, o.minTime, o.threads));
    }
    if (o.endToEnd) {
      endToEndOne.runs.push_back(
          measureEndToEnd(claimsText, *ruleset.program, *ruleset.jitEvaluator, 1, o.minTime));
      endToEndMany.runs.push_back(measureEndToEnd(claimsText, *ruleset.program,
                                                  *ruleset.jitEvaluator, o.threads, o.minTime));
    }
  }

  std::vector<EngineRow> rows{
      {hand.name, "handwritten", rounds[0].best(), rounds[0].spread(), true, handOutput},
      {jit.name, "jit", rounds[1].best(), rounds[1].spread(), true, "reference"},
      {interp.name, "interpreter", rounds[2].best(), rounds[2].spread(), true, interpOutput}};
  for (std::size_t p = 0; p < peers.size(); ++p) {
    Throughput t;
    t.claims = peers[p].claims;
    t.lines = peers[p].lines;
    t.edits = peers[p].editKeys.size();
    t.seconds = peers[p].seconds;
    t.cpuSeconds = peers[p].cpuSeconds;
    rows.push_back({fmt::format("{} {} (Node)", peers[p].engine, peers[p].version),
                    peers[p].package, t, 0, false, peerOutputs[p]});
  }
  // Per core, and ratios, on CPU time: the wall clock of a shared machine
  // also counts other programs' turns (the CPU share column says how many).
  const double handRate = rows[0].figure.claimsPerCpuSecond();
  const double jitRate = rows[1].figure.claimsPerCpuSecond();

  TextTable table({"engine", "claims", "claims/CPU-s", "CPU ns/line", "time vs hand-written",
                   "claims/s wall", "CPU share", "spread", "output"});
  std::vector<std::string> engineJson;
  for (const EngineRow& row : rows) {
    const double ratio = handRate / row.figure.claimsPerCpuSecond();
    table.row({row.name, grouped(static_cast<double>(row.figure.claims)),
               grouped(row.figure.claimsPerCpuSecond()),
               fmt::format("{:.1f}", row.figure.nsPerLine()), times(ratio),
               grouped(row.figure.claimsPerSecond()),
               fmt::format("{:.0f}%", row.figure.cpuShare() * 100),
               row.rounds ? fmt::format("{:.0f}%", row.spread * 100) : "1 run", row.output});
    engineJson.push_back(JsonObject()
                             .add("engine", row.name)
                             .add("id", row.id)
                             .add("claims", row.figure.claims)
                             .add("lines", row.figure.lines)
                             .add("edits", row.figure.edits)
                             .add("wall_seconds", row.figure.seconds)
                             .add("cpu_seconds", row.figure.cpuSeconds)
                             .add("claims_per_cpu_second", row.figure.claimsPerCpuSecond())
                             .add("claims_per_wall_second", row.figure.claimsPerSecond())
                             .add("cpu_ns_per_line", row.figure.nsPerLine())
                             .add("time_vs_handwritten", ratio)
                             .add("cpu_share", row.figure.cpuShare())
                             .add("spread", row.spread)
                             .add("output", row.output)
                             .text());
  }
  std::cout << "\n" << table.text();
  std::cout << fmt::format(
      "(edict and the hand-written C++: best of {} interleaved rounds of at least {} CPU-s each, "
      "one "
      "thread; spread = (best - worst) / best. The Node peers run once, on a prefix of the same "
      "claims. "
      "CPU share: the part of a core the run got.)\n",
      std::max(1u, o.rounds), o.minTime);

  // The predicates alone: what the JIT compiles, without the evaluator.
  const Throughput& pj = predicatesJit.best();
  const Throughput& pi = predicatesInterp.best();
  auto heldPerPass = [&](const Throughput& t) {
    return t.claims == 0 ? 0 : t.edits / (t.claims / predicateCalls.size());
  };
  const bool predicatesAgree = heldPerPass(pj) == heldPerPass(pi);
  if (!predicatesAgree)
    std::cerr << "the JIT's and the interpreter's predicates hold a different number of times\n";
  agree = agree && predicatesAgree;
  const double predicateRatio = pi.nsPerLine() / pj.nsPerLine();
  std::cout << fmt::format(
      "\npredicates alone (the part the JIT compiles; {} calls a pass, {} hold): JIT {:.1f} ns a "
      "call, "
      "interpreter {:.1f} ns, interpreter / JIT = {}\n",
      grouped(static_cast<double>(predicateCalls.size())),
      grouped(static_cast<double>(heldPerPass(pj))), pj.nsPerLine(), pi.nsPerLine(),
      times(predicateRatio));

  std::vector<Target> targets{{"edict JIT >= 1,000,000 claims/s on one core",
                               grouped(jitRate) + " claims per CPU-s", jitRate >= 1e6},
                              {"edict JIT time <= 1.5x the hand-written C++",
                               times(handRate / jitRate), handRate / jitRate <= 1.5},
                              ratioTarget("edict JIT >= 5x the interpreter",
                                          jitRate / rows[2].figure.claimsPerCpuSecond(), 5)};
  for (const auto& [id, factor] :
       std::map<std::string, double>{{"@gorules/zen-engine", 100}, {"json-rules-engine", 1000}}) {
    const auto row =
        std::find_if(rows.begin(), rows.end(), [&](const EngineRow& r) { return r.id == id; });
    const std::string what = fmt::format("edict JIT >= {}x {}", factor, id);
    if (row == rows.end())
      targets.push_back({what, "peer not run (bash bench/run.sh runs it)", false, false});
    else
      targets.push_back(ratioTarget(what, jitRate / row->figure.claimsPerCpuSecond(), factor));
  }

  JsonObject threadsJson;
  if (o.threads > 1) {
    // Scaling is a wall-clock matter: it is only real when the cores are
    // free. The CPU share column says whether they were; claims per CPU-s
    // staying level shows the evaluator itself scales (no shared state).
    const Throughput& one = oneThread.bestWall();
    const Throughput& many = manyThreads.bestWall();
    const double scaling = many.claimsPerSecond() / one.claimsPerSecond();
    TextTable threadsTable(
        {"edict JIT", "threads", "claims/s wall", "vs 1 thread", "claims/CPU-s", "CPU share"});
    auto row = [&](const std::string& what, unsigned n, const Throughput& t, double ratio) {
      threadsTable.row({what, std::to_string(n), grouped(t.claimsPerSecond()), times(ratio),
                        grouped(t.claimsPerCpuSecond()),
                        fmt::format("{:.0f}%", t.cpuShare() * 100)});
    };
    row("evaluation (claims in memory)", 1, one, 1.0);
    row("evaluation (claims in memory)", o.threads, many, scaling);
    threadsJson.add("threads", static_cast<std::size_t>(o.threads))
        .add("one_thread_claims_per_wall_second", one.claimsPerSecond())
        .add("many_threads_claims_per_wall_second", many.claimsPerSecond())
        .add("scaling", scaling)
        .add("one_thread_cpu_share", one.cpuShare())
        .add("many_threads_cpu_share", many.cpuShare())
        .add("one_thread_claims_per_cpu_second", one.claimsPerCpuSecond())
        .add("many_threads_claims_per_cpu_second", many.claimsPerCpuSecond());
    if (o.endToEnd) {
      const Throughput& e1 = endToEndOne.bestWall();
      const Throughput& eN = endToEndMany.bestWall();
      const double e2e = eN.claimsPerSecond() / e1.claimsPerSecond();
      row("edict run path (read, evaluate, write JSONL)", 1, e1, 1.0);
      row("edict run path (read, evaluate, write JSONL)", o.threads, eN, e2e);
      threadsJson.add("end_to_end_one_worker_claims_per_wall_second", e1.claimsPerSecond())
          .add("end_to_end_many_workers_claims_per_wall_second", eN.claimsPerSecond())
          .add("end_to_end_scaling", e2e);
    }
    std::cout << "\n"
              << threadsTable.text()
              << "(best of the rounds by wall clock; the run path's CPU share counts its reader "
                 "thread too)\n";
    targets.push_back(ratioTarget(
        fmt::format("{} threads >= 1.8x one thread (JIT evaluation, wall clock)", o.threads),
        scaling, 1.8, fmt::format(" with {:.0f}% of {} cores", many.cpuShare() * 100, o.threads)));
  }

  JsonObject doc;
  doc.addRaw("machine", machineJson())
      .add("ruleset", o.ruleset)
      .add("claims_file", o.claims)
      .add("claims", set.claims.size())
      .add("lines", set.lines)
      .add("malformed", set.rejected)
      .add("min_seconds_per_round", o.minTime)
      .add("rounds", static_cast<std::size_t>(std::max(1u, o.rounds)))
      .add("outputs_agree", agree)
      .addRaw("engines", jsonArray(engineJson))
      .addRaw("threads", threadsJson.text())
      .addRaw("predicates_only", JsonObject()
                                     .add("calls_per_pass", predicateCalls.size())
                                     .add("jit_cpu_ns_per_call", pj.nsPerLine())
                                     .add("interpreter_cpu_ns_per_call", pi.nsPerLine())
                                     .add("interpreter_over_jit", predicateRatio)
                                     .text());
  JsonObject rulesJson;
  for (const auto& [rule, n] : byRule) rulesJson.add(rule, n);
  doc.addRaw("edits_by_rule", rulesJson.text());
  for (const std::string& include : o.includes) {
    const auto eq = include.find('=');
    if (eq == std::string::npos)
      throw std::runtime_error("--include `" + include + "`: expected NAME=FILE");
    const std::string name = include.substr(0, eq);
    const std::string json = readFile(include.substr(eq + 1));
    appendIncludedTargets(name, json, targets);
    doc.addRaw(name, json);
  }
  doc.addRaw("targets", targetsJson(targets));
  // A smoke run's single short pass measures nothing: judging targets on it
  // would only print noise as if it were a result.
  if (o.minTime > 0)
    std::cout << "\n" << targetsTable(targets);
  else
    std::cout << "\n(a smoke run: one short pass per engine; the figures are not measurements "
                 "and no target is judged)\n";
  if (!o.json.empty()) {
    writeFile(o.json, doc.text() + "\n");
    std::cout << "\nJSON: " << o.json << "\n";
  }
  std::cout << (agree ? "outputs agree\n" : "OUTPUTS DISAGREE (details on standard error)\n");
  return agree ? 0 : 1;
}

}  // namespace

void addCompareVerb(CLI::App& app, std::vector<std::pair<CLI::App*, Verb>>& verbs) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand("compare", "run the engines side by side on the same claims");
  cmd->add_option("--ruleset", o->ruleset, "the benchmark ruleset")->capture_default_str();
  cmd->add_option("--claims", o->claims, "claims (JSON Lines)")->required();
  cmd->add_option("--min-time", o->minTime, "seconds per engine per round")->capture_default_str();
  cmd->add_option("--rounds", o->rounds, "interleaved timing rounds")->capture_default_str();
  cmd->add_option("--threads", o->threads, "threads for the scaling figure (1: none)")
      ->capture_default_str();
  cmd->add_flag("--end-to-end", o->endToEnd, "also time the batch runner (read, evaluate, write)");
  cmd->add_flag("--require-coverage", o->requireCoverage, "fail unless every rule fired");
  cmd->add_option("--peer", o->peers, "a Node peer's summary JSON (bench/peers/run_peers.js)");
  cmd->add_option("--include", o->includes, "NAME=FILE: embed another run's JSON and its targets");
  cmd->add_option("--json", o->json, "write the results as JSON here");
  verbs.emplace_back(cmd, [o] { return runCompare(*o); });
}

}  // namespace edict::bench
