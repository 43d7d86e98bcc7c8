// Checks `units` statements. `units CODES by METHOD` becomes a modify rule
// whose allowed units are the codes' share of the day's timed minutes;
// `units CODES one per day` a modify rule that keeps one unit of each code a
// day and makes minutes on those codes invalid. Both are ordinary rules
// afterwards: `override` and `disable` reach them by id.
#include <fmt/format.h>

#include <array>

#include "frontend/check/check_context.h"
#include "frontend/diag/suggest.h"

namespace edict::check {

namespace {

struct MethodName {
  const char* word;
  ir::UnitMethod method;
};

constexpr std::array<MethodName, 3> kMethods{{
    {"total_time", ir::UnitMethod::TotalTime},
    {"per_code", ir::UnitMethod::PerCode},
    {"nearest_15", ir::UnitMethod::Rounded},
}};

std::optional<MethodName> methodOf(CheckContext& cx, const ast::Word& word) {
  std::vector<std::string> known;
  for (const MethodName& m : kMethods) {
    if (word.text == m.word) return m;
    known.emplace_back(m.word);
  }
  std::optional<std::string> help;
  if (auto guess = diag::closestMatch(word.text, known))
    help = fmt::format("did you mean `{}`?", *guess);
  else
    help = "use `total_time` (CMS 8-minute rule), `per_code` (AMA) or `nearest_15`";
  cx.report(diag::Kind::UnknownName, word.span,
            fmt::format("`{}` is not a timed-unit method", word.text), help);
  return std::nullopt;
}

}  // namespace

CheckedRule codesRule(CheckContext& cx, const std::string& id, std::uint32_t set,
                      const ast::RuleClauses& clauses, const char* reason,
                      const source::Span& span) {
  ir::Builder& b = cx.builder();
  CheckedRule rule;
  rule.id = id;
  rule.action = model::Action::Modify;
  rule.reason = clauses.reason ? clauses.reason->text : reason;
  rule.predicate = b.inCodeSet(b.field(ir::Binding::Line, ir::LineField::Code), set);
  // Without a `message`, the evaluator says what decided the edit, in the
  // wording every units and limit edit shares.
  if (clauses.message) rule.message = clauses.message->text;
  rule.origin = cx.originOf(span);
  rule.span = span;
  rule.file = cx.file();
  return rule;
}

void checkUnits(CheckContext& cx, const ast::UnitsDecl& decl) {
  auto codes = cx.codeItems(decl.codes);
  std::optional<MethodName> method;
  if (decl.method) method = methodOf(cx, *decl.method);
  const bool timed = decl.method.has_value();
  bool messageOk = true;
  if (decl.clauses.message) messageOk = checkMessage(cx, *decl.clauses.message, false, true, timed);
  const std::string& firstItem = decl.codes.front().first.text;
  const std::string id = decl.clauses.id ? decl.clauses.id->text : "units_" + firstItem;
  if (!codes || (timed && !method) || !messageOk) return cx.poisonId(id);

  ir::Builder& b = cx.builder();
  const std::uint32_t set = b.codeSet(firstItem, *codes);
  CheckedRule rule = codesRule(cx, id, set, decl.clauses, "CO-151", decl.span);
  if (timed) {
    rule.units = b.timedUnits(method->method, set);
  } else {
    rule.units = b.dayLimitUnits(1);
    rule.rejectsMinutes = true;
  }
  rule.unitCodes = *codes;
  indexRule(cx, rule);
  cx.addItem(std::move(rule), decl.isOverride, decl.span);
}

}  // namespace edict::check
