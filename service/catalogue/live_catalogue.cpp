#include "service/catalogue/live_catalogue.h"

#include <chrono>

namespace edict::service {

LiveCatalogue::LiveCatalogue(CatalogueSpec spec, std::string who)
    : spec_(std::move(spec)), who_(std::move(who)) {}

ReloadOutcome LiveCatalogue::reload() {
  std::lock_guard lock(reloading_);
  const auto started = std::chrono::steady_clock::now();
  const std::shared_ptr<const Catalogue> previous = current_.load();
  const std::uint64_t next = previous ? previous->generation() + 1 : 1;
  CatalogueLoad load = loadCatalogue(
      spec_, next, previous.get(), who_,
      previous ? "; the rulesets in service stay in service" : "; nothing is in service");
  ReloadOutcome outcome;
  outcome.problems = std::move(load.problems);
  outcome.compiled = load.compiled;
  if (load.catalogue) {
    current_.store(std::move(load.catalogue));
    outcome.swapped = true;
    outcome.generation = next;
    if (previous) ++succeeded_;
  } else {
    outcome.generation = previous ? previous->generation() : 0;
    if (previous) ++failed_;
  }
  outcome.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return outcome;
}

}  // namespace edict::service
