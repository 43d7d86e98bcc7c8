#include "runtime/explain/explainer.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "backends/interp/interpreter.h"
#include "core/ir/expr_text.h"
#include "core/text/counted.h"
#include "runtime/eval/evaluator.h"
#include "runtime/explain/unit_explanation.h"

namespace edict::explain {

namespace {

std::string lineSummary(const model::Line& line) {
  std::string out = line.code.text();
  for (std::uint8_t i = 0; i < line.modifierCount; ++i)
    out.append(" ").append(line.modifiers[i].text());
  out += ", " + text::counted(line.units, "unit");
  if (line.minutes) out += ", " + text::counted(*line.minutes, "minute");
  out.append(", ").append(line.date.iso());
  return out;
}

/// Whether `id` reads the modifiers of `binding` (line or other).
bool readsModifiers(const ir::Program& p, ir::ExprId id, ir::Binding binding) {
  const ir::Expr& e = p.exprs[id];
  using Kind = ir::Expr::Kind;
  if (e.kind == Kind::HasModifierIn && e.binding == binding) return true;
  if (e.kind == Kind::SitesDiffer || e.kind == Kind::PairTableHolds) return true;
  return std::any_of(e.operands.begin(), e.operands.end(),
                     [&](ir::ExprId op) { return readsModifiers(p, op, binding); });
}

/// Whether `id` tests the claim's diagnoses.
bool readsDiagnoses(const ir::Program& p, ir::ExprId id) {
  const ir::Expr& e = p.exprs[id];
  if (e.kind == ir::Expr::Kind::DiagnosisAny) return true;
  return std::any_of(e.operands.begin(), e.operands.end(),
                     [&](ir::ExprId op) { return readsDiagnoses(p, op); });
}

std::string modifiersOf(const engine::LineView* line) {
  std::string out;
  for (std::uint16_t m : line->modifiers)
    if (m != 0) out.append(out.empty() ? "" : " ").append(model::Modifier{m}.text());
  return out.empty() ? "none" : out;
}

/// `97140 GP, 2026-11-02, 1 unit paid of 1 billed, provider 1234567893`.
std::string priorSummary(const model::PriorLine& prior) {
  std::string out = prior.code.text();
  for (std::uint8_t i = 0; i < prior.modifierCount; ++i)
    out.append(" ").append(prior.modifiers[i].text());
  return out + fmt::format(", {}, {} paid of {} billed{}", prior.date.iso(),
                           text::counted(prior.allowedUnits, "unit"), prior.billedUnits,
                           prior.providerNpi.empty() ? "" : ", provider " + prior.providerNpi);
}

class Explainer {
 public:
  Explainer(const ir::Program& program, const model::Claim& claim,
            const model::ClaimHistory* history)
      : program_(program),
        claim_(claim),
        history_(history),
        interpreter_(program),
        evaluator_(program, interpreter_) {
    evaluator_.buildViews(claim, views_, history);
  }

  void header(std::string& out) const {
    out += fmt::format("claim {} under {} {}\n", claim_.id, program_.name, program_.version);
    for (std::size_t i = 0; i < claim_.lines.size(); ++i)
      out += fmt::format("  line {}: {}\n", i + 1, lineSummary(claim_.lines[i]));
  }

  /// Each condition of `rule` on `frame`: met or not, and what it read.
  void conditions(std::string& out, const ir::Rule& rule, const engine::EvalFrame& frame,
                  bool onlyFailed) const {
    for (ir::ExprId c : ir::conjuncts(program_, rule.predicate)) {
      const bool met = interpreter_.value(c, frame) != 0;
      if (onlyFailed && met) continue;
      std::string read = ir::fieldsRead(
          program_, c, [&](ir::ExprId f) { return interpreter_.value(f, frame); },
          [&](const ir::Expr& field) { return textOf(field, frame); });
      for (ir::Binding b : {ir::Binding::Line, ir::Binding::Other}) {
        const engine::LineView* view = b == ir::Binding::Line ? frame.line : frame.other;
        if (view != nullptr && readsModifiers(program_, c, b))
          read += fmt::format("{}{}.modifiers = {}", read.empty() ? "" : ", ",
                              b == ir::Binding::Line ? "line" : "other", modifiersOf(view));
      }
      if (readsDiagnoses(program_, c))
        read += fmt::format("{}claim.diagnoses = {}", read.empty() ? "" : ", ",
                            claim_.diagnoses.empty()
                                ? std::string("none")
                                : fmt::format("{}", fmt::join(claim_.diagnoses, " ")));
      out += fmt::format("      {}  {}{}\n", met ? "yes" : "NO ", ir::exprText(program_, c),
                         read.empty() ? "" : "    [" + read + "]");
    }
  }

  /// A text field as the claim gives it (payer, place of service, provider).
  std::string textOf(const ir::Expr& field, const engine::EvalFrame& frame) const {
    if (field.binding == ir::Binding::Claim) {
      switch (field.claimField) {
        case ir::ClaimField::Payer: return claim_.payer;
        case ir::ClaimField::PlaceOfService: return claim_.placeOfService;
        case ir::ClaimField::Provider: return claim_.providerNpi;
        default: return "";
      }
    }
    const engine::LineView* view = field.binding == ir::Binding::Line ? frame.line : frame.other;
    if (view == nullptr || view->position == 0) return "";  // none, or a prior line
    const model::Line& line = claim_.lines[view->position - 1];
    if (field.lineField == ir::LineField::PlaceOfService)
      return line.placeOfService.empty() ? claim_.placeOfService : line.placeOfService;
    if (field.lineField == ir::LineField::Provider) return claim_.providerOf(line);
    return "";
  }

  void tableRow(std::string& out, const ir::Rule& rule, const engine::LineView& line,
                const engine::LineView& other) const {
    const ir::PairTable& table = program_.pairTables[*rule.pairTable];
    const auto* row = table.find(other.code, line.code, line.date);
    if (row == nullptr) {
      out += fmt::format("      no row of {} for {} then {} on {}\n", table.source,
                         model::Code{other.code}.text(), model::Code{line.code}.text(),
                         model::Date{line.date}.iso());
      return;
    }
    out += fmt::format(
        "      row of {}: column 1 {}, column 2 {}, modifier indicator {}, from {} {}{}\n",
        table.source, model::Code{row->column1}.text(), model::Code{row->column2}.text(),
        static_cast<int>(row->indicator), model::Date{row->effective}.iso(),
        row->deletion == INT32_MAX ? std::string("with no end")
                                   : "through " + model::Date{row->deletion}.iso(),
        table.rationales[row->rationale].empty() ? ""
                                                 : " (" + table.rationales[row->rationale] + ")");
  }

  void edit(std::string& out, const model::Edit& e) const {
    if (!e.ruleIndex) {  // a line dated outside the effective dates: no rule judged it
      out += fmt::format("\nline {}: {} {}\n  \"{}\"\n", *e.line, model::actionName(e.action),
                         e.rule, e.message);
      return;
    }
    const ir::Rule& rule = program_.rules[*e.ruleIndex];
    out += fmt::format("\n{}: {} {}{} ({})\n", e.line ? fmt::format("line {}", *e.line) : "claim",
                       model::actionName(e.action), e.rule,
                       e.reason.empty() ? "" : " reason " + e.reason, rule.origin);
    out += fmt::format("  \"{}\"\n", e.message);
    if (e.allowedUnits)
      out += fmt::format("  units: {} billed, {} allowed\n", *e.billedUnits, *e.allowedUnits);
    if (!rule.detail.empty()) out += "  " + rule.detail + "\n";
    // The lines of earlier claims that made it fire (claim, line, code, date, units).
    if (!e.relatedPrior.empty()) out += "  lines of earlier claims it counted:\n";
    for (const model::PriorLineRef& ref : e.relatedPrior)
      if (const model::PriorLine* prior = priorLine(ref))
        out +=
            fmt::format("    claim {} line {}: {}\n", ref.claimId, ref.line, priorSummary(*prior));
    // Unit methods and limits: this rule's arithmetic (minutes, units,
    // allocation; or the limit and the day's lines), headed by its id.
    if (e.line && (rule.units || rule.mueTable))
      out += indented(explain::explainUnits(program_, claim_, *e.line, *e.ruleIndex, history_), 2);
    // A `modify` rule's own units expression, with the values it read.
    if (e.line && rule.units && !rule.mueTable) {
      const ir::Expr::Kind kind = program_.exprs[*rule.units].kind;
      if (kind != ir::Expr::Kind::TimedUnits && kind != ir::Expr::Kind::DayLimitUnits &&
          kind != ir::Expr::Kind::FrequencyServices && kind != ir::Expr::Kind::FrequencyUnits) {
        const engine::EvalFrame frame = views_.frame(views_.at(*e.line));
        const std::string read = ir::fieldsRead(
            program_, *rule.units, [&](ir::ExprId f) { return interpreter_.value(f, frame); },
            [&](const ir::Expr& field) { return textOf(field, frame); });
        out += fmt::format("  allowed units: {} = {}{}\n", ir::exprText(program_, *rule.units),
                           interpreter_.value(*rule.units, frame),
                           read.empty() ? "" : "    [" + read + "]");
      }
    }
    const engine::LineView* line = e.line ? views_.at(*e.line) : nullptr;
    if (rule.scope == ir::RuleScope::LineWithOther) {
      for (std::uint32_t position : e.relatedLines) {
        const engine::LineView& other = *views_.at(position);
        out += fmt::format("  {} with line {} ({}):\n", e.rule, position,
                           model::Code{other.code}.text());
        if (rule.pairTable) tableRow(out, rule, *line, other);
        conditions(out, rule, views_.frame(line, &other), false);
      }
      // Prior lines of the day: column 1 before this column 2, or column 2
      // paid before this column 1 (the later line is the one edited).
      for (const model::PriorLineRef& ref : e.relatedPrior) {
        const engine::LineView* prior = priorView(ref);
        if (prior == nullptr) continue;
        const bool forward = interpreter_.holds(*e.ruleIndex, views_.frame(line, prior));
        out += fmt::format("  {} with claim {} line {} ({}){}:\n", e.rule, ref.claimId, ref.line,
                           model::Code{prior->code}.text(),
                           forward ? ""
                                   : ", paid before as column 2 (`line` below is that line, "
                                     "`other` this one)");
        const engine::LineView& column2 = forward ? *line : *prior;
        const engine::LineView& column1 = forward ? *prior : *line;
        if (rule.pairTable) tableRow(out, rule, column2, column1);
        conditions(out, rule, views_.frame(&column2, &column1), false);
      }
    } else if (program_.exprs[rule.predicate].kind != ir::Expr::Kind::BoolConst) {
      // (A limit's condition is `true`: its table decides, as shown above.)
      out += fmt::format("  {} applies because:\n", e.rule);
      conditions(out, rule, views_.frame(line), false);
    }
  }

  void whyNot(std::string& out, const std::string& id,
              const std::vector<model::Edit>& fired) const {
    out += fmt::format("\nwhy not {}:\n", id);
    bool any = false;
    for (std::uint32_t r = 0; r < program_.rules.size(); ++r) {
      const ir::Rule& rule = program_.rules[r];
      const bool tableRow = rule.pairTable && id.rfind("ptp_", 0) == 0;
      if (rule.id != id && !tableRow) continue;
      if (tableRow && !tableHasPair(*rule.pairTable, id)) continue;
      any = true;
      whyNotRule(out, r, fired);
    }
    if (!any) out += "  no rule of this ruleset has that id\n";
  }

 private:
  /// The history's line `ref`, or null.
  const model::PriorLine* priorLine(const model::PriorLineRef& ref) const {
    if (history_ == nullptr) return nullptr;
    for (const model::PriorLine& prior : history_->lines)
      if (prior.claimId == ref.claimId && prior.line == ref.line) return &prior;
    return nullptr;
  }

  /// The view of the history's line `ref` (paid lines only), or null.
  const engine::LineView* priorView(const model::PriorLineRef& ref) const {
    const auto& sources = views_.history.sources;
    for (std::size_t i = 0; i < sources.size(); ++i)
      if (sources[i]->claimId == ref.claimId && sources[i]->line == ref.line)
        return &views_.history.lines[i];
    return nullptr;
  }

  bool tableHasPair(std::uint32_t table, const std::string& id) const {
    for (const auto& row : program_.pairTables[table].rows)
      if (id == fmt::format("ptp_{}_{}", model::Code{row.column1}.text(),
                            model::Code{row.column2}.text()))
        return true;
    return false;
  }

  void whyNotRule(std::string& out, std::uint32_t r, const std::vector<model::Edit>& fired) const {
    const ir::Rule& rule = program_.rules[r];
    out +=
        fmt::format("  rule at {}{}\n", rule.origin, rule.detail.empty() ? "" : ": " + rule.detail);
    if (rule.scope == ir::RuleScope::Claim) {
      const bool held = interpreter_.holds(r, views_.frame(nullptr));
      out += held ? "    it fired on the claim\n"
                  : "    on the claim, these conditions do not hold:\n";
      if (!held) conditions(out, rule, views_.frame(nullptr), true);
      return;
    }
    for (std::uint32_t position = 1; position <= claim_.lines.size(); ++position) {
      if (views_.at(position) == nullptr)
        out += fmt::format("    line {} ({}): dated {}, outside the ruleset's effective dates\n",
                           position, claim_.lines[position - 1].code.text(),
                           claim_.lines[position - 1].date.iso());
    }
    for (const engine::LineView& line : views_.lines) {
      const auto& indexed = evaluator_.rulesFor(line.code);
      if (std::find(indexed.begin(), indexed.end(), r) == indexed.end()) {
        out += fmt::format("    line {} ({}): the rule is not about this code\n", line.position,
                           model::Code{line.code}.text());
        continue;
      }
      const bool didFire = std::any_of(fired.begin(), fired.end(), [&](const model::Edit& e) {
        return e.ruleIndex == r && e.line == line.position;
      });
      if (didFire) {
        out += fmt::format("    line {} ({}): it fired\n", line.position,
                           model::Code{line.code}.text());
        continue;
      }
      if (rule.scope == ir::RuleScope::Line) {
        out += fmt::format("    line {} ({}): these conditions do not hold:\n", line.position,
                           model::Code{line.code}.text());
        conditions(out, rule, views_.frame(&line), true);
        continue;
      }
      bool sameDay = false;
      for (const engine::LineView& other : views_.lines) {
        if (&other == &line || other.group != line.group) continue;
        sameDay = true;
        out += fmt::format("    line {} ({}) with line {} ({}):\n", line.position,
                           model::Code{line.code}.text(), other.position,
                           model::Code{other.code}.text());
        if (rule.pairTable) tableRow(out, rule, line, other);
        conditions(out, rule, views_.frame(&line, &other), true);
      }
      if (!sameDay)
        out += fmt::format("    line {} ({}): no other line of the same provider and date\n",
                           line.position, model::Code{line.code}.text());
    }
  }

  const ir::Program& program_;
  const model::Claim& claim_;
  const model::ClaimHistory* history_;
  interp::Interpreter interpreter_;
  eval::Evaluator evaluator_;
  eval::Evaluator::Views views_;

 public:
  const eval::Evaluator& evaluator() const { return evaluator_; }
};

}  // namespace

std::vector<std::string> editIds(const ir::Program& program) {
  std::vector<std::string> ids;
  for (const ir::Rule& rule : program.rules) {
    ids.push_back(rule.id);
    if (rule.pairTable)
      for (const auto& row : program.pairTables[*rule.pairTable].rows)
        ids.push_back(fmt::format("ptp_{}_{}", model::Code{row.column1}.text(),
                                  model::Code{row.column2}.text()));
    if (rule.mueTable && !program.mueTables[*rule.mueTable].source.empty())
      for (const auto& row : program.mueTables[*rule.mueTable].rows)
        ids.push_back("mue_" + model::Code{row.code}.text());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::string explainClaim(const ir::Program& program, const model::Claim& claim,
                         const ExplainRequest& request) {
  std::string out;
  if (claim.lines.empty()) return fmt::format("claim {} has no lines\n", claim.id);
  Explainer explainer(program, claim, request.history);
  explainer.header(out);
  std::vector<model::Edit> edits;
  explainer.evaluator().evaluate(claim, edits, request.history);
  if (edits.empty()) out += "\nno edit fired\n";
  for (const model::Edit& e : edits) explainer.edit(out, e);
  if (request.whyNot) explainer.whyNot(out, *request.whyNot, edits);
  return out;
}

}  // namespace edict::explain
