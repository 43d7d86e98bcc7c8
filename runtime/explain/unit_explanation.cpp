#include "runtime/explain/unit_explanation.h"

#include <fmt/format.h>

#include <algorithm>

#include "backends/interp/interpreter.h"
#include "core/engine/history_limits.h"
#include "core/engine/history_view.h"
#include "core/engine/unit_limits.h"
#include "core/text/counted.h"
#include "runtime/eval/evaluator.h"
#include "runtime/explain/timing_explanation.h"

namespace edict::explain {

namespace {

std::string unitsText(std::int64_t n) {
  return text::counted(n, "unit");
}

/// The lines of the line's code on its day, each with its units, and what a
/// limit of `perDay` leaves the line after the earlier ones.
std::string dayLimitText(const eval::Evaluator::Views& views, const engine::LineView& line,
                         std::int64_t perDay) {
  const std::string code = model::Code{line.code}.text();
  std::string out = fmt::format("  {} on {}:", code, model::Date{line.date}.iso());
  std::int64_t total = 0;
  for (const engine::LineView& l : views.lines)
    if (l.group == line.group && l.code == line.code) {
      out += fmt::format(" line {} {},", l.position, unitsText(l.units));
      total += l.units;
    }
  out.back() = ';';
  out += fmt::format(" {} in all\n", unitsText(total));
  const std::int64_t earlier = engine::earlierUnitsOfCode(views.frame(&line));
  if (line.priorDayUnits > 0) {
    out += fmt::format(
        "  earlier claims were paid {} of {} that day:", unitsText(line.priorDayUnits), code);
    const auto& prior = views.history.lines;
    for (std::size_t i = 0; i < prior.size(); ++i)
      if (prior[i].group == line.group && prior[i].code == line.code)
        out += fmt::format(" claim {} line {} ({}),", views.history.sources[i]->claimId,
                           views.history.sources[i]->line, unitsText(prior[i].units));
    out.back() = '\n';
  }
  const std::int64_t before = earlier + line.priorDayUnits;
  out += fmt::format("  earlier {} keep theirs first: {} before line {}, {} left for it\n",
                     line.priorDayUnits > 0 ? "claims and lines" : "lines", unitsText(before),
                     line.position, unitsText(std::max<std::int64_t>(0, perDay - before)));
  return out;
}

/// A frequency limit: the window that decided, what was paid in it, and by which lines.
std::string frequencyText(const ir::Program& program, const ir::Expr& e,
                          const eval::Evaluator::Views& views, const engine::LineView& line) {
  const engine::FrequencyLimit limit{&program.codeSets[e.set], e.value,
                                     program.exprs[e.operands[0]].value,
                                     e.kind == ir::Expr::Kind::FrequencyUnits};
  const engine::FrequencyCheck check = engine::frequencyCheck(limit, views.frame(&line));
  const std::string what = limit.units ? "unit" : "service";
  std::string out = fmt::format("  at most {} {}; the window that decides: {} through {}\n",
                                text::counted(limit.max, what),
                                limit.window == ir::kCalendarYear
                                    ? std::string("a calendar year")
                                    : fmt::format("in any {}", text::counted(limit.window, "day")),
                                model::Date{check.first}.iso(), model::Date{check.last}.iso());
  if (check.claimLines.empty() && check.priorLines.empty()) {
    out += "  nothing of these codes was paid in it before this line\n";
    return out;
  }
  out +=
      fmt::format("  paid in it before this line ({} in all):\n", text::counted(check.used, what));
  for (std::uint32_t i : check.priorLines) {
    const model::PriorLine& prior = *views.history.sources[i];
    out += fmt::format("    claim {} line {}: {}, {}, {} paid\n", prior.claimId, prior.line,
                       prior.code.text(), prior.date.iso(), unitsText(prior.allowedUnits));
  }
  for (std::uint32_t position : check.claimLines) {
    const engine::LineView& l = *views.at(position);
    out += fmt::format("    line {} of this claim: {}, {}, {} billed\n", position,
                       model::Code{l.code}.text(), model::Date{l.date}.iso(), unitsText(l.units));
  }
  return out;
}

std::string timedText(const ir::Program& program, const ir::Expr& e,
                      const eval::Evaluator::Views& views, const engine::LineView& line) {
  if (line.minutes < 0)
    return fmt::format("  line {} gives no minutes: it cannot be checked and keeps its units\n",
                       line.position);
  std::vector<std::uint32_t> positions;
  const engine::EvalFrame frame = views.frame(&line);
  const auto lines = engine::timedLinesOfDay(program.codeSets[e.set], frame, positions);
  const units::TimingCheck check =
      units::checkTiming(engine::unitsMethod(static_cast<ir::UnitMethod>(e.value)), lines);
  return indented(explain::explainTiming(check, lines, positions), 2);
}

std::string mueText(const ir::Program& program, const ir::Expr& e,
                    const eval::Evaluator::Views& views, const engine::LineView& line) {
  const ir::MueTable& table = program.mueTables[e.set];
  const auto* row = table.find(line.code, line.date);
  const std::string code = model::Code{line.code}.text();
  if (row == nullptr)
    return fmt::format("  no MUE row for {} on {}: no limit\n", code, model::Date{line.date}.iso());
  std::string out = fmt::format(
      "  MUE {} of {}: indicator {} ({}){}{}\n", row->value, code, static_cast<int>(row->indicator),
      engine::mueIndicatorLabel(row->indicator),
      table.rationales[row->rationale].empty() ? "" : ", ", table.rationales[row->rationale]);
  if (row->indicator == 1)
    return out + fmt::format(
                     "  the line is judged alone: {} billed against at most {}; more "
                     "denies the whole line\n",
                     unitsText(line.units), row->value);
  return out + dayLimitText(views, line, row->value);
}

}  // namespace

std::string indented(const std::string& text, std::size_t spaces) {
  std::string out;
  bool lineStart = true;
  for (char c : text) {
    if (lineStart) out.append(spaces, ' ');
    out.push_back(c);
    lineStart = c == '\n';
  }
  return out;
}

std::string explainUnits(const ir::Program& program, const model::Claim& claim, std::uint32_t line,
                         std::optional<std::uint32_t> onlyRule,
                         const model::ClaimHistory* history) {
  if (line == 0 || line > claim.lines.size()) return "";
  const interp::Interpreter interpreter(program);
  const eval::Evaluator evaluator(program, interpreter);
  eval::Evaluator::Views views;
  evaluator.buildViews(claim, views, history);
  if (views.at(line) == nullptr) return "";  // outside the effective dates
  const engine::LineView& view = *views.at(line);
  const engine::EvalFrame frame = views.frame(&view);
  std::string out;
  for (std::uint32_t r : evaluator.rulesFor(view.code)) {
    if (onlyRule && r != *onlyRule) continue;
    const ir::Rule& rule = program.rules[r];
    if (!rule.units) continue;
    const ir::Expr& e = program.exprs[*rule.units];
    using Kind = ir::Expr::Kind;
    const bool frequency = e.kind == Kind::FrequencyServices || e.kind == Kind::FrequencyUnits;
    if (e.kind != Kind::TimedUnits && e.kind != Kind::DayLimitUnits && e.kind != Kind::MueUnits &&
        !frequency)
      continue;
    if (!interpreter.holds(r, frame)) continue;
    // A row of a table read from a file is its own rule to the analyst.
    const bool tableRow = rule.mueTable && !program.mueTables[*rule.mueTable].source.empty();
    out += tableRow ? fmt::format("mue_{0} (a row of {1}, {2}), line {3} ({0}):\n",
                                  model::Code{view.code}.text(), rule.id, rule.origin, line)
                    : fmt::format("{} ({}), line {} ({}):\n", rule.id, rule.origin, line,
                                  model::Code{view.code}.text());
    if (e.kind == Kind::TimedUnits)
      out += timedText(program, e, views, view);
    else if (e.kind == Kind::MueUnits)
      out += mueText(program, e, views, view);
    else if (frequency)
      out += frequencyText(program, e, views, view);
    else
      out += fmt::format("  at most {} a day\n", unitsText(e.value)) +
             dayLimitText(views, view, e.value);
    const std::int64_t allowed = std::max<std::int64_t>(0, interpreter.units(r, frame));
    out += fmt::format("  line {}: billed {}, allowed {}: {}\n", line, view.units,
                       std::min<std::int64_t>(allowed, view.units),
                       allowed >= view.units ? "no edit"
                       : allowed == 0        ? "deny"
                                             : "modify");
  }
  return out;
}

}  // namespace edict::explain
