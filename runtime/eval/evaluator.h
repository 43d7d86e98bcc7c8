// Applies one compiled ruleset to claims: indexes rules by procedure code,
// builds the flat views and same-day groups, asks a back end which predicates
// hold and turns those into edit records. The same evaluator drives both
// back ends, so they can only differ in predicate values, which tests compare.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eval/predicate_engine.h"
#include "ir/program.h"
#include "model/claim.h"
#include "model/edit.h"

namespace edict::eval {

/// Evaluates claims against one program with one predicate engine.
/// `evaluate` is const and keeps no state between calls: one evaluator
/// serves any number of threads.
class Evaluator {
 public:
  /// `program` and `engine` must outlive the evaluator.
  Evaluator(const ir::Program& program, const PredicateEngine& engine);

  /// Appends the edits `claim` triggers to `out`: claim-level edits first,
  /// then by line, then by rule order in the ruleset. A claim that puts
  /// minutes on an untimed code (`units CODES one per day`) gets instead one
  /// record with action Reject and no edit.
  void evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const;

  /// The flat views of one claim that predicates read.
  struct Views {
    std::vector<LineView> lines;
    ClaimView claim{};

    /// A frame for `line` (and `other`, for pair-scoped rules).
    [[nodiscard]] EvalFrame frame(const LineView* line, const LineView* other = nullptr) const {
      return EvalFrame{line, other, lines.data(), static_cast<std::uint32_t>(lines.size()),
                       0,    &claim};
    }
  };

  /// Builds the views of `claim` (for explanations, which re-evaluate parts
  /// of a predicate on the very frames the evaluator used).
  void buildViews(const model::Claim& claim, Views& views) const;

  /// The rules a line with `code` meets, in rule order (the code index).
  [[nodiscard]] const std::vector<std::uint32_t>& rulesFor(std::uint32_t code) const;

 private:
  [[nodiscard]] std::int32_t stringId(std::string_view text) const;
  void applyRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                 const LineView* line, std::vector<model::Edit>& out) const;
  /// A rule over a pair table: one edit per column-1 code, named after its row.
  void applyTableRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                      const LineView& line, std::vector<model::Edit>& out) const;

  /// Whether `rule` is a `units` or `limit` rule, whose edits say more (unit_edits.cpp).
  [[nodiscard]] bool isUnitRule(const ir::Rule& rule) const;
  /// The message, related lines and MUE fields of a `units` or `limit` edit.
  void describeUnitEdit(const ir::Rule& rule, const model::Claim& claim, const Views& views,
                        const LineView& line, model::Edit& edit) const;
  /// Minutes on a line of an untimed code make the claim invalid: appends its
  /// one reject record and returns true (unit_edits.cpp).
  bool rejectMinutesOnUntimed(const model::Claim& claim, const Views& views,
                              std::vector<model::Edit>& out) const;

  const ir::Program& program_;
  const PredicateEngine& engine_;
  /// Rules of untimed codes (ir::Rule::rejectsMinutes), checked before any rule runs.
  std::vector<std::uint32_t> minutesRules_;
  /// code -> rules that can hold for it (indexed and any-code rules), in rule order.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> rulesByCode_;
  /// Rules that can hold for any code, for codes not in rulesByCode_.
  std::vector<std::uint32_t> anyCodeRules_;
  std::vector<std::uint32_t> claimRules_;
  std::unordered_map<std::string_view, std::int32_t> stringIds_;
};

}  // namespace edict::eval
