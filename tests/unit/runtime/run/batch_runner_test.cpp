// The batch runner: many threads, output in input order whatever their
// number, every claim accounted for, claims routed by payer. Each run is
// made with both back ends and must give the same bytes.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <set>
#include <sstream>

#include "backends/interp/interpreter.h"
#include "backends/jit/jit_engine.h"
#include "runtime/eval/evaluator.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/progress_bar.h"
#include "runtime/write/jsonl_writer.h"
#include "support/engines.h"

using edict::testing::compileOrFail;
namespace run = edict::run;

namespace {

constexpr const char* kPairs =
    "ruleset {} version \"{}\"\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n"
    "pair 98941 97140 modifier allowed since 2020-01-01\n";

/// `count` claims, every seventh malformed, payers cycling through `payers`.
std::string claimsText(std::size_t count, const std::vector<std::string>& payers) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& payer = payers[i % payers.size()];
    const char* first = i % 3 == 0 ? "98941" : "97140";
    const char* second = i % 7 == 6 ? "9753" : (i % 2 ? "97530" : "97110");
    out += fmt::format(
        R"({{"id":"C{}","payer":"{}","provider":{{"npi":"1"}},"lines":[{{"code":"{}","date":"2026-11-02"}},{{"code":"{}","date":"2026-11-02"}},{{"code":"97140","date":"2026-11-02"}}]}})"
        "\n",
        i, payer, first, second);
  }
  return out;
}

/// A ruleset compiled for both back ends, and a route for each.
struct Loaded {
  explicit Loaded(const std::string& name)
      : program(compileOrFail(fmt::format(fmt::runtime(kPairs), name, "1"))),
        interpreter(program),
        jit(edict::jit::JitEngine::compile(program)),
        byInterpreter(program, interpreter),
        byJit(program, *jit),
        interpreted{&byInterpreter, {program.name, program.version}},
        compiled{&byJit, {program.name, program.version}} {}
  edict::ir::Program program;
  edict::interp::Interpreter interpreter;
  std::unique_ptr<edict::jit::JitEngine> jit;
  edict::eval::Evaluator byInterpreter;
  edict::eval::Evaluator byJit;
  run::Route interpreted;
  run::Route compiled;
};

struct Output {
  std::string text;
  run::RunSummary summary;
};

Output runAll(const run::Router& router, const std::string& claims, run::RunOptions options) {
  std::istringstream in(claims);
  auto reader = edict::read::openJsonLines(in, "in.jsonl");
  const edict::write::JsonLinesFormat format;
  run::BatchRunner runner(router, format, options);
  std::ostringstream out;
  Output result;
  runner.run(*reader, out, result.summary);
  result.text = out.str();
  return result;
}

}  // namespace

TEST_CASE("output is in input order and identical for any number of threads", "[run]") {
  Loaded ruleset("r");
  const std::string claims = claimsText(3000, {"ACME"});
  // The oracle: the simple single-threaded loop.
  std::istringstream in(claims);
  auto reader = edict::read::openJsonLines(in, "in.jsonl");
  std::string expected;
  run::RunSummary expectedSummary;
  run::runClaims(
      *reader, ruleset.byInterpreter, ruleset.interpreted.label,
      [&](const edict::model::Edit& e) { expected += edict::write::formatJsonLine(e) + "\n"; },
      expectedSummary);
  REQUIRE(expectedSummary.read == 3000);
  REQUIRE(expectedSummary.rejected > 0);
  REQUIRE(expectedSummary.editsByAction[0] > 0);

  for (bool jit : {false, true}) {
    run::Router router;
    router.setDefault(jit ? &ruleset.compiled : &ruleset.interpreted);
    for (unsigned threads : {1u, 2u, 7u})
      for (std::size_t batch : {std::size_t{1}, std::size_t{3}, std::size_t{512}}) {
        INFO("jit " << jit << ", threads " << threads << ", batch " << batch);
        const Output out = runAll(router, claims, {threads, batch});
        CHECK(out.text == expected);
        CHECK(out.summary.read == expectedSummary.read);
        CHECK(out.summary.evaluated == expectedSummary.evaluated);
        CHECK(out.summary.rejected == expectedSummary.rejected);
        CHECK(out.summary.editsByAction == expectedSummary.editsByAction);
      }
  }
}

TEST_CASE("every claim read is evaluated or rejected", "[run]") {
  Loaded ruleset("r");
  run::Router router;
  router.setDefault(&ruleset.compiled);
  const Output out = runAll(router, claimsText(700, {"ACME"}) + "{broken\n\n", {2, 64});
  CHECK(out.summary.read == 701);
  CHECK(out.summary.read == out.summary.evaluated + out.summary.rejected);
  CHECK(out.summary.rejected == 101);  // 100 bad codes and one line that is not JSON
  CHECK(out.summary.describe() ==
        fmt::format("701 claims read, 600 evaluated, 101 rejected; edits: {} deny 0 modify 0 "
                    "review 0 flag",
                    out.summary.editsByAction[0]));
}

TEST_CASE("claims go to the ruleset routed for their payer, else the default", "[run]") {
  Loaded acme("acme_rules");
  Loaded blue("blue_rules");
  Loaded fallback("default_rules");
  run::Router router;
  router.add("ACME", &acme.compiled);
  router.add("BLUE", &blue.compiled);
  router.setDefault(&fallback.compiled);
  const Output out = runAll(router, claimsText(60, {"ACME", "BLUE", "OTHER"}), {3, 4});
  std::istringstream lines(out.text);
  std::size_t checked = 0;
  std::set<std::string> seen;
  for (std::string line; std::getline(lines, line);) {
    // Claim Cn has payer n % 3: ACME, BLUE, OTHER.
    const auto id = std::stoul(line.substr(line.find("\"C") + 2));
    const char* expected = id % 3 == 0   ? "acme_rules"
                           : id % 3 == 1 ? "blue_rules"
                                         : "default_rules";
    INFO(line);
    CHECK(line.find(fmt::format("\"ruleset\":\"{}\"", expected)) != std::string::npos);
    seen.insert(expected);
    ++checked;
  }
  CHECK(seen.size() == 3);
  CHECK(checked == 51);  // every record, denials and rejects alike
}

TEST_CASE("without a default, a claim of an unrouted payer is rejected, not dropped", "[run]") {
  Loaded acme("acme_rules");
  run::Router router;
  router.add("ACME", &acme.compiled);
  const Output out = runAll(router, claimsText(4, {"ACME", "NOBODY"}), {2, 1});
  CHECK(out.summary.read == 4);
  CHECK(out.summary.unrouted == 2);
  CHECK(out.summary.rejected == 2);
  CHECK(
      out.text.find(
          R"({"claim":"C1","line":null,"rule":null,"action":"reject","reason":"no-ruleset","message":"in.jsonl:2: no ruleset is routed for payer `NOBODY` and there is no default","related_lines":[],"ruleset":"","version":""})") !=
      std::string::npos);
  CHECK(out.summary.describe().starts_with(
      "4 claims read, 2 evaluated, 2 rejected (2 with no ruleset for their payer); edits:"));
}

TEST_CASE("progress is reported after each batch, on the calling thread", "[run]") {
  Loaded ruleset("r");
  run::Router router;
  router.setDefault(&ruleset.compiled);
  std::istringstream in(claimsText(10, {"ACME"}));
  auto reader = edict::read::openJsonLines(in, "in.jsonl");
  const edict::write::JsonLinesFormat format;
  run::BatchRunner runner(router, format, {2, 4});
  std::ostringstream out;
  run::RunSummary summary;
  std::vector<std::uint64_t> reports;
  runner.run(*reader, out, summary, [&](std::uint64_t claims) { reports.push_back(claims); });
  CHECK(reports == std::vector<std::uint64_t>{4, 8, 10});
}

TEST_CASE("the progress bar shows how far, how many and how fast", "[run]") {
  CHECK(run::ProgressBar::render(500, 1000, 12345, 2.0, 10) ==
        "[#####-----]  50%  12,345 claims  6,172 claims/s  0.0 MB/s");
  CHECK(run::ProgressBar::render(3000000, 0, 1000000, 1.0, 10) ==
        "1,000,000 claims  1,000,000 claims/s  3.0 MB/s  3.0 MB read");
}

namespace {

/// Hides a reader's splitting, so the runner takes the plain next() path.
class PlainReader final : public edict::read::ClaimReader {
 public:
  explicit PlainReader(edict::read::ClaimReader& inner) : inner_(inner) {}
  bool next(edict::read::ReadItem& item) override { return inner_.next(item); }
  [[nodiscard]] std::string fatalError() const override { return inner_.fatalError(); }

 private:
  edict::read::ClaimReader& inner_;
};

/// Valid claims mixed with every kind of line the JSON Lines reader refuses
/// or skips: each must come out the same whether parsed where read or not.
std::string mixedClaims() {
  std::string out = "\xEF\xBB\xBF";  // a byte order mark before the first line
  const std::string valid = claimsText(40, {"ACME"});
  std::istringstream lines(valid);
  std::string line;
  for (std::size_t i = 0; std::getline(lines, line); ++i) {
    out += line + (i % 5 == 2 ? "\r\n" : "\n");
    switch (i % 8) {
      case 1: out += "{\"id\":\"J1\",\"payer\":\"ACME\",\"lines\":[}\n"; break;  // bad JSON
      case 2: out += "\n   \n\t\r\n"; break;                                     // blank lines
      case 3:
        out += R"({"id":"T1","payer":"ACME","lines":[{"code":"97140")"
               "\n";
        break;
      case 4:
        out += R"({"id":"K1","payer":"ACME","lines":[{"code":"X","date":"2026-11-02"}]})"
               "\n";
        break;
      case 5: out += "[1,2]\n"; break;
      case 6:
        out += R"({"id":"M1","payer":"ACME"})"
               "\n";
        break;  // no lines
      default: break;
    }
  }
  return out + "{\"id\":\"LAST\"";  // truncated, without a final newline
}

}  // namespace

TEST_CASE("splitting records on the reading thread gives what reading them whole gives", "[run]") {
  Loaded ruleset("r");
  const std::string claims = mixedClaims();

  // The reader's own two paths item by item.
  std::istringstream wholeIn(claims);
  std::istringstream splitIn(claims);
  auto whole = edict::read::openJsonLines(wholeIn, "in.jsonl");
  auto split = edict::read::openJsonLines(splitIn, "in.jsonl");
  REQUIRE(split->splits());
  edict::read::ReadItem a;
  edict::read::ReadItem b;
  edict::read::RawRecord record;
  std::size_t items = 0;
  std::size_t rejects = 0;
  for (;;) {
    const bool more = whole->next(a);
    REQUIRE(more == split->nextRecord(record));
    if (!more) break;
    split->parseRecord(record, b);
    ++items;
    REQUIRE(a.index() == b.index());
    if (const auto* ra = std::get_if<edict::read::RejectedClaim>(&a)) {
      const auto& rb = std::get<edict::read::RejectedClaim>(b);
      ++rejects;
      CHECK(ra->origin.file == rb.origin.file);
      CHECK(ra->origin.position == rb.origin.position);
      CHECK(ra->claimId == rb.claimId);
      CHECK(ra->message == rb.message);
      CHECK(ra->payer == rb.payer);
    } else {
      const auto& ca = std::get<edict::model::Claim>(a);
      const auto& cb = std::get<edict::model::Claim>(b);
      CHECK(ca.id == cb.id);
      CHECK(ca.origin.position == cb.origin.position);
      CHECK(ca.lines.size() == cb.lines.size());
    }
  }
  CHECK(whole->fatalError() == split->fatalError());
  REQUIRE(items == 40 + 5 * 5 + 1);  // 40 claims, 5 cycles of 5 bad lines, the last
  REQUIRE(rejects > 5 * 5);          // the bad lines and the claims with a bad code

  // The runner's two paths, record by record and count by count.
  run::Router router;
  router.setDefault(&ruleset.compiled);
  const edict::write::JsonLinesFormat format;
  // One worker keeps parsing on the reading thread; more parse on the workers.
  for (unsigned threads : {1u, 2u, 3u})
    for (std::size_t batch : {std::size_t{1}, std::size_t{4}, std::size_t{512}}) {
      INFO("threads " << threads << ", batch " << batch);
      run::BatchRunner runner(router, format, {threads, batch});
      std::istringstream plainIn(claims);
      auto plainInner = edict::read::openJsonLines(plainIn, "in.jsonl");
      PlainReader plain(*plainInner);
      REQUIRE_FALSE(plain.splits());
      std::ostringstream plainOut;
      run::RunSummary plainSummary;
      std::vector<std::uint64_t> plainProgress;
      runner.run(plain, plainOut, plainSummary,
                 [&](std::uint64_t n) { plainProgress.push_back(n); });

      std::istringstream splitRunIn(claims);
      auto splitter = edict::read::openJsonLines(splitRunIn, "in.jsonl");
      std::ostringstream splitOut;
      run::RunSummary splitSummary;
      std::vector<std::uint64_t> splitProgress;
      runner.run(*splitter, splitOut, splitSummary,
                 [&](std::uint64_t n) { splitProgress.push_back(n); });

      CHECK(splitOut.str() == plainOut.str());
      CHECK(splitOut.str().find("in.jsonl:3: not valid JSON") != std::string::npos);
      CHECK(splitSummary.read == items);
      CHECK(splitSummary.read == plainSummary.read);
      CHECK(splitSummary.evaluated == plainSummary.evaluated);
      CHECK(splitSummary.rejected == plainSummary.rejected);
      CHECK(splitSummary.read == splitSummary.evaluated + splitSummary.rejected);
      CHECK(splitSummary.editsByAction == plainSummary.editsByAction);
      CHECK(splitProgress == plainProgress);
    }
}
