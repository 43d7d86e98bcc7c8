// Checks `pair` statements: codes, indicator, dates, bypass modifiers,
// reason; and conflicts between rows of the same pair.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/model/ncci_modifiers.h"
#include "frontend/check/check_context.h"

namespace edict::check {

namespace {

std::optional<ast::Indicator> indicatorOf(CheckContext& cx, const ast::IndicatorSpec& spec) {
  if (spec.value) return spec.value;
  const std::string& n = spec.number->text;
  if (n == "0") return ast::Indicator::NotAllowed;
  if (n == "1") return ast::Indicator::Allowed;
  if (n == "9") return ast::Indicator::NotApplicable;
  cx.report(diag::Kind::BadIndicator, spec.number->span,
            fmt::format("`{}` is not a PTP modifier indicator", n),
            "use 0 (never bypassed), 1 (a modifier may bypass) or 9 (not applicable)");
  return std::nullopt;
}

}  // namespace

void checkPair(CheckContext& cx, const ast::PairDecl& pair) {
  auto column1 = cx.code(pair.column1);
  auto column2 = cx.code(pair.column2);
  auto indicator = indicatorOf(cx, pair.indicator);
  std::optional<model::Date> since;
  if (pair.since)
    since = cx.date(*pair.since);
  else
    cx.report(
        diag::Kind::MissingSince, pair.span,
        fmt::format("the pair `{} {}` has no effective date", pair.column1.text, pair.column2.text),
        "add `since YYYY-MM-DD`: the first date of service the row applies to");
  std::optional<model::Date> until;
  if (pair.until) until = cx.date(*pair.until);
  std::optional<std::vector<model::Modifier>> bypass = model::ncciAssociatedModifiers();
  if (pair.bypass) bypass = cx.modifiers(*pair.bypass);

  const std::string id =
      pair.id ? pair.id->text : fmt::format("ptp_{}_{}", pair.column1.text, pair.column2.text);
  if (since && until && *until < *since) {
    cx.report(diag::Kind::InvertedDateRange, pair.until->span,
              fmt::format("the row ends on {} before it starts on {}", until->iso(), since->iso()),
              "`until` is the last date the row applies; it must not precede `since`");
    return cx.poisonId(id);
  }
  if (!column1 || !column2 || !indicator || !since || (pair.until && !until) || !bypass)
    return cx.poisonId(id);

  if (*column1 == *column2)
    cx.report(diag::Kind::PairSameCode, pair.column2.span,
              fmt::format("`{}` is paired with itself, which never fires", pair.column1.text),
              "a code is not denied for being billed with itself; remove the row");
  if (*indicator == ast::Indicator::NotApplicable)
    cx.report(diag::Kind::PairNeverFires, pair.indicator.span,
              fmt::format("the pair `{} {}` has indicator 9 and never fires", pair.column1.text,
                          pair.column2.text),
              "CMS marks deleted pairs with 9; remove the row, or give indicator 0 or 1");

  PairRow row;
  row.id = id;
  row.column1 = *column1;
  row.column2 = *column2;
  row.indicator = *indicator;
  row.rationale = pair.rationale.value_or("");
  row.since = *since;
  if (until) row.until = *until;
  row.bypass = std::move(*bypass);
  row.reason = pair.reason ? pair.reason->text : "CO-236";
  row.origin = cx.originOf(pair.span);
  row.span = pair.span;
  row.file = cx.file();
  row.keepReverse = pair.keepReverse;
  // `override pair 97530 97140` may replace the inherited `97140 97530`.
  if (pair.isOverride && cx.overrideReversedPair(row)) return;
  cx.addItem(std::move(row), pair.isOverride, pair.span);
}

void checkRuleConflicts(CheckContext& cx) {
  const auto& items = cx.out().items;
  // One id, one rule: rows of one pair may share an id, nothing else may.
  std::map<std::string, const Item*> byId;
  for (const Item& item : items) {
    auto [it, inserted] = byId.emplace(idOf(item), &item);
    if (inserted) continue;
    const auto* a = std::get_if<PairRow>(it->second);
    const auto* b = std::get_if<PairRow>(&item);
    if (a != nullptr && b != nullptr && a->column1 == b->column1 && a->column2 == b->column2)
      continue;
    // So may the `limit` statements of one code over time (their dates are
    // checked with the other limits).
    const auto* x = std::get_if<MueTableItem>(it->second);
    const auto* y = std::get_if<MueTableItem>(&item);
    if (x != nullptr && y != nullptr && x->table.source.empty() && y->table.source.empty() &&
        x->table.rows.front().code == y->table.rows.front().code)
      continue;
    const source::Span span = std::visit([](const auto& i) { return i.span; }, item);
    const source::Span first = std::visit([](const auto& i) { return i.span; }, *it->second);
    const std::string file = std::visit([](const auto& i) { return i.file; }, *it->second);
    const std::string where = file == cx.file() ? fmt::format("line {}", first.line)
                                                : fmt::format("{}:{}", file, first.line);
    cx.report(diag::Kind::DuplicateRuleId, span,
              fmt::format("the id `{}` is already used by the rule on {}", idOf(item), where),
              "give this rule its own id");
  }
  // Rows of one pair must not be in force on the same date.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<const PairRow*>> byPair;
  for (const Item& item : items)
    if (const auto* row = std::get_if<PairRow>(&item))
      byPair[{row->column1.packed, row->column2.packed}].push_back(row);
  for (auto& [key, group] : byPair) {
    std::stable_sort(group.begin(), group.end(),
                     [](const PairRow* a, const PairRow* b) { return a->since < b->since; });
    for (std::size_t i = 1; i < group.size(); ++i) {
      const PairRow& earlier = *group[i - 1];
      const PairRow& later = *group[i];
      if (later.since <= earlier.until)
        cx.report(diag::Kind::ConflictingPair, later.span,
                  fmt::format("the pair `{} {}` already has a row in force on {} ({})",
                              later.column1.text(), later.column2.text(), later.since.iso(),
                              earlier.file == cx.file()
                                  ? fmt::format("line {}", earlier.span.line)
                                  : fmt::format("{}:{}", earlier.file, earlier.span.line)),
                  fmt::format("end the earlier row with `until` before {}, or remove one row",
                              later.since.iso()));
    }
  }
}

}  // namespace edict::check
