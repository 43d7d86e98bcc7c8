// The look-ups both back ends make in the IR's data: the PTP row of a pair
// and the MUE row of a code in force on a date of service, with the
// indexes that make them one probe (and the filter that spares the JIT most
// probes of pairs without rows), and membership of a code set.
#include <algorithm>

#include "core/ir/program.h"

namespace edict::ir {

namespace {

/// The key of a pair in its table's order: column 2, then column 1.
std::uint64_t pairKey(std::uint32_t column1, std::uint32_t column2) {
  return std::uint64_t{column2} << 32 | column1;
}

}  // namespace

const PairTable::Row* PairTable::find(std::uint32_t column1, std::uint32_t column2,
                                      std::int32_t date) const {
  auto it = rows.begin();
  const std::uint64_t key = pairKey(column1, column2);
  if (byPair_.built() && indexedRows_ == rows.size()) {
    // One probe: most pairs of a claim's codes have no row at all.
    const auto first = byPair_.find(
        key, [&](std::uint32_t i) { return pairKey(rows[i].column1, rows[i].column2); });
    if (!first) return nullptr;
    it += *first;
  } else {
    it = std::lower_bound(rows.begin(), rows.end(), key, [](const Row& r, std::uint64_t k) {
      return pairKey(r.column1, r.column2) < k;
    });
  }
  for (; it != rows.end() && it->column2 == column2 && it->column1 == column1; ++it)
    if (it->effective <= date && date <= it->deletion) return &*it;
  return nullptr;
}

bool PairTable::mayHaveRow(std::uint32_t column1, std::uint32_t column2) const {
  return partnersOf(column2).mayInclude(column1);
}

PairFilter::Partners PairTable::partnersOf(std::uint32_t column2) const {
  // Stale: the filter may lack rows added since.
  if (indexedRows_ != rows.size()) return PairFilter::Partners::all();
  return pairs_.partnersOf(column2);
}

void PairTable::buildIndex() {
  const auto keyAt = [&](std::size_t i) { return pairKey(rows[i].column1, rows[i].column2); };
  byPair_.build(rows.size(), keyAt);
  pairs_.build(
      rows.size(), [&](std::size_t i) { return rows[i].column2; },
      [&](std::size_t i) { return rows[i].column1; });
  indexedRows_ = rows.size();
}

bool CodeSet::contains(std::uint32_t code) const {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), code,
                             [](std::uint32_t c, const auto& r) { return c < r.first; });
  return it != ranges.begin() && code <= std::prev(it)->second;
}

const MueTable::Row* MueTable::find(std::uint32_t code, std::int32_t date) const {
  // The last row of `code` that took effect on or before `date`: each row
  // applies until the next quarter's row of the same code replaces it.
  auto first = rows.begin();
  auto last = rows.end();
  if (byCode_.built() && indexedRows_ == rows.size()) {
    const CodeSpanIndex::Span span = byCode_.find(code);
    if (span.begin == span.end) return nullptr;
    first = rows.begin() + span.begin;
    last = rows.begin() + span.end;
  }
  auto after =
      std::upper_bound(first, last, std::make_pair(code, date),
                       [](const std::pair<std::uint32_t, std::int32_t>& key, const Row& r) {
                         return key < std::make_pair(r.code, r.effective);
                       });
  if (after == first) return nullptr;
  const Row& row = *std::prev(after);
  return row.code == code && date <= row.deletion ? &row : nullptr;
}

void MueTable::buildIndex() {
  byCode_.build(rows.size(), [&](std::size_t i) { return rows[i].code; });
  indexedRows_ = rows.size();
}

}  // namespace edict::ir
