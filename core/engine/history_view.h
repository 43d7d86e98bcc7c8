// The claim history as the engines read it (core/model/history.h): the paid
// lines of the patient's earlier claims, flattened into LineViews once per
// claim by the evaluator. Pair rules meet them as the other line of a day
// (or, the other way round, as the line); daily limits read what they paid
// through LineView::priorDayUnits; frequency limits and `history.count`
// reach them through EvalFrame::history, in both engines by the functions of
// history_limits.h (generated code calls them through host symbols).
#pragma once

#include <cstdint>
#include <vector>

#include "core/engine/eval_frame.h"
#include "core/model/history.h"

namespace edict::engine {

/// The group of a prior line dated on no day of the claim with its provider.
inline constexpr std::uint32_t kNoGroup = UINT32_MAX;

/// The prior lines of one claim's evaluation.
struct HistoryView {
  /// One view per prior line with allowed units, in the history's order
  /// (date, claim id, line): `units` are its allowed units, `position` 0,
  /// `group` that of the claim's lines of its provider and date (kNoGroup
  /// when the claim has none), so that "same day" means what it means
  /// within a claim.
  std::vector<LineView> lines;
  /// The prior line each view is of; valid while the claim is evaluated.
  std::vector<const model::PriorLine*> sources;

  void clear() {
    lines.clear();
    sources.clear();
  }
};

}  // namespace edict::engine
