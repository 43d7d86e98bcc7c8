// The lookup both back ends make in an MUE table: the row of a code in
// force on a date of service.
#include <algorithm>

#include "ir/program.h"

namespace edict::ir {

const MueTable::Row* MueTable::find(std::uint32_t code, std::int32_t date) const {
  // The last row of `code` that took effect on or before `date`: each row
  // applies until the next quarter's row of the same code replaces it.
  auto after =
      std::upper_bound(rows.begin(), rows.end(), std::make_pair(code, date),
                       [](const std::pair<std::uint32_t, std::int32_t>& key, const Row& r) {
                         return key < std::make_pair(r.code, r.effective);
                       });
  if (after == rows.begin()) return nullptr;
  const Row& row = *std::prev(after);
  return row.code == code ? &row : nullptr;
}

}  // namespace edict::ir
