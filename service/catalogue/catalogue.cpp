#include "service/catalogue/catalogue.h"

#include <fmt/format.h>

#include <atomic>
#include <fstream>
#include <map>

#include "runtime/run/route_table.h"

namespace edict::service {

namespace {

std::atomic<std::size_t> liveCatalogues{0};

/// The entries `spec` names: the table's, then --route's, then the default.
/// False, with the reason in `problems`, on a usage error.
bool routeEntries(const CatalogueSpec& spec, const std::string& who,
                  std::vector<run::RouteEntry>& entries, std::string& problems) {
  if (!spec.routeTable.empty()) {
    std::ifstream table(spec.routeTable);
    if (!table) {
      problems += fmt::format("{}: cannot open routing table `{}`\n", who, spec.routeTable);
      return false;
    }
    std::string error;
    if (!run::parseRouteTable(table, spec.routeTable, entries, error)) {
      problems += fmt::format("{}: {}\n", who, error);
      return false;
    }
  }
  for (const std::string& argument : spec.routes)
    if (!run::parseRouteArgument(argument, entries)) {
      problems += fmt::format("{}: --route `{}`: expected PAYER=FILE\n", who, argument);
      return false;
    }
  if (!spec.ruleset.empty()) entries.push_back({"*", spec.ruleset, 0});
  if (entries.empty()) {
    problems += fmt::format(
        "{}: --ruleset is required: give a default ruleset with --ruleset FILE, "
        "or route payers with --route PAYER=FILE or --routes FILE\n",
        who);
    return false;
  }
  // One ruleset per payer: a payer routed twice is a mistake to point out,
  // not to settle silently by order.
  std::map<std::string, std::string> seen;
  for (const run::RouteEntry& entry : entries) {
    auto [it, fresh] = seen.emplace(entry.payer, entry.ruleset);
    if (!fresh && it->second != entry.ruleset) {
      problems += fmt::format(
          "{}: {} is routed to two rulesets, `{}` and `{}`\n", who,
          entry.payer == "*" ? std::string("the default") : fmt::format("payer `{}`", entry.payer),
          it->second, entry.ruleset);
      return false;
    }
  }
  return true;
}

/// The ruleset `previous` loaded from `path`, when its inputs are unchanged.
std::shared_ptr<const CompiledRuleset> keptFrom(const Catalogue* previous, const std::string& path,
                                                const std::string& engine) {
  if (previous == nullptr) return nullptr;
  for (const PayerRoute& route : previous->routes())
    if (route.ruleset->origin().path == path && route.ruleset->origin().engine == engine)
      return route.ruleset->unchanged() ? route.ruleset : nullptr;
  return nullptr;
}

}  // namespace

Catalogue::Catalogue() {
  ++liveCatalogues;
}

Catalogue::~Catalogue() {
  --liveCatalogues;
}

std::size_t Catalogue::alive() {
  return liveCatalogues.load();
}

CatalogueLoad loadCatalogue(const CatalogueSpec& spec, std::uint64_t generation,
                            const Catalogue* previous, const std::string& who,
                            const std::string& consequence) {
  CatalogueLoad result;
  std::vector<run::RouteEntry> entries;
  if (!routeEntries(spec, who, entries, result.problems)) return result;

  std::shared_ptr<Catalogue> catalogue(new Catalogue());
  catalogue->generation_ = generation;
  std::map<std::string, std::shared_ptr<const CompiledRuleset>> byPath;
  bool failed = false;
  for (const run::RouteEntry& entry : entries) {
    auto found = byPath.find(entry.ruleset);
    if (found == byPath.end()) {
      std::shared_ptr<const CompiledRuleset> ruleset =
          keptFrom(previous, entry.ruleset, spec.engine);
      if (!ruleset) {
        ruleset =
            CompiledRuleset::load(entry.ruleset, spec.engine, spec.recordInputs, result.problems);
        if (ruleset) ++result.compiled;
      }
      if (!ruleset) {
        result.problems += fmt::format("{}: the ruleset `{}` cannot be used (see above){}\n", who,
                                       entry.ruleset, consequence);
        failed = true;
      }
      found = byPath.emplace(entry.ruleset, std::move(ruleset)).first;
    }
    if (!found->second) continue;
    const run::Route* route = &found->second->route();
    if (entry.payer == "*")
      catalogue->router_.setDefault(route);
    else
      catalogue->router_.add(entry.payer, route);
    catalogue->routes_.push_back({entry.payer, found->second});
  }
  if (failed) return result;
  catalogue->loadedAt_ = std::chrono::system_clock::now();
  result.catalogue = std::move(catalogue);
  return result;
}

}  // namespace edict::service
