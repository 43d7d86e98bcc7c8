// Writes edit records as a table for people at a terminal: fixed columns,
// long values cut with `…`, the message last and whole. Terminal control
// characters in claim data are replaced, so a claim file cannot drive the
// user's terminal.
#pragma once

#include <string>

#include "runtime/write/record_format.h"

namespace edict::write {

/// The `table` output format.
class TableFormat final : public RecordFormat {
 public:
  [[nodiscard]] std::string header() const override;
  void append(const model::Edit& edit, std::string& out) const override;
};

}  // namespace edict::write
