// Pairs written both ways round. `pair 97140 97530` denies 97530 and
// `pair 97530 97140` denies 97140: with both in force, a claim that bills the
// two codes has both lines denied, which is rarely what a policy means. A
// ruleset that reverses a pair it inherits means its own direction: that one
// wins and the inherited one goes, with a warning saying so (`override pair`
// says it without a warning); `keep reverse` on a pair keeps both on purpose.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "frontend/check/check_context.h"

namespace edict::check {

namespace {

bool overlap(const PairRow& a, const PairRow& b) {
  return a.since <= b.until && b.since <= a.until;
}

std::string whereOf(const CheckContext& cx, const std::string& file, const source::Span& span) {
  return file == cx.file() ? fmt::format("line {}", span.line)
                           : fmt::format("{}:{}", file, span.line);
}

/// The first row of an inherited pair table that holds the pair (`column1`,
/// `column2`) on a date `row` is in force, or null.
const ir::PairTable::Row* tableRowOverlapping(const ir::PairTable& table, model::Code column1,
                                              model::Code column2, const PairRow& row) {
  auto it = std::lower_bound(table.rows.begin(), table.rows.end(),
                             std::make_pair(column2.packed, column1.packed),
                             [](const ir::PairTable::Row& r, const auto& key) {
                               return std::make_pair(r.column2, r.column1) < key;
                             });
  for (; it != table.rows.end() && it->column2 == column2.packed && it->column1 == column1.packed;
       ++it)
    if (it->effective <= row.until.days && row.since.days <= it->deletion) return &*it;
  return nullptr;
}

}  // namespace

void checkReversedPairs(CheckContext& cx) {
  auto& items = cx.out().items;
  // What this ruleset wrote (and what it includes, as if written here).
  std::vector<const PairRow*> own;
  for (const Item& item : items)
    if (const auto* row = std::get_if<PairRow>(&item); row != nullptr && !cx.isInherited(row->id))
      own.push_back(row);

  std::set<std::string> giveWay;  // inherited pair ids that this ruleset reverses
  std::set<std::pair<const PairRow*, const PairRow*>> reported;
  for (const PairRow* row : own) {
    if (row->keepReverse || cx.sink().full()) continue;
    const std::string reverseId =
        fmt::format("ptp_{}_{}", row->column2.text(), row->column1.text());
    for (const Item& item : items) {
      if (const auto* other = std::get_if<PairRow>(&item)) {
        if (other->column1 != row->column2 || other->column2 != row->column1 ||
            other->keepReverse || !overlap(*row, *other))
          continue;
        if (cx.isInherited(other->id)) {
          if (!giveWay.insert(other->id).second) continue;
          cx.report(
              diag::Kind::ReversedPair, row->span,
              fmt::format("`pair {} {}` reverses the inherited pair `{}` ({}), so a claim with "
                          "both codes would have both lines denied: this ruleset's direction "
                          "wins, and the inherited pair no longer applies",
                          row->column1.text(), row->column2.text(), other->id,
                          whereOf(cx, other->file, other->span)),
              "write `override pair ...` to replace the inherited direction without this "
              "warning, or add `keep reverse` to keep both directions on purpose");
        } else if (row->span.line > other->span.line || row->file != other->file) {
          // Reported once, at the later of the two.
          if (!reported.insert({std::min(row, other), std::max(row, other)}).second) continue;
          cx.report(diag::Kind::ReversedPair, row->span,
                    fmt::format("`pair {} {}` reverses `{}` ({}): a claim with both codes has "
                                "both lines denied",
                                row->column1.text(), row->column2.text(), other->id,
                                whereOf(cx, other->file, other->span)),
                    "remove one of the two pairs, or add `keep reverse` to one of them to keep "
                    "both directions on purpose");
        }
      } else if (const auto* table = std::get_if<PairTableItem>(&item)) {
        if (!cx.isInherited(table->id) || giveWay.count(reverseId) > 0) continue;
        const auto* found = tableRowOverlapping(table->table, row->column2, row->column1, *row);
        if (found == nullptr) continue;
        giveWay.insert(reverseId);
        cx.report(diag::Kind::ReversedPair, row->span,
                  fmt::format("`pair {} {}` reverses the pair `{}` of the inherited table {} "
                              "({}), so a claim with both codes would have both lines denied: "
                              "this ruleset's direction wins, and the table's row no longer "
                              "applies",
                              row->column1.text(), row->column2.text(), reverseId,
                              table->table.source, whereOf(cx, table->file, table->span)),
                  "write `override pair ...` to replace the inherited direction without this "
                  "warning, or add `keep reverse` to keep both directions on purpose");
      }
    }
  }
  // The rows of the inherited pairs that gave way; `own` points into items,
  // so it is not used after this.
  for (const std::string& id : giveWay) cx.dropInherited(id);
}

}  // namespace edict::check
