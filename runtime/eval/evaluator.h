// Applies one compiled ruleset to claims: indexes rules by procedure code,
// builds the flat views and same-day groups, asks a back end which predicates
// hold and turns those into edit records. The same evaluator drives both
// back ends, so they can only differ in predicate values, which tests compare.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/engine/history_view.h"
#include "core/engine/predicate_engine.h"
#include "core/ir/code_span_index.h"
#include "core/ir/program.h"
#include "core/model/claim.h"
#include "core/model/edit.h"
#include "core/model/history.h"
#include "core/text/message_template.h"

namespace edict::eval {

/// Evaluates claims against one program with one predicate engine.
/// `evaluate` is const and keeps no state between calls (its working memory
/// is per thread and reused): one evaluator serves any number of threads.
class Evaluator {
 public:
  /// `program` and `engine` must outlive the evaluator.
  Evaluator(const ir::Program& program, const engine::PredicateEngine& engine);

  /// Appends the edits `claim` triggers to `out`: claim-level edits first,
  /// then by line, then by rule order in the ruleset. A claim that puts
  /// minutes on an untimed code (`units CODES one per day`) gets instead one
  /// record with action Reject and no edit. Lines dated outside the
  /// ruleset's effective dates are left out of the claim (no rule sees them,
  /// not even as another line of the day) and each gets one Flag record,
  /// rule ir::kOutsideEffectiveDates, saying so. `history` is the patient's
  /// prior lines at the claim's payer (core/model/history.h), or null when the
  /// run keeps no history; it must not hold the claim's own lines.
  void evaluate(const model::Claim& claim, std::vector<model::Edit>& out,
                const model::ClaimHistory* history = nullptr) const;

  /// Whether the ruleset is in effect on `date` (its `effective ... until`).
  [[nodiscard]] bool inEffect(model::Date date) const {
    return effectiveFrom_ <= date && date <= effectiveUntil_;
  }

  /// The flat views of one claim that predicates read.
  struct Views {
    /// The lines in effect (inEffect()), in claim order; each keeps its
    /// position in the claim, so a view's index is not its position - 1
    /// when a line was left out.
    std::vector<engine::LineView> lines;
    engine::ClaimView claim{};
    /// The claim's day checks while the evaluator runs; null otherwise.
    engine::ClaimCache* cache = nullptr;
    /// The paid lines of the patient's earlier claims (empty without history).
    engine::HistoryView history;
    /// Whether the claim is judged with a history (even an empty one).
    bool withHistory = false;

    /// A frame for `line` (and `other`, for pair-scoped rules).
    [[nodiscard]] engine::EvalFrame frame(const engine::LineView* line,
                                          const engine::LineView* other = nullptr) const {
      return engine::EvalFrame{line, other,  lines.data(), static_cast<std::uint32_t>(lines.size()),
                               0,    &claim, cache,        withHistory ? &history : nullptr};
    }

    /// The view of the claim's line `position` (from 1); null when the line
    /// was left out (dated outside the effective dates).
    [[nodiscard]] const engine::LineView* at(std::uint32_t position) const;
  };

  /// Builds the views of `claim` (for explanations, which re-evaluate parts
  /// of a predicate on the very frames the evaluator used). Fields that no
  /// expression of the program reads (a line's charge, place of service,
  /// provider or age; the claim's strings and age) are left at -1. With a
  /// `history`, also the views of its paid lines (history_views.cpp).
  void buildViews(const model::Claim& claim, Views& views,
                  const model::ClaimHistory* history = nullptr) const;

  /// The column-1 code of a pair that fired on a line, with the lines of the
  /// claim (positions) and the prior lines (history view indices) that have it.
  struct PairHits {
    std::uint32_t code = 0;
    std::vector<std::uint32_t> positions;
    std::vector<std::uint32_t> prior;
  };

  /// The rules a line with `code` meets, in rule order (the code index).
  [[nodiscard]] std::span<const std::uint32_t> rulesFor(std::uint32_t code) const {
    const ir::CodeSpanIndex::Span span = ruleIndex_.find(code);
    if (span.begin == span.end) return anyCodeRules_;
    return {indexedRules_.data() + span.begin, span.end - span.begin};
  }

 private:
  /// The view fields that cost a lookup or a computation, and whether some
  /// expression of the program reads them.
  struct ViewNeeds {
    bool lineCharge = false;
    bool linePlace = false;
    bool lineProvider = false;
    bool lineAge = false;
    bool claimPayer = false;
    bool claimPlace = false;
    bool claimProvider = false;
    bool claimAge = false;
  };

  [[nodiscard]] std::int32_t stringId(std::string_view text) const;
  void applyRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                 const engine::LineView* line, std::vector<model::Edit>& out) const;
  /// A rule over a pair table: one edit per column-1 code, named after its row.
  void applyTableRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                      const engine::LineView& line, std::vector<model::Edit>& out) const;
  /// The parsed message template of `rule` (one of program_.rules).
  [[nodiscard]] const text::MessageTemplate& messageOf(const ir::Rule& rule) const {
    return messages_[static_cast<std::size_t>(&rule - program_.rules.data())];
  }

  /// Whether some rule a line with `code` meets rejects minutes: without
  /// one, rejectMinutesOnUntimed() need not ask that line's rules.
  [[nodiscard]] bool rejectsMinutes(std::uint32_t code) const {
    const ir::CodeSpanIndex::Span span = ruleIndex_.find(code);
    if (span.begin == span.end) return anyCodeRejectsMinutes_;
    return spanRejectsMinutes_[span.begin] != 0;
  }

  /// Whether `rule` is a `units` or `limit` rule, whose edits say more (unit_edits.cpp).
  [[nodiscard]] bool isUnitRule(const ir::Rule& rule) const;
  /// The message, related lines and MUE fields of a `units` or `limit` edit.
  void describeUnitEdit(const ir::Rule& rule, const model::Claim& claim, const Views& views,
                        const engine::LineView& line, model::Edit& edit) const;
  /// Minutes on a line of an untimed code make the claim invalid: appends its
  /// one reject record and returns true (unit_edits.cpp).
  bool rejectMinutesOnUntimed(const model::Claim& claim, const Views& views,
                              std::vector<model::Edit>& out) const;
  /// The views of the history's paid lines, and each claim line's
  /// LineView::priorDayUnits (history_views.cpp).
  void buildHistoryViews(const model::Claim& claim, const model::ClaimHistory* history,
                         Views& views) const;
  /// The pair rules `line` meets as the later column 1 of a pair whose
  /// column 2 a prior line of its day was paid for, in rule order (history_edits.cpp).
  void reversedPairRules(const Views& views, const engine::LineView& line,
                         std::vector<std::uint32_t>& out) const;
  /// Pair rule `r` the other way round: a prior line of the day is column 2,
  /// `line` column 1; `line`, the later, is edited (history_edits.cpp).
  void applyReversed(std::uint32_t r, const model::Claim& claim, const Views& views,
                     const engine::LineView& line, std::vector<model::Edit>& out) const;
  /// The HistoryCount and HistoryUnits expressions under `id`, into `out`.
  void collectHistoryReads(ir::ExprId id, std::vector<ir::ExprId>& out) const;
  /// Names in `edit` the prior lines that rule `r`'s history reads counted
  /// for `line` (history_edits.cpp).
  void relateHistoryReads(std::uint32_t r, const Views& views, const engine::LineView& line,
                          model::Edit& edit) const;
  /// The message, related lines and prior lines of a frequency limit's edit (unit_edits.cpp).
  void describeFrequencyEdit(const ir::Rule& rule, const model::Claim& claim, const Views& views,
                             const engine::LineView& line, model::Edit& edit) const;
  /// The record of line `position`, dated outside the effective dates.
  void outsideEffectiveDates(const model::Claim& claim, std::uint32_t position,
                             std::vector<model::Edit>& out) const;

  const ir::Program& program_;
  const engine::PredicateEngine& engine_;
  /// Rules of untimed codes (ir::Rule::rejectsMinutes), checked before any rule runs.
  std::vector<std::uint32_t> minutesRules_;
  /// code -> its span of indexedRules_: the rules that can hold for it
  /// (indexed and any-code rules, merged in rule order).
  ir::CodeSpanIndex ruleIndex_;
  std::vector<std::uint32_t> indexedRules_;
  /// Rules that can hold for any code, for codes not in ruleIndex_.
  std::vector<std::uint32_t> anyCodeRules_;
  std::vector<std::uint32_t> claimRules_;
  /// One per rule: its message template, parsed once.
  std::vector<text::MessageTemplate> messages_;
  /// By a code span's first position in indexedRules_: 1 when one of the
  /// span's rules rejects minutes (see rejectsMinutes()).
  std::vector<std::uint8_t> spanRejectsMinutes_;
  /// Whether an any-code rule rejects minutes (codes not in ruleIndex_).
  bool anyCodeRejectsMinutes_ = false;
  ViewNeeds needs_;
  /// By rule: 1 when it is a pair-table rule whose predicate is the table's
  /// lookup alone and the engine prefilters pairs, so that a pair the table's
  /// filter rejects is never asked about (applyTableRule).
  std::vector<std::uint8_t> prefiltered_;
  /// By rule: the history reads (HistoryCount, HistoryUnits) of its condition.
  std::vector<std::vector<ir::ExprId>> historyReads_;
  /// The ruleset's effective dates, inclusive; unbounded where it gives none.
  model::Date effectiveFrom_ = model::kBeginningOfTime;
  model::Date effectiveUntil_ = model::kEndOfTime;
  std::unordered_map<std::string_view, std::int32_t> stringIds_;
};

}  // namespace edict::eval
