#include "runtime/eval/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "core/engine/claim_cache.h"

namespace edict::eval {

namespace {

/// One thread's working memory: the claim's views, its day checks and the
/// lists an edit is built from, kept from claim to claim so that evaluating
/// a claim allocates only what its edit records own.
struct Scratch {
  Evaluator::Views views;
  engine::ClaimCache cache;
  std::vector<std::uint32_t> related;
  /// Pair-table rules: the column-1 codes that fired with the line, each
  /// with the lines that have it.
  std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> byColumn1;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

Evaluator::Evaluator(const ir::Program& program, const engine::PredicateEngine& engine)
    : program_(program), engine_(engine) {
  if (program_.effectiveFrom) effectiveFrom_ = *program_.effectiveFrom;
  if (program_.effectiveUntil) effectiveUntil_ = *program_.effectiveUntil;
  std::map<std::uint32_t, std::vector<std::uint32_t>> byCode;
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r) {
    const ir::Rule& rule = program_.rules[r];
    if (rule.scope == ir::RuleScope::Claim)
      claimRules_.push_back(r);
    else if (rule.anyCode)
      anyCodeRules_.push_back(r);
    else
      for (model::Code code : rule.lineCodes) byCode[code.packed].push_back(r);
  }
  // Each code's list also holds the any-code rules, merged in rule order, so
  // a line walks one list in the order the ruleset wrote its rules.
  std::vector<std::uint32_t> codes;
  for (auto& [code, rules] : byCode) {
    std::vector<std::uint32_t> merged;
    std::merge(rules.begin(), rules.end(), anyCodeRules_.begin(), anyCodeRules_.end(),
               std::back_inserter(merged));
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    indexedRules_.insert(indexedRules_.end(), merged.begin(), merged.end());
    codes.insert(codes.end(), merged.size(), code);
  }
  ruleIndex_.build(codes.size(), [&](std::size_t i) { return codes[i]; });

  messages_.reserve(program_.rules.size());
  for (const ir::Rule& rule : program_.rules) messages_.emplace_back(rule.message);
  for (std::size_t s = 0; s < program_.strings.size(); ++s)
    stringIds_.emplace(program_.strings[s], static_cast<std::int32_t>(s));
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r)
    if (program_.rules[r].rejectsMinutes) minutesRules_.push_back(r);
  // Per code span: whether any of its rules rejects minutes, so that a line
  // with minutes on a timed code (most of them) is passed over at once.
  const auto rejects = [&](std::span<const std::uint32_t> rules) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](std::uint32_t r) { return program_.rules[r].rejectsMinutes; });
  };
  spanRejectsMinutes_.assign(indexedRules_.size(), 0);
  for (std::size_t i = 0; i < codes.size();) {
    std::size_t end = i + 1;
    while (end < codes.size() && codes[end] == codes[i]) ++end;
    spanRejectsMinutes_[i] = rejects({indexedRules_.data() + i, end - i}) ? 1 : 0;
    i = end;
  }
  anyCodeRejectsMinutes_ = rejects(anyCodeRules_);

  // The view fields worth computing: those some expression reads.
  for (const ir::Expr& e : program_.exprs) {
    if (e.kind != ir::Expr::Kind::Field && e.kind != ir::Expr::Kind::Known) continue;
    if (e.binding == ir::Binding::Claim) {
      needs_.claimPayer |= e.claimField == ir::ClaimField::Payer;
      needs_.claimPlace |= e.claimField == ir::ClaimField::PlaceOfService;
      needs_.claimProvider |= e.claimField == ir::ClaimField::Provider;
      needs_.claimAge |= e.claimField == ir::ClaimField::Age;
    } else {
      needs_.lineCharge |= e.lineField == ir::LineField::Charge;
      needs_.linePlace |= e.lineField == ir::LineField::PlaceOfService;
      needs_.lineProvider |= e.lineField == ir::LineField::Provider;
      needs_.lineAge |= e.lineField == ir::LineField::Age;
    }
  }
}

std::int32_t Evaluator::stringId(std::string_view text) const {
  if (text.empty()) return -1;
  auto found = stringIds_.find(text);
  return found == stringIds_.end() ? -1 : found->second;
}

void Evaluator::applyRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                          const engine::LineView* line, std::vector<model::Edit>& out) const {
  const ir::Rule& rule = program_.rules[r];
  if (rule.pairTable) {
    applyTableRule(r, claim, views, *line, out);
    return;
  }
  engine::EvalFrame frame = views.frame(line);
  // Only pair-scoped rules relate lines; the others skip the thread-local
  // lookup, which costs a guard check on every rule a line meets.
  static const std::vector<std::uint32_t> kNoLines;
  const std::vector<std::uint32_t>* relatedLines = &kNoLines;
  if (rule.scope == ir::RuleScope::LineWithOther) {
    std::vector<std::uint32_t>& related = scratch().related;
    related.clear();
    relatedLines = &related;
    for (const engine::LineView& other : views.lines) {
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

  std::optional<std::int64_t> allowed;
  if (rule.units) {
    allowed = std::max<std::int64_t>(0, engine_.units(r, frame));
    if (*allowed >= line->units) return;  // nothing to reduce
  }
  // Built in place: an Edit is a dozen strings and vectors, and moving a
  // local one in meant moving and destroying each of them.
  model::Edit& edit = out.emplace_back();
  edit.action = rule.action;
  if (allowed) {
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
  edit.relatedLines.assign(relatedLines->begin(), relatedLines->end());
  edit.ruleset = program_.name;
  edit.version = program_.version;
  if (line != nullptr && isUnitRule(rule))
    describeUnitEdit(rule, claim, views, *line, edit);
  else
    edit.message = messages_[r].render(
        text::MessageContext{claim, modelLine, line != nullptr ? line->position : 0, allowed, {}});
}

void Evaluator::applyTableRule(std::uint32_t r, const model::Claim& claim, const Views& views,
                               const engine::LineView& line, std::vector<model::Edit>& out) const {
  const ir::Rule& rule = program_.rules[r];
  engine::EvalFrame frame = views.frame(&line);
  // One edit per column-1 code: each is its own pair, with its own row.
  auto& byColumn1 = scratch().byColumn1;
  std::size_t used = 0;
  for (const engine::LineView& other : views.lines) {
    if (&other == &line || other.group != line.group) continue;
    frame.other = &other;
    if (!engine_.holds(r, frame)) continue;
    auto found = std::find_if(byColumn1.begin(), byColumn1.begin() + used,
                              [&](const auto& e) { return e.first == other.code; });
    if (found == byColumn1.begin() + used) {
      if (used == byColumn1.size()) byColumn1.emplace_back();
      found = byColumn1.begin() + used++;
      found->first = other.code;
      found->second.clear();
    }
    found->second.push_back(other.position);
  }
  if (used == 0) return;
  const ir::PairTable& table = program_.pairTables[*rule.pairTable];
  const std::string c2 = model::Code{line.code}.text();
  for (std::size_t k = 0; k < used; ++k) {
    const auto& [column1, positions] = byColumn1[k];
    const auto* row = table.find(column1, line.code, line.date);
    const std::string c1 = model::Code{column1}.text();
    model::Edit edit;
    edit.claimId = claim.id;
    edit.line = line.position;
    edit.rule.reserve(4 + c1.size() + 1 + c2.size());
    edit.rule.append("ptp_").append(c1).append("_").append(c2);
    edit.ruleIndex = r;
    edit.action = rule.action;
    edit.reason = rule.reason;
    const std::string* rationale = row != nullptr && !table.rationales[row->rationale].empty()
                                       ? &table.rationales[row->rationale]
                                       : nullptr;
    constexpr std::string_view kNotPaid = " is not paid with ";
    constexpr std::string_view kSameDay = " on the same date of service";
    edit.message.reserve(c2.size() + kNotPaid.size() + c1.size() + kSameDay.size() +
                         (rationale != nullptr ? 2 + rationale->size() : 0));
    edit.message.append(c2).append(kNotPaid).append(c1).append(kSameDay);
    if (rationale != nullptr) edit.message.append(": ").append(*rationale);
    edit.relatedLines.assign(positions.begin(), positions.end());
    edit.ruleset = program_.name;
    edit.version = program_.version;
    out.push_back(std::move(edit));
  }
}

void Evaluator::outsideEffectiveDates(const model::Claim& claim, std::uint32_t position,
                                      std::vector<model::Edit>& out) const {
  const model::Date date = claim.lines[position - 1].date;
  model::Edit& edit = out.emplace_back();
  edit.claimId = claim.id;
  edit.line = position;
  edit.rule = ir::kOutsideEffectiveDates;
  edit.action = model::Action::Flag;
  const bool before = date < effectiveFrom_;
  edit.message = fmt::format("line {} is dated {}, {} {} {} {} ({}): the ruleset did not edit it",
                             position, date.iso(), before ? "before" : "after", program_.name,
                             program_.version, before ? "takes effect" : "ends",
                             before ? effectiveFrom_.iso() : effectiveUntil_.iso());
  edit.ruleset = program_.name;
  edit.version = program_.version;
}

void Evaluator::evaluate(const model::Claim& claim, std::vector<model::Edit>& out,
                         [[maybe_unused]] const model::ClaimHistory* history) const {
  if (claim.lines.empty()) return;
  Scratch& s = scratch();
  s.cache.clear();
  Views& views = s.views;
  views.cache = &s.cache;
  buildViews(claim, views);
  if (!minutesRules_.empty() && rejectMinutesOnUntimed(claim, views, out)) return;
  if (!views.lines.empty())
    for (std::uint32_t r : claimRules_) applyRule(r, claim, views, nullptr, out);
  // Lines left out (outside the effective dates) get their record in line order.
  std::uint32_t next = 1;
  const auto leftOutBefore = [&](std::uint32_t position) {
    for (; next < position; ++next) outsideEffectiveDates(claim, next, out);
    next = position + 1;
  };
  for (const engine::LineView& line : views.lines) {
    leftOutBefore(line.position);
    for (std::uint32_t r : rulesFor(line.code)) applyRule(r, claim, views, &line, out);
  }
  leftOutBefore(static_cast<std::uint32_t>(claim.lines.size()) + 1);
}

}  // namespace edict::eval
