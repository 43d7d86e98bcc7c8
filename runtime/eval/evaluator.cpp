#include "runtime/eval/evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "core/engine/claim_cache.h"
#include "runtime/eval/edit_parts.h"

namespace edict::eval {

namespace {

/// One thread's working memory: the claim's views, its day checks and the
/// lists an edit is built from, kept from claim to claim so that evaluating
/// a claim allocates only what its edit records own.
struct Scratch {
  Evaluator::Views views;
  engine::ClaimCache cache;
  std::vector<std::uint32_t> related;
  /// The prior lines a pair rule fired with (indices into the history's views).
  std::vector<std::uint32_t> relatedPrior;
  /// Pair-table rules: the column-1 codes that fired with the line, each
  /// with the lines (and prior lines) that have it.
  std::vector<Evaluator::PairHits> byColumn1;
  /// The pair rules a line meets the other way round (history_edits.cpp).
  std::vector<std::uint32_t> reversed;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

}  // namespace

std::string pairMessage(std::string_view column1, std::string_view column2,
                        const std::string* rationale) {
  constexpr std::string_view kNotPaid = " is not paid with ";
  constexpr std::string_view kSameDay = " on the same date of service";
  std::string message;
  message.reserve(column2.size() + kNotPaid.size() + column1.size() + kSameDay.size() +
                  (rationale != nullptr ? 2 + rationale->size() : 0));
  message.append(column2).append(kNotPaid).append(column1).append(kSameDay);
  if (rationale != nullptr) message.append(": ").append(*rationale);
  return message;
}

void addPriorRefs(const Evaluator::Views& views, std::span<const std::uint32_t> indices,
                  model::Edit& edit) {
  for (std::uint32_t i : indices) {
    const model::PriorLine& prior = *views.history.sources[i];
    edit.relatedPrior.push_back(model::PriorLineRef{prior.claimId, prior.line});
  }
}

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

  // The rules whose conditions read the history: their edits name the prior
  // lines those reads counted.
  historyReads_.resize(program_.rules.size());
  for (std::uint32_t r = 0; r < program_.rules.size(); ++r) {
    collectHistoryReads(program_.rules[r].predicate, historyReads_[r]);
    if (program_.rules[r].units) collectHistoryReads(*program_.rules[r].units, historyReads_[r]);
  }

  // Pair-table rules the filter may answer for: lowering makes a table rule's
  // predicate its lookup alone (false for a pair without rows); a predicate
  // of any other shape is asked about every pair.
  prefiltered_.assign(program_.rules.size(), 0);
  for (std::uint32_t r = 0; r < program_.rules.size() && engine_.prefiltersPairs(); ++r) {
    const ir::Rule& rule = program_.rules[r];
    const ir::Expr& predicate = program_.exprs[rule.predicate];
    const bool lookupAlone = rule.pairTable && predicate.kind == ir::Expr::Kind::PairTableHolds &&
                             predicate.set == *rule.pairTable;
    prefiltered_[r] = lookupAlone ? 1 : 0;
  }

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
  const std::vector<std::uint32_t>* relatedPrior = &kNoLines;
  if (rule.scope == ir::RuleScope::LineWithOther) {
    Scratch& s = scratch();
    s.related.clear();
    s.relatedPrior.clear();
    relatedLines = &s.related;
    relatedPrior = &s.relatedPrior;
    const auto candidate = [&](const engine::LineView& other) {
      return other.group == line->group &&
             std::any_of(rule.otherCodes.begin(), rule.otherCodes.end(),
                         [&](model::Code c) { return c.packed == other.code; });
    };
    for (const engine::LineView& other : views.lines) {
      if (&other == line || !candidate(other)) continue;
      frame.other = &other;
      if (engine_.holds(r, frame)) s.related.push_back(other.position);
    }
    // A prior line of the day is another line of the day: this line, the
    // later, is the one edited.
    const auto& prior = views.history.lines;
    for (std::uint32_t i = 0; i < prior.size(); ++i) {
      if (!candidate(prior[i])) continue;
      frame.other = &prior[i];
      if (engine_.holds(r, frame)) s.relatedPrior.push_back(i);
    }
    if (s.related.empty() && s.relatedPrior.empty()) return;
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
  addPriorRefs(views, *relatedPrior, edit);
  if (line != nullptr && !historyReads_[r].empty()) relateHistoryReads(r, views, *line, edit);
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
  const auto hit = [&](const engine::LineView& other) -> PairHits& {
    auto found = std::find_if(byColumn1.begin(), byColumn1.begin() + used,
                              [&](const PairHits& h) { return h.code == other.code; });
    if (found != byColumn1.begin() + used) return *found;
    if (used == byColumn1.size()) byColumn1.emplace_back();
    PairHits& fresh = byColumn1[used++];
    fresh.code = other.code;
    fresh.positions.clear();
    fresh.prior.clear();
    return fresh;
  };
  // Most pairs of a claim's lines have no row at all: with an engine that
  // prefilters, the filter of the line's code's partners answers those
  // without a call.
  const ir::PairTable& table = program_.pairTables[*rule.pairTable];
  const ir::PairFilter::Partners partners =
      prefiltered_[r] != 0 ? table.partnersOf(line.code) : ir::PairFilter::Partners::all();
  const auto cannotHold = [&](const engine::LineView& other) {
    return !partners.mayInclude(other.code);
  };
  for (const engine::LineView& other : views.lines) {
    if (&other == &line || other.group != line.group || cannotHold(other)) continue;
    frame.other = &other;
    if (engine_.holds(r, frame)) hit(other).positions.push_back(other.position);
  }
  // Prior lines of the day, too: this line is the later one, and edited.
  const auto& prior = views.history.lines;
  for (std::uint32_t i = 0; i < prior.size(); ++i) {
    if (prior[i].group != line.group || cannotHold(prior[i])) continue;
    frame.other = &prior[i];
    if (engine_.holds(r, frame)) hit(prior[i]).prior.push_back(i);
  }
  if (used == 0) return;
  const std::string c2 = model::Code{line.code}.text();
  for (std::size_t k = 0; k < used; ++k) {
    const PairHits& hits = byColumn1[k];
    const auto* row = table.find(hits.code, line.code, line.date);
    const std::string c1 = model::Code{hits.code}.text();
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
    edit.message = pairMessage(c1, c2, rationale);
    edit.relatedLines.assign(hits.positions.begin(), hits.positions.end());
    addPriorRefs(views, hits.prior, edit);
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
                         const model::ClaimHistory* history) const {
  if (claim.lines.empty()) return;
  Scratch& s = scratch();
  s.cache.clear();
  Views& views = s.views;
  views.cache = &s.cache;
  buildViews(claim, views, history);
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
    const std::span<const std::uint32_t> rules = rulesFor(line.code);
    if (views.history.lines.empty()) {
      for (std::uint32_t r : rules) applyRule(r, claim, views, &line, out);
      continue;
    }
    // With prior lines of its day, the line may also be the later column 1
    // of a pair whose column 2 was paid before: those rules join in rule order.
    std::vector<std::uint32_t>& reversed = s.reversed;
    reversedPairRules(views, line, reversed);
    auto pending = reversed.begin();
    for (std::uint32_t r : rules) {
      for (; pending != reversed.end() && *pending < r; ++pending)
        applyReversed(*pending, claim, views, line, out);
      applyRule(r, claim, views, &line, out);
      if (pending != reversed.end() && *pending == r)
        applyReversed(*pending++, claim, views, line, out);
    }
    for (; pending != reversed.end(); ++pending) applyReversed(*pending, claim, views, line, out);
  }
  leftOutBefore(static_cast<std::uint32_t>(claim.lines.size()) + 1);
}

}  // namespace edict::eval
