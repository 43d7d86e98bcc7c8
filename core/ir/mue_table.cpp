// The lookup both back ends make in an MUE table: the row of a code in
// force on a date of service.
#include <algorithm>

#include "core/ir/program.h"

namespace edict::ir {

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
  return row.code == code ? &row : nullptr;
}

void MueTable::buildIndex() {
  byCode_.build(rows.size(), [&](std::size_t i) { return rows[i].code; });
  indexedRows_ = rows.size();
}

}  // namespace edict::ir
