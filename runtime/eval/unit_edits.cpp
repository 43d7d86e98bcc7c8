// The evaluator's part of `units` and `limit` rules: what their edits say
// (the day's timed minutes, the MUE row that limited the line, the lines
// that used up a daily limit), and the reject of a claim that puts minutes
// on an untimed code. Which units a line keeps is the back ends' business;
// this only describes it.
#include <fmt/format.h>

#include "core/engine/claim_cache.h"
#include "core/engine/history_limits.h"
#include "core/engine/unit_limits.h"
#include "core/text/counted.h"
#include "core/text/message_template.h"
#include "runtime/eval/edit_parts.h"
#include "runtime/eval/evaluator.h"

namespace edict::eval {

namespace {

/// The MUE remark code (RARC): "the number of days or units of service
/// exceeds our acceptable maximum".
constexpr const char* kMueRemark = "N362";

/// Lines of `line`'s code on its day before it: those a per-day limit paid first.
std::vector<std::uint32_t> earlierLinesOfCode(const std::vector<engine::LineView>& lines,
                                              const engine::LineView& line) {
  std::vector<std::uint32_t> out;
  for (const engine::LineView& l : lines)
    if (l.position < line.position && l.group == line.group && l.code == line.code)
      out.push_back(l.position);
  return out;
}

/// One wording for every `units` and `limit` edit, whatever decided it:
/// `97110: 2 units billed, 1 allowed: WHY`; this is the start, to which the
/// caller appends WHY. Built by appending, not by fmt::format of nested
/// temporaries: a message is made for every such edit, and the shipped
/// rulesets make one for about every other claim.
std::string unitEditStart(const engine::LineView& line, std::int64_t allowed) {
  std::string out = model::Code{line.code}.text();
  out.reserve(120);
  out += ": ";
  text::appendCounted(out, line.units, "unit");
  out += " billed, ";
  text::appendNumber(out, allowed);
  out += " allowed: ";
  return out;
}

/// Why a daily limit of `perDay` allowed what it did, after `earlier` units
/// on earlier lines of the day and `prior` on the patient's earlier claims.
void appendDayLimitWhy(std::string& out, std::int64_t perDay, std::int64_t earlier,
                       std::int64_t prior) {
  out += "at most ";
  text::appendCounted(out, perDay, "unit");
  out += " a day";
  if (earlier > 0) {
    out += ", ";
    text::appendNumber(out, earlier);
    out += " on earlier lines";
  }
  if (prior > 0) {
    out += ", ";
    text::appendNumber(out, prior);
    out += " on earlier claims";
  }
}

void appendMueWhy(std::string& out, const ir::MueTable::Row& row, std::int64_t earlier,
                  std::int64_t prior) {
  if (row.indicator == 1) {
    out += "at most ";
    text::appendCounted(out, row.value, "unit");
    out += " on one line, so the line is denied (";
  } else {
    appendDayLimitWhy(out, row.value, earlier, prior);
    out += " (";
  }
  out += "MUE, indicator ";
  text::appendNumber(out, row.indicator);
  out += ": ";
  out += engine::mueIndicatorLabel(row.indicator);
  out += ')';
}

/// The prior lines of `line`'s code on its day: what a daily limit counted.
std::vector<std::uint32_t> priorLinesOfDay(const Evaluator::Views& views,
                                           const engine::LineView& line) {
  std::vector<std::uint32_t> out;
  const auto& prior = views.history.lines;
  for (std::uint32_t i = 0; i < prior.size(); ++i)
    if (prior[i].group == line.group && prior[i].code == line.code) out.push_back(i);
  return out;
}

/// Why a frequency limit allowed what it did: `at most 1 service in any 30
/// days, and 1 was paid from 2026-10-06 through 2026-11-04`.
std::string frequencyWhy(const engine::FrequencyLimit& limit, const engine::FrequencyCheck& check) {
  const std::string what = limit.units ? "unit" : "service";
  const std::string most = text::counted(limit.max, what);
  const std::string paid =
      check.used == 0 ? "none was paid"
                      : fmt::format("{} {} paid", check.used, check.used == 1 ? "was" : "were");
  if (limit.window == ir::kCalendarYear)
    return fmt::format("at most {} a calendar year, and {} in {}", most, paid,
                       model::Date{check.first}.iso().substr(0, 4));
  return fmt::format("at most {} in any {}, and {} from {} through {}", most,
                     text::counted(limit.window, "day"), paid, model::Date{check.first}.iso(),
                     model::Date{check.last}.iso());
}

}  // namespace

bool Evaluator::isUnitRule(const ir::Rule& rule) const {
  if (rule.mueTable) return true;
  if (!rule.units) return false;
  const auto kind = program_.exprs[*rule.units].kind;
  return kind == ir::Expr::Kind::TimedUnits || kind == ir::Expr::Kind::DayLimitUnits ||
         kind == ir::Expr::Kind::FrequencyServices || kind == ir::Expr::Kind::FrequencyUnits;
}

void Evaluator::describeFrequencyEdit(const ir::Rule& rule, const model::Claim& claim,
                                      const Views& views, const engine::LineView& line,
                                      model::Edit& edit) const {
  const engine::EvalFrame frame = views.frame(&line);
  const ir::Expr& units = program_.exprs[*rule.units];
  const engine::FrequencyLimit limit{&program_.codeSets[units.set], units.value,
                                     program_.exprs[units.operands[0]].value,
                                     units.kind == ir::Expr::Kind::FrequencyUnits};
  const engine::FrequencyCheck check = engine::frequencyCheck(limit, frame);
  edit.relatedLines = check.claimLines;
  addPriorRefs(views, check.priorLines, edit);
  std::optional<std::int64_t> allowed;
  if (edit.allowedUnits) allowed = *edit.allowedUnits;
  edit.message =
      rule.message.empty()
          ? unitEditStart(line, edit.allowedUnits.value_or(0)) + frequencyWhy(limit, check)
          : messageOf(rule).render(text::MessageContext{
                claim, &claim.lines[line.position - 1], line.position, allowed, {}});
}

void Evaluator::describeUnitEdit(const ir::Rule& rule, const model::Claim& claim,
                                 const Views& views, const engine::LineView& line,
                                 model::Edit& edit) const {
  const engine::EvalFrame frame = views.frame(&line);
  std::optional<std::int64_t> allowed;
  if (edit.allowedUnits) allowed = *edit.allowedUnits;
  text::MessageContext context{claim, &claim.lines[line.position - 1], line.position, allowed, {}};
  const ir::Expr& units = program_.exprs[*rule.units];
  if (units.kind == ir::Expr::Kind::FrequencyServices ||
      units.kind == ir::Expr::Kind::FrequencyUnits)
    return describeFrequencyEdit(rule, claim, views, line, edit);

  const std::int64_t allowedUnits = edit.allowedUnits.value_or(0);
  // A rule's own `message` clause says it in its words; without one, the
  // edit says what decided it, in the one wording of unitEditStart().
  const bool ownMessage = !rule.message.empty();
  if (units.kind == ir::Expr::Kind::TimedUnits) {
    // The other lines whose minutes were pooled with this one's.
    const ir::CodeSet& timed = program_.codeSets[units.set];
    const auto method = static_cast<ir::UnitMethod>(units.value);
    if (views.cache != nullptr) {
      // The day's check already holds them (its timed lines with minutes, in
      // claim order): no code-set lookup per line.
      for (std::uint32_t p : views.cache->day(method, timed, frame).positions)
        if (p != line.position) edit.relatedLines.push_back(p);
    } else {
      for (const engine::LineView& l : views.lines)
        if (&l != &line && l.group == line.group && l.minutes >= 0 && timed.contains(l.code))
          edit.relatedLines.push_back(l.position);
    }
    // Quoted from the claim cache, not copied: most days' edits quote one text.
    std::string storage;
    context.timing = engine::timingSummary(method, timed, frame, storage);
    if (ownMessage) {
      edit.message = messageOf(rule).render(context);
    } else {
      edit.message = unitEditStart(line, allowedUnits);
      edit.message += context.timing;
    }
    return;
  }

  std::vector<std::uint32_t> earlier = earlierLinesOfCode(views.lines, line);
  if (!rule.mueTable) {
    edit.relatedLines = std::move(earlier);
    addPriorRefs(views, priorLinesOfDay(views, line), edit);
    if (ownMessage) {
      edit.message = messageOf(rule).render(context);
    } else {
      edit.message = unitEditStart(line, allowedUnits);
      appendDayLimitWhy(edit.message, units.value, engine::earlierUnitsOfCode(frame),
                        line.priorDayUnits);
    }
    return;
  }
  const ir::MueTable& table = program_.mueTables[*rule.mueTable];
  const ir::MueTable::Row* row = table.find(line.code, line.date);
  if (row == nullptr) {  // no row: the line kept its units, so no edit reaches here
    edit.message = messageOf(rule).render(context);
    return;
  }
  edit.mueIndicator = row->indicator;
  edit.rationale = table.rationales[row->rationale];
  edit.remark = kMueRemark;
  edit.appealable = row->indicator == 3;
  if (!table.source.empty()) edit.rule = "mue_" + model::Code{line.code}.text();
  if (row->indicator != 1) {
    edit.relatedLines = std::move(earlier);
    addPriorRefs(views, priorLinesOfDay(views, line), edit);
  }
  if (ownMessage) {
    edit.message = messageOf(rule).render(context);
  } else {
    edit.message = unitEditStart(line, allowedUnits);
    appendMueWhy(edit.message, *row, engine::earlierUnitsOfCode(frame), line.priorDayUnits);
  }
}

bool Evaluator::rejectMinutesOnUntimed(const model::Claim& claim, const Views& views,
                                       std::vector<model::Edit>& out) const {
  for (const engine::LineView& line : views.lines) {
    if (line.minutes < 0 || !rejectsMinutes(line.code)) continue;
    for (std::uint32_t r : rulesFor(line.code)) {
      const ir::Rule& rule = program_.rules[r];
      if (!rule.rejectsMinutes || !engine_.holds(r, views.frame(&line))) continue;
      // Like a reader's reject: the claim is not evaluated, the message names
      // where it came from and the field.
      model::Edit edit;
      edit.claimId = claim.id;
      edit.rule = rule.id;
      edit.ruleIndex = r;
      edit.action = model::Action::Reject;
      edit.reason = "invalid-input";
      const std::string where =
          claim.origin.file.empty()
              ? std::string()
              : fmt::format("{}:{}: ", claim.origin.file, claim.origin.position);
      const std::string code = model::Code{line.code}.text();
      // The field as the claim readers name it (`lines[1].minutes`, from 0),
      // then the line as people count it.
      edit.message = fmt::format(
          "{}lines[{}].minutes: line {} bills {}, an untimed code (one unit a day, rule {}); "
          "minutes belong only on timed codes",
          where, line.position - 1, line.position, code, rule.id);
      edit.ruleset = program_.name;
      edit.version = program_.version;
      out.push_back(std::move(edit));
      return true;
    }
  }
  return false;
}

}  // namespace edict::eval
