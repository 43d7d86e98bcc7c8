// The views of a claim's history (core/engine/history_view.h): the paid
// lines of the patient's earlier claims, each placed in the claim's
// same-day group of its provider and date, and what earlier claims paid of
// each claim line's code on its day (LineView::priorDayUnits).
#include <algorithm>
#include <limits>

#include "runtime/eval/evaluator.h"

namespace edict::eval {

namespace {

/// Whether the prior line is part of the claim being judged: the claim's own
/// lines when it was recorded before (a rerun), and the lines of the claim a
/// replacement or void takes the place of. The store leaves them out; the
/// evaluator does not rely on it.
bool isThisClaim(const model::Claim& claim, const model::PriorLine& prior) {
  if (prior.claimId == claim.id) return true;
  return claim.frequency != model::ClaimFrequency::Original && !claim.replaces.empty() &&
         prior.claimId == claim.replaces;
}

}  // namespace

void Evaluator::buildHistoryViews(const model::Claim& claim, const model::ClaimHistory* history,
                                  Views& views) const {
  views.history.clear();
  views.withHistory = history != nullptr;
  if (history == nullptr) return;
  for (const model::PriorLine& prior : history->lines) {
    // A denied line was not paid: no limit or pair counts it.
    if (prior.allowedUnits <= 0 || isThisClaim(claim, prior)) continue;
    engine::LineView& v = views.history.lines.emplace_back();
    v.code = prior.code.packed;
    v.units = prior.allowedUnits;
    v.minutes = -1;
    v.date = prior.date.days;
    v.position = 0;
    for (std::size_t m = 0; m < 4; ++m) v.modifiers[m] = prior.modifiers[m].packed;
    v.group = engine::kNoGroup;
    for (const engine::LineView& line : views.lines)
      if (line.date == v.date &&
          claim.providerOf(claim.lines[line.position - 1]) == prior.providerNpi) {
        v.group = line.group;
        break;
      }
    // Pair predicates, the only ones that meet a prior line as a line, read
    // its code, date and modifiers; the rest stay unknown.
    v.chargeCents = 0;
    v.placeOfService = -1;
    v.provider = -1;
    v.age = -1;
    v.priorDayUnits = 0;
    views.history.sources.push_back(&prior);
  }
  for (engine::LineView& line : views.lines) {
    std::int64_t paid = 0;
    for (const engine::LineView& prior : views.history.lines)
      if (prior.group == line.group && prior.code == line.code) paid += prior.units;
    line.priorDayUnits = static_cast<std::int32_t>(
        std::min<std::int64_t>(paid, std::numeric_limits<std::int32_t>::max()));
  }
}

}  // namespace edict::eval
