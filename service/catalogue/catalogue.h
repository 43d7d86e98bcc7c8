// The ruleset catalogue: which ruleset each payer's claims go to, with those
// rulesets loaded and their back ends built. A catalogue is an immutable,
// numbered snapshot. A reload builds a new one beside the one in service and
// the two are swapped only when all of the new one loaded; a request holds
// the catalogue it started with (a shared_ptr) to its end, so it is
// evaluated by one version of every ruleset, and an old catalogue, with
// the code of rulesets no newer one kept, goes when its last request ends.
//
// Routes are given as `edict run` takes them: a default ruleset, PAYER=FILE
// routes and a routing table (runtime/run/route_table.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/run/router.h"
#include "service/catalogue/compiled_ruleset.h"

namespace edict::service {

/// What to load: the routes of `edict run`'s --ruleset, --route and
/// --routes, and the back end.
struct CatalogueSpec {
  /// The default ruleset, for payers without a route; empty for none.
  std::string ruleset;
  /// `PAYER=FILE` or `A,B=FILE` arguments.
  std::vector<std::string> routes;
  /// A routing table file (`PAYER = FILE` lines); empty for none.
  std::string routeTable;
  /// `jit` or `interp`.
  std::string engine = "jit";
  /// Whether to read each ruleset's inputs again to stamp them (their
  /// content hash, and what lets a reload keep unchanged rulesets): a
  /// service wants it; a single run need not spend the time.
  bool recordInputs = true;
};

struct CatalogueLoad;

/// One payer's route in a catalogue.
struct PayerRoute {
  /// The payer id; `*` for the default.
  std::string payer;
  std::shared_ptr<const CompiledRuleset> ruleset;
};

/// An immutable snapshot of routes and loaded rulesets.
class Catalogue {
 public:
  ~Catalogue();
  Catalogue(const Catalogue&) = delete;
  Catalogue& operator=(const Catalogue&) = delete;

  /// The snapshot's number: 1 for the first load, one more per reload that
  /// succeeded.
  [[nodiscard]] std::uint64_t generation() const { return generation_; }
  /// Routes claims to the rulesets of this snapshot; thread-safe.
  [[nodiscard]] const run::Router& router() const { return router_; }
  /// Every route, in the order given (the default where it was given).
  [[nodiscard]] const std::vector<PayerRoute>& routes() const { return routes_; }
  [[nodiscard]] std::chrono::system_clock::time_point loadedAt() const { return loadedAt_; }

  /// How many catalogues exist in this process: the one in service plus
  /// old ones that requests still hold.
  static std::size_t alive();

 private:
  friend CatalogueLoad loadCatalogue(const CatalogueSpec&, std::uint64_t, const Catalogue*,
                                     const std::string&, const std::string&);
  Catalogue();
  std::uint64_t generation_ = 0;
  run::Router router_;
  std::vector<PayerRoute> routes_;
  std::chrono::system_clock::time_point loadedAt_;
};

/// The outcome of loading a catalogue.
struct CatalogueLoad {
  /// Null when the routes were wrong or a ruleset could not be loaded.
  std::shared_ptr<const Catalogue> catalogue;
  /// Diagnostics and messages, one per line, each message starting with
  /// the `who` given: what a command prints and a service reports. May
  /// hold warnings when the catalogue loaded.
  std::string problems;
  /// The rulesets loaded anew (not kept from `previous`).
  std::size_t compiled = 0;
};

/// Loads every ruleset `spec` routes to, once each however many payers use
/// it, and numbers the catalogue `generation`. A ruleset of `previous`
/// whose inputs are unchanged is kept rather than loaded again. Every
/// ruleset is tried, so that all of their problems are reported at once.
/// `who` starts each message (`edict run`, `edict serve`); `consequence`
/// ends the one saying a ruleset cannot be used (`; no claim was evaluated`).
CatalogueLoad loadCatalogue(const CatalogueSpec& spec, std::uint64_t generation,
                            const Catalogue* previous, const std::string& who,
                            const std::string& consequence = {});

}  // namespace edict::service
