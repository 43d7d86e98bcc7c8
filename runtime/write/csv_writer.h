// Writes edit records as CSV (RFC 4180) for spreadsheets: a header row, then
// one row per record with the JSON Lines fields as columns.
#pragma once

#include <string>
#include <string_view>

#include "runtime/write/record_format.h"

namespace edict::write {

/// The `csv` output format.
class CsvFormat final : public RecordFormat {
 public:
  [[nodiscard]] std::string header() const override;
  void append(const model::Edit& edit, std::string& out) const override;
};

/// Appends `text` as one CSV field: quoted when it holds a comma, a quote
/// or a line break; prefixed with `'` when a spreadsheet would take it for
/// a formula (it starts with `=`, `+`, `-` or `@`), since claim files are
/// untrusted and these cells are opened by people.
void appendCsvField(std::string& out, std::string_view text);

}  // namespace edict::write
