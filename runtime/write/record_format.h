// The output formats of result records (`--format`): how one edit record
// becomes text. Formats are stateless and const, so the batch runner's
// worker threads format records in parallel and the runner only writes the
// text out in input order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/edit.h"

namespace edict::write {

/// Turns edit records into text, one record at a time.
class RecordFormat {
 public:
  virtual ~RecordFormat() = default;
  /// Text written once before the first record (a header row); may be empty.
  [[nodiscard]] virtual std::string header() const { return {}; }
  /// Appends `edit`, with its line ending, to `out`. Thread-safe.
  virtual void append(const model::Edit& edit, std::string& out) const = 0;
};

enum class OutputFormat : std::uint8_t { Jsonl, Csv, Table };

/// `jsonl`, `csv` or `table`; nullopt for other names.
std::optional<OutputFormat> parseOutputFormat(std::string_view name);

/// The format for `format`.
std::unique_ptr<RecordFormat> makeRecordFormat(OutputFormat format);

}  // namespace edict::write
