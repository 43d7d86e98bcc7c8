// The catalogue in service and its reloads: what `edict serve`, libedict
// and a queue worker hold. Readers take the current catalogue with one
// atomic load and keep it for as long as they use it; a reload loads the
// routes and rulesets again beside it and swaps the pointer only when all
// of it loaded, so a broken ruleset leaves the old catalogue serving.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "service/catalogue/catalogue.h"

namespace edict::service {

/// What a reload did.
struct ReloadOutcome {
  /// True when the new catalogue is in service.
  bool swapped = false;
  /// The generation in service after the reload.
  std::uint64_t generation = 0;
  /// The rulesets loaded anew (the others were unchanged and kept).
  std::size_t compiled = 0;
  /// Why it failed (the diagnostics of every ruleset that did not load),
  /// or warnings; empty when there was nothing to say.
  std::string problems;
  double seconds = 0;
};

/// The catalogue in service, swapped atomically by reloads.
class LiveCatalogue {
 public:
  /// `who` starts the catalogue's messages (`edict serve`).
  LiveCatalogue(CatalogueSpec spec, std::string who);

  /// The first load; swapped is false when it failed (nothing is in service).
  ReloadOutcome load() { return reload(); }

  /// Reads the routes and rulesets again (rulesets whose files did not
  /// change are kept) and puts the result in service if all of it loaded.
  /// Reloads run one at a time; requests go on meanwhile.
  ReloadOutcome reload();

  /// The catalogue in service; null before a load succeeded. Hold it for
  /// the whole of one request.
  [[nodiscard]] std::shared_ptr<const Catalogue> current() const { return current_.load(); }

  /// Reloads after the first load, by outcome.
  [[nodiscard]] std::uint64_t reloadsSucceeded() const { return succeeded_.load(); }
  [[nodiscard]] std::uint64_t reloadsFailed() const { return failed_.load(); }

 private:
  const CatalogueSpec spec_;
  const std::string who_;
  std::mutex reloading_;
  std::atomic<std::shared_ptr<const Catalogue>> current_;
  std::atomic<std::uint64_t> succeeded_{0};
  std::atomic<std::uint64_t> failed_{0};
};

}  // namespace edict::service
