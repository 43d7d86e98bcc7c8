// The evaluator's part of claim history in pair edits and conditions. A
// pair fires across claims in both directions, and always on the line of
// the claim being judged, the later one: forward (the line is column 2, a
// prior line of its day column 1) in evaluator.cpp with the claim's own
// lines; the other way round (the line is column 1, the prior line column
// 2) here. Rules whose conditions read `history.count`/`history.units` name
// the prior lines those counted.
#include <fmt/format.h>

#include <algorithm>

#include "core/engine/history_limits.h"
#include "runtime/eval/edit_parts.h"
#include "runtime/eval/evaluator.h"

namespace edict::eval {

namespace {

bool hasCode(const std::vector<model::Code>& codes, std::uint32_t code) {
  return std::any_of(codes.begin(), codes.end(), [&](model::Code c) { return c.packed == code; });
}

/// `claim A line 1, claim B line 2`: where the prior lines are.
std::string priorPlaces(const Evaluator::Views& views, const std::vector<std::uint32_t>& indices) {
  std::string out;
  for (std::uint32_t i : indices) {
    const model::PriorLine& prior = *views.history.sources[i];
    out += fmt::format("{}claim {} line {}", out.empty() ? "" : ", ", prior.claimId, prior.line);
  }
  return out;
}

/// `97140 is not paid: 97530 was paid on the same date of service (claim A
/// line 1), and ` followed by the pair's own words.
std::string reversedMessage(std::uint32_t column1, std::uint32_t column2, const std::string& places,
                            const std::string& pairWords) {
  return fmt::format("{} is not paid: {} was paid on the same date of service ({}), and {}",
                     model::Code{column1}.text(), model::Code{column2}.text(), places, pairWords);
}

}  // namespace

void Evaluator::reversedPairRules(const Views& views, const engine::LineView& line,
                                  std::vector<std::uint32_t>& out) const {
  out.clear();
  for (const engine::LineView& prior : views.history.lines) {
    if (prior.group != line.group) continue;
    for (std::uint32_t r : rulesFor(prior.code)) {
      const ir::Rule& rule = program_.rules[r];
      if (rule.scope != ir::RuleScope::LineWithOther) continue;
      if (!rule.pairTable && !hasCode(rule.otherCodes, line.code)) continue;
      out.push_back(r);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

void Evaluator::applyReversed(std::uint32_t r, const model::Claim& claim, const Views& views,
                              const engine::LineView& line, std::vector<model::Edit>& out) const {
  const ir::Rule& rule = program_.rules[r];
  const auto& prior = views.history.lines;
  // Column 2 codes that fired (one edit each, for a table), with their prior lines.
  std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> byColumn2;
  for (std::uint32_t i = 0; i < prior.size(); ++i) {
    const engine::LineView& column2 = prior[i];
    if (column2.group != line.group) continue;
    if (!rule.pairTable && !hasCode(rule.lineCodes, column2.code)) continue;
    if (!engine_.holds(r, views.frame(&column2, &line))) continue;
    auto found = std::find_if(byColumn2.begin(), byColumn2.end(),
                              [&](const auto& hit) { return hit.first == column2.code; });
    if (found == byColumn2.end()) found = byColumn2.insert(byColumn2.end(), {column2.code, {}});
    found->second.push_back(i);
  }
  for (const auto& [column2, indices] : byColumn2) {
    model::Edit& edit = out.emplace_back();
    edit.claimId = claim.id;
    edit.line = line.position;
    edit.ruleIndex = r;
    edit.action = rule.action;
    edit.reason = rule.reason;
    std::string pairWords;
    if (rule.pairTable) {
      const ir::PairTable& table = program_.pairTables[*rule.pairTable];
      const auto* row = table.find(line.code, column2, line.date);
      const std::string* rationale = row != nullptr && !table.rationales[row->rationale].empty()
                                         ? &table.rationales[row->rationale]
                                         : nullptr;
      edit.rule =
          fmt::format("ptp_{}_{}", model::Code{line.code}.text(), model::Code{column2}.text());
      pairWords =
          pairMessage(model::Code{line.code}.text(), model::Code{column2}.text(), rationale);
    } else {
      edit.rule = rule.id;
      pairWords = messageOf(rule).render(text::MessageContext{
          claim, &claim.lines[line.position - 1], line.position, std::nullopt, {}});
    }
    edit.message = reversedMessage(line.code, column2, priorPlaces(views, indices), pairWords);
    addPriorRefs(views, indices, edit);
    edit.ruleset = program_.name;
    edit.version = program_.version;
  }
}

void Evaluator::collectHistoryReads(ir::ExprId id, std::vector<ir::ExprId>& out) const {
  const ir::Expr& e = program_.exprs[id];
  if (e.kind == ir::Expr::Kind::HistoryCount || e.kind == ir::Expr::Kind::HistoryUnits)
    out.push_back(id);
  for (ir::ExprId op : e.operands) collectHistoryReads(op, out);
}

void Evaluator::relateHistoryReads(std::uint32_t r, const Views& views,
                                   const engine::LineView& line, model::Edit& edit) const {
  if (!views.withHistory) return;
  const engine::EvalFrame frame = views.frame(&line);
  std::vector<std::uint32_t> counted;
  for (ir::ExprId id : historyReads_[r]) {
    const ir::Expr& e = program_.exprs[id];
    const auto lines = engine::historyLinesCounted(program_.codeSets[e.set], e.value, frame);
    counted.insert(counted.end(), lines.begin(), lines.end());
  }
  std::sort(counted.begin(), counted.end());
  counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
  addPriorRefs(views, counted, edit);
}

}  // namespace edict::eval
