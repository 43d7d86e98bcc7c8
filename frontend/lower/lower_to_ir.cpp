#include "frontend/lower/lower_to_ir.h"

#include <fmt/format.h>

#include <map>

#include "core/ir/builder.h"
#include "core/model/ncci_modifiers.h"
#include "core/text/counted.h"

namespace edict::lower {

namespace {

/// Builds rules into one program, sharing identical modifier sets.
class Lowering {
 public:
  explicit Lowering(ir::Program& program) : program_(program), b_(program) {}

  void lowerPair(const check::PairRow& row) {
    if (row.indicator == ast::Indicator::NotApplicable) return;
    using ir::Binding;
    using ir::CmpOp;
    using ir::LineField;
    std::vector<ir::ExprId> all{
        b_.compare(CmpOp::Eq, b_.field(Binding::Line, LineField::Code),
                   b_.intConst(row.column2.packed)),
        b_.compare(CmpOp::Eq, b_.field(Binding::Other, LineField::Code),
                   b_.intConst(row.column1.packed)),
        b_.compare(CmpOp::Ge, b_.field(Binding::Line, LineField::Date),
                   b_.intConst(row.since.days)),
    };
    if (row.until != model::kEndOfTime)
      all.push_back(b_.compare(CmpOp::Le, b_.field(Binding::Line, LineField::Date),
                               b_.intConst(row.until.days)));
    if (row.indicator == ast::Indicator::Allowed) {
      if (auto bypass = bypassOf(row.bypass)) all.push_back(b_.negate(*bypass));
    }

    ir::Rule rule;
    rule.id = row.id;
    rule.action = model::Action::Deny;
    rule.reason = row.reason;
    rule.message = messageOf(row);
    rule.scope = ir::RuleScope::LineWithOther;
    rule.lineCodes = {row.column2};
    rule.otherCodes = {row.column1};
    rule.predicate = b_.allOf(std::move(all));
    rule.origin = row.origin;
    rule.detail = fmt::format(
        "NCCI pair: column 1 {}, column 2 {}, modifier indicator {}, from {} {}",
        row.column1.text(), row.column2.text(), static_cast<int>(row.indicator), row.since.iso(),
        row.until == model::kEndOfTime ? std::string("with no end") : "through " + row.until.iso());
    program_.rules.push_back(std::move(rule));
  }

  void lowerTable(const check::PairTableItem& item) {
    ir::PairTable table = item.table;
    std::vector<model::Modifier> plain;
    std::vector<model::Modifier> anatomic;
    for (model::Modifier m : item.bypass) (model::isAnatomic(m) ? anatomic : plain).push_back(m);
    if (!plain.empty()) table.plainBypass = static_cast<std::int32_t>(setOf("bypass", plain));
    if (!anatomic.empty())
      table.anatomicBypass = static_cast<std::int32_t>(setOf("anatomic", anatomic));

    ir::Rule rule;
    rule.id = item.id;
    rule.action = model::Action::Deny;
    rule.reason = item.reason;
    rule.scope = ir::RuleScope::LineWithOther;
    for (const auto& row : table.rows)
      if (rule.lineCodes.empty() || rule.lineCodes.back().packed != row.column2)
        rule.lineCodes.push_back(model::Code{row.column2});
    rule.pairTable = static_cast<std::uint32_t>(program_.pairTables.size());
    rule.predicate = b_.aggregate(ir::Expr::Kind::PairTableHolds, *rule.pairTable);
    rule.origin = item.origin;
    program_.pairTables.push_back(std::move(table));
    program_.rules.push_back(std::move(rule));
  }

  void lowerMueTable(const check::MueTableItem& item) {
    ir::Rule rule;
    rule.id = item.id;
    rule.action = model::Action::Modify;
    rule.reason = item.reason;
    rule.message = item.message;
    rule.scope = ir::RuleScope::Line;
    for (const auto& row : item.table.rows)
      if (rule.lineCodes.empty() || rule.lineCodes.back().packed != row.code)
        rule.lineCodes.push_back(model::Code{row.code});
    rule.mueTable = static_cast<std::uint32_t>(program_.mueTables.size());
    // The table decides for every line of its codes: the predicate holds,
    // and the allowed units say whether the line keeps what it billed.
    rule.predicate = b_.boolConst(true);
    rule.units = b_.mueUnits(*rule.mueTable);
    rule.origin = item.origin;
    if (item.table.source.empty() && !item.table.rows.empty()) {
      const auto& row = item.table.rows.front();
      rule.detail = fmt::format(
          "MUE: at most {} of {} {} (indicator {}){}{}", text::counted(row.value, "unit"),
          model::Code{row.code}.text(), row.indicator == 1 ? "per line" : "per day",
          static_cast<int>(row.indicator),
          row.effective == INT32_MIN ? "" : ", from " + model::Date{row.effective}.iso(),
          row.deletion == INT32_MAX ? "" : ", through " + model::Date{row.deletion}.iso());
    } else {
      rule.detail =
          fmt::format("MUE table {} ({})", item.table.source,
                      text::counted(static_cast<std::int64_t>(item.table.rows.size()), "row"));
    }
    program_.mueTables.push_back(item.table);
    program_.rules.push_back(std::move(rule));
  }

 private:
  /// True when a bypass modifier separates the two services: a non-anatomic
  /// one on either line, or anatomic ones naming different sites.
  std::optional<ir::ExprId> bypassOf(const std::vector<model::Modifier>& modifiers) {
    std::vector<model::Modifier> plain;
    std::vector<model::Modifier> anatomic;
    for (model::Modifier m : modifiers) (model::isAnatomic(m) ? anatomic : plain).push_back(m);
    std::vector<ir::ExprId> any;
    if (!plain.empty()) {
      const std::uint32_t set = setOf("bypass", plain);
      any.push_back(b_.hasModifierIn(ir::Binding::Line, set));
      any.push_back(b_.hasModifierIn(ir::Binding::Other, set));
    }
    if (!anatomic.empty()) any.push_back(b_.sitesDiffer(setOf("anatomic", anatomic)));
    if (any.empty()) return std::nullopt;
    return b_.anyOf(std::move(any));
  }

  std::uint32_t setOf(const std::string& name, const std::vector<model::Modifier>& members) {
    auto found = sets_.find(members);
    if (found != sets_.end()) return found->second;
    const std::uint32_t index = b_.modifierSet(fmt::format("{}{}", name, sets_.size()), members);
    sets_.emplace(members, index);
    return index;
  }

  static std::string messageOf(const check::PairRow& row) {
    std::string message = fmt::format("{} is not paid with {} on the same date of service",
                                      row.column2.text(), row.column1.text());
    if (!row.rationale.empty()) message += fmt::format(": {}", row.rationale);
    return message;
  }

  ir::Program& program_;
  ir::Builder b_;
  std::map<std::vector<model::Modifier>, std::uint32_t> sets_;
};

ir::Rule ruleOf(const check::CheckedRule& checked) {
  ir::Rule rule;
  rule.id = checked.id;
  rule.action = checked.action;
  rule.reason = checked.reason;
  rule.message = checked.message;
  rule.scope = checked.onClaim ? ir::RuleScope::Claim : ir::RuleScope::Line;
  rule.units = checked.units;
  rule.lineCodes = checked.lineCodes;
  rule.anyCode = checked.anyCode;
  rule.predicate = checked.predicate;
  rule.rejectsMinutes = checked.rejectsMinutes;
  rule.origin = checked.origin;
  rule.detail = checked.detail;
  return rule;
}

}  // namespace

ir::Program lowerToIr(const check::CheckedRuleset& ruleset) {
  // The checker built the conditions' expressions and sets; pair
  // predicates are appended to the same arena.
  ir::Program program = ruleset.program;
  program.rules.clear();
  program.tests = ruleset.tests;
  program.name = ruleset.name;
  program.title = ruleset.title;
  program.version = ruleset.version;
  program.effectiveFrom = ruleset.effectiveFrom;
  program.effectiveUntil = ruleset.effectiveUntil;
  Lowering lowering(program);
  for (const check::Item& item : ruleset.items) {
    if (const auto* row = std::get_if<check::PairRow>(&item))
      lowering.lowerPair(*row);
    else if (const auto* table = std::get_if<check::PairTableItem>(&item))
      lowering.lowerTable(*table);
    else if (const auto* mue = std::get_if<check::MueTableItem>(&item))
      lowering.lowerMueTable(*mue);
    else
      program.rules.push_back(ruleOf(std::get<check::CheckedRule>(item)));
  }
  return program;
}

}  // namespace edict::lower
