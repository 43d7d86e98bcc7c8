// Checks frequency limits (`limit 97161..97163 max 1 per 30 days`, `limit
// 97110 max 12 units per 7 days`, `limit evaluations max 3 per calendar
// year`) and the windows of dates they and `history.count(..., within ...)`
// count over. A frequency limit becomes a modify rule whose allowed units
// the runtime works out from the claim history (core/engine/history_limits.h);
// `override` and `disable` reach it by id, `freq_FIRSTITEM_30_days`.
#include <fmt/format.h>

#include <algorithm>

#include "core/text/counted.h"
#include "frontend/check/check_context.h"
#include "frontend/diag/suggest.h"

namespace edict::check {

namespace {

/// The id's tail that names the window: `30_days`, `calendar_year`.
std::string windowWords(std::int64_t window) {
  if (window == ir::kCalendarYear) return "calendar_year";
  return fmt::format("{}_day{}", window, window == 1 ? "" : "s");
}

}  // namespace

std::optional<std::int64_t> checkWindow(CheckContext& cx, const ast::Window& window) {
  const std::string& t = window.amount.text;
  if (window.kind == ast::Window::Kind::Calendar) {
    if (t == "year") return ir::kCalendarYear;
    const auto guess = diag::closestMatch(t, {"year"});
    cx.report(diag::Kind::UnknownPeriod, window.amount.span,
              fmt::format("`calendar {}` is not a period edict knows", t),
              guess ? fmt::format("did you mean `calendar {}`?", *guess)
                    : std::string("write `calendar year`, or a number of days such as `30 days`"));
    return std::nullopt;
  }
  const bool digits =
      !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::string example = "a window is a number of days from 1 to 3660, such as `30 days`";
  if (!digits) {
    cx.report(diag::Kind::BadWindow, window.amount.span,
              fmt::format("`{}` is not a number of days", t), example);
    return std::nullopt;
  }
  const std::int64_t days = t.size() > 6 ? ir::kMaxWindowDays + 1 : std::stoll(t);
  if (window.negative || days == 0) {
    cx.report(diag::Kind::BadWindow, window.span,
              fmt::format("a window of {}{} days holds no date", window.negative ? "-" : "", t),
              example);
    return std::nullopt;
  }
  if (days > ir::kMaxWindowDays) {
    cx.report(diag::Kind::BadWindow, window.amount.span,
              fmt::format("a window of {} days is longer than ten years", t), example);
    return std::nullopt;
  }
  return days;
}

void checkFrequency(CheckContext& cx, const ast::FrequencyDecl& decl) {
  auto codes = cx.codeItems(decl.codes);
  auto value = limitValue(cx, decl.value,
                          decl.countsUnits ? "limit 97110 max 12 units per 7 days"
                                           : "limit 97161..97163 max 1 per 30 days");
  auto window = checkWindow(cx, decl.window);
  bool messageOk = true;
  if (decl.clauses.message) messageOk = checkMessage(cx, *decl.clauses.message, false, true);
  const std::string& firstItem = decl.codes.front().first.text;
  const std::string id =
      decl.clauses.id
          ? decl.clauses.id->text
          : fmt::format("freq_{}_{}", firstItem,
                        window ? windowWords(*window)
                               : std::string(decl.window.kind == ast::Window::Kind::Days
                                                 ? decl.window.amount.text + "_days"
                                                 : "calendar_" + decl.window.amount.text));
  if (!codes || !value || !window || !messageOk) return cx.poisonId(id);

  ir::Builder& b = cx.builder();
  const std::uint32_t set = b.codeSet(firstItem, *codes);
  // CARC 119: "benefit maximum for this time period or occurrence has been reached".
  CheckedRule rule = codesRule(cx, id, set, decl.clauses, "CO-119", decl.span);
  rule.units = b.frequencyUnits(decl.countsUnits, set, *window, *value);
  std::string written;
  for (const ast::CodeItem& item : decl.codes)
    written.append(written.empty() ? "" : " ")
        .append(item.first.text)
        .append(item.last ? ".." + item.last->text : "");
  rule.detail = fmt::format(
      "frequency limit: at most {} of {} paid to the patient {}, earlier claims counted",
      text::counted(*value, decl.countsUnits ? "unit" : "service"), written,
      *window == ir::kCalendarYear ? std::string("in a calendar year")
                                   : fmt::format("in any {} days", *window));
  indexRule(cx, rule);
  cx.addItem(std::move(rule), decl.isOverride, decl.span);
}

}  // namespace edict::check
