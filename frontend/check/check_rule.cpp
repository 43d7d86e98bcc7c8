// Checks `rule` statements and `require`/`forbid modifier` statements.
#include <fmt/format.h>

#include <algorithm>

#include "core/text/message_template.h"
#include "frontend/check/check_context.h"
#include "frontend/check/check_expr.h"
#include "frontend/check/code_index.h"

namespace edict::check {

namespace {

/// The reason code of a rule; required unless the rule only flags.
std::optional<std::string> reasonOf(CheckContext& cx, const ast::RuleDecl& decl) {
  if (decl.clauses.reason) return decl.clauses.reason->text;
  if (decl.verb == ast::Verb::Flag) return std::string();
  cx.report(diag::Kind::MissingReason, decl.actionSpan,
            fmt::format("the rule `{}` denies, modifies or pends, so it needs a reason code",
                        decl.id.text),
            "add `reason CO-...`: the claim adjustment reason code the payer reports");
  return std::nullopt;
}

}  // namespace

bool checkMessage(CheckContext& cx, const ast::Word& message, bool onClaim, bool modifies,
                  bool timing) {
  bool ok = true;
  const auto& known = text::messagePlaceholders();
  for (const text::Placeholder& placeholder : text::placeholdersIn(message.text)) {
    const std::string& name = placeholder.name;
    if (!placeholder.noun.empty() && !text::quotesNumber(name)) {
      cx.report(
          diag::Kind::UnknownPlaceholder, message.span,
          fmt::format("`{{{} {}}}`: only a number can name what it counts", name, placeholder.noun),
          "write the noun after a number, as in `{line.units units}`, or outside the braces");
      ok = false;
      continue;
    }
    const bool exists = std::find(known.begin(), known.end(), name) != known.end();
    const bool lineOnly = name.rfind("line.", 0) == 0;
    if (!exists || (onClaim && lineOnly) || (!modifies && name == "allowed_units") ||
        (!timing && name == "timing")) {
      std::string list;
      for (std::string_view k : known) list.append(list.empty() ? "" : ", ").append(k);
      cx.report(diag::Kind::UnknownPlaceholder, message.span,
                exists ? fmt::format("`{{{}}}` has no value in this rule", name)
                       : fmt::format("`{{{}}}` is not a value a message can quote", name),
                fmt::format("messages can quote {}; write `{{{{` for a brace", list));
      ok = false;
    }
  }
  return ok;
}

void indexRule(CheckContext& cx, CheckedRule& rule) {
  if (rule.onClaim) return;
  auto constraint = lineCodeConstraint(cx.out().program, rule.predicate);
  if (!constraint) {
    rule.anyCode = true;
    return;
  }
  if (constraint->empty()) {
    cx.report(
        diag::Kind::RuleNeverFires, rule.span,
        fmt::format("the rule `{}` can never fire: no procedure code meets its condition", rule.id),
        "a line has one code; check the `line.code` tests joined with `and`");
    return;
  }
  if (auto codes = indexCodes(*constraint))
    rule.lineCodes = std::move(*codes);
  else
    rule.anyCode = true;
}

namespace {

model::Action actionOf(ast::Verb verb) {
  switch (verb) {
    case ast::Verb::Deny: return model::Action::Deny;
    case ast::Verb::Review: return model::Action::Review;
    case ast::Verb::Flag: return model::Action::Flag;
    case ast::Verb::Modify: return model::Action::Modify;
  }
  return model::Action::Flag;
}

}  // namespace

void checkRule(CheckContext& cx, const ast::RuleDecl& decl) {
  AbsentReads absent;
  const ExprScope scope{decl.onClaim, &absent};
  auto predicate = checkCondition(cx, *decl.condition, scope);
  std::optional<ir::ExprId> units;
  // Units that read an absent value have none: the rule does not fire.
  std::vector<ir::ExprId> unitsKnown;
  if (decl.units) {
    absent.readingUnits = true;
    units = checkUnits(cx, *decl.units, scope, unitsKnown);
  }
  auto reason = reasonOf(cx, decl);
  bool messageOk = true;
  if (decl.clauses.message)
    messageOk = checkMessage(cx, *decl.clauses.message, decl.onClaim, decl.units != nullptr);
  if (!predicate || (decl.units && !units) || !reason || !messageOk)
    return cx.poisonId(decl.id.text);

  CheckedRule rule;
  rule.id = decl.id.text;
  rule.action = actionOf(decl.verb);
  rule.onClaim = decl.onClaim;
  rule.reason = *reason;
  rule.message =
      decl.clauses.message ? decl.clauses.message->text : decl.title.value_or(decl.id.text);
  unitsKnown.insert(unitsKnown.begin(), *predicate);
  rule.predicate = cx.builder().allOf(std::move(unitsKnown));
  rule.units = units;
  rule.origin = cx.originOf(decl.span);
  rule.span = decl.span;
  rule.file = cx.file();
  indexRule(cx, rule);
  reportAbsentReads(cx, rule.id, absent);
  cx.addItem(std::move(rule), decl.isOverride, decl.span);
}

void checkModifierRule(CheckContext& cx, const ast::ModifierRule& decl) {
  auto members = cx.modifiers(decl.modifiers);
  auto codes = cx.codeItems(decl.codes);
  std::optional<ir::ExprId> condition;
  AbsentReads absent;
  if (decl.condition) condition = checkCondition(cx, *decl.condition, ExprScope{false, &absent});
  bool messageOk = true;
  if (decl.clauses.message) messageOk = checkMessage(cx, *decl.clauses.message, false, false);
  const std::string id =
      decl.clauses.id ? decl.clauses.id->text
                      : fmt::format("{}_modifier_{}_on_{}", decl.require ? "require" : "forbid",
                                    decl.modifiers.front().text, decl.codes.front().first.text);
  if (!members || !codes || (decl.condition && !condition) || !messageOk) return cx.poisonId(id);

  ir::Builder& b = cx.builder();
  const std::string modifierList = [&] {
    std::string out;
    for (std::size_t i = 0; i < members->size(); ++i)
      out.append(i == 0                     ? ""
                 : i + 1 == members->size() ? " or "
                                            : ", ")
          .append((*members)[i].text());
    return out;
  }();
  std::vector<ir::ExprId> all{
      b.inCodeSet(b.field(ir::Binding::Line, ir::LineField::Code), b.codeSet("codes", *codes))};
  if (condition) all.push_back(*condition);
  const ir::ExprId has = b.hasModifierIn(ir::Binding::Line, b.modifierSet("modifiers", *members));
  all.push_back(decl.require ? b.negate(has) : has);

  CheckedRule rule;
  rule.id = id;
  rule.action = model::Action::Deny;
  rule.reason = decl.clauses.reason ? decl.clauses.reason->text : "CO-4";
  rule.message = decl.clauses.message ? decl.clauses.message->text
                 : decl.require
                     ? fmt::format("{{line.code}} needs modifier {}", modifierList)
                     : fmt::format("{{line.code}} may not carry modifier {}", modifierList);
  rule.predicate = b.allOf(std::move(all));
  rule.origin = cx.originOf(decl.span);
  rule.span = decl.span;
  rule.file = cx.file();
  indexRule(cx, rule);
  reportAbsentReads(cx, rule.id, absent);
  cx.addItem(std::move(rule), decl.isOverride, decl.span);
}

}  // namespace edict::check
