// A code answers to one unit method and one MUE limit. Two `units`
// statements over one code would pool its minutes twice (or call it timed
// and untimed at once); two limits on one code would give two edits that
// disagree. Both are errors, found once every statement (inherited ones
// included, after overrides and disables) is known.
#include <fmt/format.h>

#include <limits>
#include <map>

#include "frontend/check/check_context.h"

namespace edict::check {

namespace {

std::string whereOf(const CheckContext& cx, const std::string& file, const source::Span& span) {
  return file == cx.file() ? fmt::format("line {}", span.line)
                           : fmt::format("{}:{}", file, span.line);
}

/// The first code two sets of ranges share, if any.
std::optional<std::uint32_t> sharedCode(const CodeRanges& a, const CodeRanges& b) {
  for (const auto& [lo, hi] : a)
    for (const auto& [blo, bhi] : b)
      if (lo <= bhi && blo <= hi) return std::max(lo, blo);
  return std::nullopt;
}

void checkUnitsOverlap(CheckContext& cx) {
  std::vector<const CheckedRule*> seen;
  for (const Item& item : cx.out().items) {
    const auto* rule = std::get_if<CheckedRule>(&item);
    if (rule == nullptr || !rule->unitCodes) continue;
    for (const CheckedRule* earlier : seen)
      if (auto code = sharedCode(*rule->unitCodes, *earlier->unitCodes))
        cx.report(diag::Kind::OverlappingUnits, rule->span,
                  fmt::format("`{}` is already under `{}` ({}): a code has one unit method",
                              model::Code{*code}.text(), earlier->id,
                              whereOf(cx, earlier->file, earlier->span)),
                  "take the code out of one of the two sets, or `override` the earlier statement");
    seen.push_back(rule);
  }
}

/// The dates a `limit` statement's row applies, inclusive.
std::pair<std::int32_t, std::int32_t> datesOf(const MueTableItem& limit) {
  const ir::MueTable::Row& row = limit.table.rows.front();
  return {row.effective, row.deletion};
}

void checkLimitsTwice(CheckContext& cx) {
  // A code's limits: a table's rows (which apply until the next quarter's),
  // or `limit` statements, which may follow each other in time.
  std::map<std::uint32_t, std::vector<const MueTableItem*>> limitedBy;
  for (const Item& item : cx.out().items) {
    const auto* mue = std::get_if<MueTableItem>(&item);
    if (mue == nullptr) continue;
    std::uint32_t last = 0;
    for (const ir::MueTable::Row& row : mue->table.rows) {
      if (row.code == last) continue;  // later quarters of one code in one table
      last = row.code;
      auto& earlier = limitedBy[row.code];
      for (const MueTableItem* other : earlier) {
        const bool bothLimits = mue->table.source.empty() && other->table.source.empty();
        if (cx.sink().full()) return;
        if (!bothLimits) {
          cx.report(
              diag::Kind::ConflictingLimit, mue->span,
              fmt::format("`{}` is already limited by `{}` ({})", model::Code{row.code}.text(),
                          other->id, whereOf(cx, other->file, other->span)),
              "write `override limit ...` to replace an inherited limit, or keep one of the two");
          break;
        }
        const auto [from, through] = datesOf(*mue);
        const auto [otherFrom, otherThrough] = datesOf(*other);
        if (from > otherThrough || otherFrom > through) continue;  // one ends before the other
        const std::int32_t shared = std::max(from, otherFrom);
        cx.report(
            diag::Kind::ConflictingLimit, mue->span,
            shared == std::numeric_limits<std::int32_t>::min()
                ? fmt::format("`{}` is already limited by `{}` ({})", model::Code{row.code}.text(),
                              other->id, whereOf(cx, other->file, other->span))
                : fmt::format("`{}` is already limited on {} by `{}` ({})",
                              model::Code{row.code}.text(), model::Date{shared}.iso(), other->id,
                              whereOf(cx, other->file, other->span)),
            "give the limits dates that do not overlap (`since`, `until`), or write "
            "`override limit ...` to replace an inherited one");
        break;
      }
      earlier.push_back(mue);
    }
  }
}

}  // namespace

void checkUnitConflicts(CheckContext& cx) {
  checkUnitsOverlap(cx);
  checkLimitsTwice(cx);
}

}  // namespace edict::check
