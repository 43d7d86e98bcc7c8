#include "eval/evaluator.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace edict::eval {

Evaluator::Evaluator(const ir::Program& program, const PredicateEngine& engine)
    : program_(program), engine_(engine) {
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r)
    for (model::Code code : program_.rules[r].lineCodes) rulesByCode_[code.packed].push_back(r);
}

void Evaluator::buildViews(const model::Claim& claim, std::vector<LineView>& views) const {
  // Same-day groups: lines of one provider on one date (the claim has one
  // patient). Group ids follow first appearance, so they are deterministic.
  std::map<std::pair<std::string_view, std::int32_t>, std::uint32_t> groups;
  views.resize(claim.lines.size());
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    const std::string_view npi = claim.providerOf(line);
    const auto group = groups.try_emplace({npi, line.date.days},
                                    static_cast<std::uint32_t>(groups.size())).first->second;
    LineView& v = views[i];
    v.code = line.code.packed;
    v.units = line.units;
    v.minutes = line.minutes.value_or(-1);
    v.date = line.date.days;
    v.position = static_cast<std::uint32_t>(i + 1);
    for (std::size_t m = 0; m < 4; ++m) v.modifiers[m] = line.modifiers[m].packed;
    v.group = group;
  }
}

void Evaluator::evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const {
  std::vector<LineView> views;
  buildViews(claim, views);

  for (const LineView& line : views) {
    auto found = rulesByCode_.find(line.code);
    if (found == rulesByCode_.end()) continue;
    for (std::uint32_t r : found->second) {
      const ir::Rule& rule = program_.rules[r];
      std::vector<std::uint32_t> related;
      bool fired = false;
      if (rule.scope == ir::RuleScope::Line) {
        EvalFrame frame{&line, nullptr};
        fired = engine_.holds(r, frame);
      } else {
        for (const LineView& other : views) {
          if (&other == &line || other.group != line.group) continue;
          const bool candidate =
              std::any_of(rule.otherCodes.begin(), rule.otherCodes.end(),
                          [&](model::Code c) { return c.packed == other.code; });
          if (!candidate) continue;
          EvalFrame frame{&line, &other};
          if (engine_.holds(r, frame)) related.push_back(other.position);
        }
        fired = !related.empty();
      }
      if (!fired) continue;
      model::Edit edit;
      edit.claimId = claim.id;
      edit.line = line.position;
      edit.rule = rule.id;
      edit.action = rule.action;
      edit.reason = rule.reason;
      edit.message = rule.message;
      edit.relatedLines = std::move(related);
      edit.ruleset = program_.name;
      edit.version = program_.version;
      out.push_back(std::move(edit));
    }
  }
}

}  // namespace edict::eval
