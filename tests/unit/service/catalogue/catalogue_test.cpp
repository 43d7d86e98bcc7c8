// The ruleset catalogue: routes as `edict run` takes them, every problem of
// a load reported at once, reloads that keep unchanged rulesets and swap
// only a whole new catalogue, and old catalogues (with their code) freed
// when the last holder lets go. On both engines.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "runtime/run/batch_runner.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/claims_run.h"
#include "service/catalogue/describe.h"
#include "service/catalogue/live_catalogue.h"

namespace service = edict::service;

namespace {

constexpr const char* kRuleset =
    "ruleset {} version \"{}\"\n"
    "pair 97140 97530 modifier allowed \"Mutually exclusive\" since 2020-01-01\n";

/// A claim of `payer` that the pair rule denies a line of.
std::string claimOf(const std::string& payer) {
  return R"({"id":"C1","payer":")" + payer +
         R"(","lines":[{"code":"97140","date":"2026-11-02"},{"code":"97530","date":"2026-11-02"}]})"
         "\n";
}

/// A directory of ruleset files for one test.
struct Files {
  Files() {
    char pattern[] = "/tmp/edict-catalogue-test-XXXXXX";
    dir = mkdtemp(pattern);
  }
  ~Files() { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string ruleset(const std::string& name, const std::string& version) const {
    return write(name + ".edict", fmt::format(fmt::runtime(kRuleset), name, version));
  }
  std::string dir;
};

std::string evaluate(const service::Catalogue& catalogue, const std::string& claims) {
  const edict::write::JsonLinesFormat format;
  edict::run::BatchRunner runner(format, {1, 512});
  return service::evaluateClaims(catalogue.router(), runner, claims, "claims.jsonl").records;
}

}  // namespace

TEST_CASE("a catalogue routes payers to their rulesets, loading each file once",
          "[service][catalogue]") {
  const std::string engine = GENERATE("jit", "interp");
  Files files;
  const std::string acme = files.ruleset("acme", "1");
  const std::string cms = files.ruleset("cms", "7");
  const service::CatalogueLoad load =
      service::loadCatalogue({cms, {"ACME,BETA=" + acme}, "", engine, true}, 1, nullptr, "test");
  REQUIRE(load.catalogue);
  CHECK(load.compiled == 2);
  CHECK(load.catalogue->routes().size() == 3);
  CHECK(load.catalogue->routes()[0].ruleset == load.catalogue->routes()[1].ruleset);
  CHECK(evaluate(*load.catalogue, claimOf("ACME")).find(R"("ruleset":"acme","version":"1")") !=
        std::string::npos);
  CHECK(evaluate(*load.catalogue, claimOf("OTHER")).find(R"("ruleset":"cms","version":"7")") !=
        std::string::npos);
  const std::string described = service::describeCatalogue(*load.catalogue);
  CHECK(
      described.find(fmt::format(
          R"("payer":"BETA","ruleset":"acme","version":"1","source":"{}","kind":"source","engine":"{}","content_hash":"xxh3:)",
          acme, engine)) != std::string::npos);
}

TEST_CASE("a catalogue load reports every problem, and a usage error before any",
          "[service][catalogue]") {
  Files files;
  const std::string good = files.ruleset("good", "1");
  const std::string bad1 = files.write("bad1.edict", "ruleset bad1\npari 97140 97530\n");
  const std::string bad2 = files.write("bad2.edict", "ruleset bad2\npair 9714 97530\n");
  service::CatalogueLoad load = service::loadCatalogue(
      {good, {"A=" + bad1, "B=" + bad2}, "", "interp", true}, 1, nullptr, "who", "; so there");
  CHECK_FALSE(load.catalogue);
  CHECK(load.problems.find("error[E0005]") != std::string::npos);
  CHECK(load.problems.find(fmt::format("who: the ruleset `{}` cannot be used (see above); so there",
                                       bad1)) != std::string::npos);
  CHECK(load.problems.find(fmt::format("who: the ruleset `{}` cannot be used", bad2)) !=
        std::string::npos);

  load = service::loadCatalogue({"", {"A=" + good, "A=" + bad1}, "", "interp", true}, 1, nullptr,
                                "who");
  CHECK_FALSE(load.catalogue);
  CHECK(load.problems ==
        fmt::format("who: payer `A` is routed to two rulesets, `{}` and `{}`\n", good, bad1));
  load = service::loadCatalogue({}, 1, nullptr, "who");
  CHECK(load.problems.find("who: --ruleset is required") == 0);
  load = service::loadCatalogue({"", {}, files.dir + "/none.txt", "jit", true}, 1, nullptr, "who");
  CHECK(load.problems.find("cannot open routing table") != std::string::npos);
}

TEST_CASE("a reload keeps unchanged rulesets, swaps whole catalogues, and frees old ones",
          "[service][catalogue]") {
  const std::string engine = GENERATE("jit", "interp");
  Files files;
  const std::string acme = files.ruleset("acme", "1");
  const std::string cms = files.ruleset("cms", "1");
  service::LiveCatalogue live({cms, {"ACME=" + acme}, "", engine, true}, "test");
  REQUIRE(live.load().swapped);
  std::weak_ptr<const service::Catalogue> first = live.current();
  const std::size_t rulesetsBefore = service::CompiledRuleset::alive();

  // A request holds generation 1 while the ruleset changes and reloads.
  std::shared_ptr<const service::Catalogue> held = live.current();
  files.ruleset("acme", "2");
  service::ReloadOutcome outcome = live.reload();
  CHECK(outcome.swapped);
  CHECK(outcome.generation == 2);
  CHECK(outcome.compiled == 1);  // cms was kept
  CHECK(live.current()->routes()[1].ruleset == held->routes()[1].ruleset);
  CHECK(evaluate(*held, claimOf("ACME")).find(R"("version":"1")") != std::string::npos);
  CHECK(evaluate(*live.current(), claimOf("ACME")).find(R"("version":"2")") != std::string::npos);
  CHECK(service::CompiledRuleset::alive() == rulesetsBefore + 1);
  held.reset();
  CHECK(first.expired());
  CHECK(service::CompiledRuleset::alive() == rulesetsBefore);

  // A broken ruleset: nothing is swapped, the reason is given, v2 serves.
  files.write("acme.edict", "ruleset acme\npari 1\n");
  outcome = live.reload();
  CHECK_FALSE(outcome.swapped);
  CHECK(outcome.generation == 2);
  CHECK(outcome.problems.find("error[E0005]") != std::string::npos);
  CHECK(outcome.problems.find("the rulesets in service stay in service") != std::string::npos);
  CHECK(live.current()->generation() == 2);
  CHECK(live.reloadsSucceeded() == 1);
  CHECK(live.reloadsFailed() == 1);
  CHECK(service::CompiledRuleset::alive() == rulesetsBefore);
}
