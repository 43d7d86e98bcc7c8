#include "eval/evaluator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <utility>

#include "eval/message.h"

namespace edict::eval {

namespace {

/// `M54.5*` matches every code that starts with `M54.5`; else exact match.
bool diagnosisMatches(const std::string& pattern, const std::string& code) {
  if (!pattern.empty() && pattern.back() == '*')
    return code.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
  return code == pattern;
}

}  // namespace

Evaluator::Evaluator(const ir::Program& program, const PredicateEngine& engine)
    : program_(program), engine_(engine) {
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r) {
    const ir::Rule& rule = program_.rules[r];
    if (rule.scope == ir::RuleScope::Claim)
      claimRules_.push_back(r);
    else if (rule.anyCode)
      anyCodeRules_.push_back(r);
    else
      for (model::Code code : rule.lineCodes) rulesByCode_[code.packed].push_back(r);
  }
  // Each code's list also holds the any-code rules, merged in rule order, so
  // a line walks one list in the order the ruleset wrote its rules.
  for (auto& [code, rules] : rulesByCode_) {
    std::vector<std::uint32_t> merged;
    std::merge(rules.begin(), rules.end(), anyCodeRules_.begin(), anyCodeRules_.end(),
               std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    rules = std::move(merged);
  }
  for (std::size_t s = 0; s < program_.strings.size(); ++s)
    stringIds_.emplace(program_.strings[s], static_cast<std::int32_t>(s));
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r)
    if (program_.rules[r].rejectsMinutes) minutesRules_.push_back(r);
}

std::int32_t Evaluator::stringId(std::string_view text) const {
  if (text.empty()) return -1;
  auto found = stringIds_.find(text);
  return found == stringIds_.end() ? -1 : found->second;
}

const std::vector<std::uint32_t>& Evaluator::rulesFor(std::uint32_t code) const {
  auto found = rulesByCode_.find(code);
  return found == rulesByCode_.end() ? anyCodeRules_ : found->second;
}

void Evaluator::buildViews(const model::Claim& claim, Views& views) const {
  const auto& birth = claim.patient.birthDate;
  ClaimView& c = views.claim;
  c.payer = stringId(claim.payer);
  c.placeOfService = stringId(claim.placeOfService);
  c.provider = stringId(claim.providerNpi);
  c.sex = static_cast<std::int32_t>(claim.patient.sex);
  c.birthDate = birth ? birth->days : kUnknownDate;
  c.diagnosisBits = 0;
  for (std::size_t k = 0; k < program_.diagnosisPatterns.size(); ++k)
    for (const std::string& dx : claim.diagnoses)
      if (diagnosisMatches(program_.diagnosisPatterns[k], dx)) c.diagnosisBits |= 1ull << k;

  // Same-day groups: lines of one provider on one date (the claim has one
  // patient). Group ids follow first appearance, so they are deterministic.
  std::map<std::pair<std::string_view, std::int32_t>, std::uint32_t> groups;
  model::Date firstDate = claim.lines.front().date;
  views.lines.resize(claim.lines.size());
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const model::Line& line = claim.lines[i];
    firstDate = std::min(firstDate, line.date);
    const std::string_view npi = claim.providerOf(line);
    const auto group =
        groups.try_emplace({npi, line.date.days}, static_cast<std::uint32_t>(groups.size()))
            .first->second;
    LineView& v = views.lines[i];
    v.code = line.code.packed;
    v.units = line.units;
    v.minutes = line.minutes.value_or(-1);
    v.date = line.date.days;
    v.position = static_cast<std::uint32_t>(i + 1);
    for (std::size_t m = 0; m < 4; ++m) v.modifiers[m] = line.modifiers[m].packed;
    v.group = group;
    v.chargeCents = std::llround(line.charge * 100.0);
    v.placeOfService =
        stringId(line.placeOfService.empty() ? claim.placeOfService : line.placeOfService);
    v.provider = stringId(npi);
    v.age = birth ? std::max(-1, model::yearsBetween(*birth, line.date)) : -1;
    v.reserved = 0;
  }
  c.age = birth ? std::max(-1, model::yearsBetween(*birth, firstDate)) : -1;
}

void Evaluator::applyRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                          const LineView* line, std::vector<model::Edit>& out) const {
  const ir::Rule& rule = program_.rules[r];
  EvalFrame frame{
      line, nullptr,     views.lines.data(), static_cast<std::uint32_t>(views.lines.size()),
      0,    &views.claim};
  std::vector<std::uint32_t> related;
  if (rule.pairTable) {
    applyTableRule(r, claim, views, *line, out);
    return;
  }
  if (rule.scope == ir::RuleScope::LineWithOther) {
    for (const LineView& other : views.lines) {
      if (&other == line || other.group != line->group) continue;
      const bool candidate = std::any_of(rule.otherCodes.begin(), rule.otherCodes.end(),
                                         [&](model::Code c) { return c.packed == other.code; });
      if (!candidate) continue;
      frame.other = &other;
      if (engine_.holds(r, frame)) related.push_back(other.position);
    }
    if (related.empty()) return;
  } else if (!engine_.holds(r, frame)) {
    return;
  }

  model::Edit edit;
  edit.action = rule.action;
  std::optional<std::int64_t> allowed;
  if (rule.units) {
    allowed = std::max<std::int64_t>(0, engine_.units(r, frame));
    if (*allowed >= line->units) return;  // nothing to reduce
    edit.billedUnits = line->units;
    edit.allowedUnits = static_cast<std::int32_t>(*allowed);
    if (*allowed == 0) edit.action = model::Action::Deny;
  }
  const model::Line* modelLine = line != nullptr ? &claim.lines[line->position - 1] : nullptr;
  edit.claimId = claim.id;
  if (line != nullptr) edit.line = line->position;
  edit.rule = rule.id;
  edit.ruleIndex = r;
  edit.reason = rule.reason;
  edit.relatedLines = std::move(related);
  edit.ruleset = program_.name;
  edit.version = program_.version;
  if (line != nullptr && isUnitRule(rule))
    describeUnitEdit(rule, claim, views, *line, edit);
  else
    edit.message = renderMessage(
        rule.message,
        MessageContext{claim, modelLine, line != nullptr ? line->position : 0, allowed, {}});
  out.push_back(std::move(edit));
}

void Evaluator::applyTableRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                               const LineView& line, std::vector<model::Edit>& out) const {
  const ir::Rule& rule = program_.rules[r];
  EvalFrame frame{
      &line, nullptr,     views.lines.data(), static_cast<std::uint32_t>(views.lines.size()),
      0,     &views.claim};
  // One edit per column-1 code: each is its own pair, with its own row.
  std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> byColumn1;
  for (const LineView& other : views.lines) {
    if (&other == &line || other.group != line.group) continue;
    frame.other = &other;
    if (!engine_.holds(r, frame)) continue;
    auto found = std::find_if(byColumn1.begin(), byColumn1.end(),
                              [&](const auto& e) { return e.first == other.code; });
    if (found == byColumn1.end())
      byColumn1.push_back({other.code, {other.position}});
    else
      found->second.push_back(other.position);
  }
  const ir::PairTable& table = program_.pairTables[*rule.pairTable];
  for (auto& [column1, positions] : byColumn1) {
    const auto* row = table.find(column1, line.code, line.date);
    const std::string c1 = model::Code{column1}.text();
    const std::string c2 = model::Code{line.code}.text();
    model::Edit edit;
    edit.claimId = claim.id;
    edit.line = line.position;
    edit.rule = "ptp_" + c1 + "_" + c2;
    edit.ruleIndex = r;
    edit.action = rule.action;
    edit.reason = rule.reason;
    edit.message = c2 + " is not paid with " + c1 + " on the same date of service";
    if (row != nullptr && !table.rationales[row->rationale].empty())
      edit.message += ": " + table.rationales[row->rationale];
    edit.relatedLines = std::move(positions);
    edit.ruleset = program_.name;
    edit.version = program_.version;
    out.push_back(std::move(edit));
  }
}

void Evaluator::evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const {
  if (claim.lines.empty()) return;
  Views views;
  buildViews(claim, views);
  if (!minutesRules_.empty() && rejectMinutesOnUntimed(claim, views, out)) return;
  for (std::uint32_t r : claimRules_) applyRule(r, claim, views, nullptr, out);
  for (const LineView& line : views.lines)
    for (std::uint32_t r : rulesFor(line.code)) applyRule(r, claim, views, &line, out);
}

}  // namespace edict::eval
