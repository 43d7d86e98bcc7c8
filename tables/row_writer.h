// Writing edict's table files: rows go to a buffer that is handed to the
// stream a megabyte at a time, and the PTP rows, which the TSV and the CSV
// writers write alike but for the separator and how text is escaped.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "tables/ptp_rows.h"

namespace edict::tables {

/// Appends rows to a buffer and hands it to the stream a megabyte at a time;
/// what is left goes when the writer is destroyed.
class RowWriter {
 public:
  explicit RowWriter(std::ostream& out);
  ~RowWriter() { flush(); }
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  /// The row being written; endRow() finishes it.
  std::string& buffer() { return buffer_; }
  /// Ends the row with a line feed, and hands the buffer on once it is large.
  void endRow();

 private:
  void flush();

  std::ostream& out_;
  std::string buffer_;
};

/// How a writer appends a text cell: escaped for TSV, quoted for CSV.
using AppendText = void (*)(std::string& out, std::string_view text);

/// Writes the header (`kPtpColumns`) and the rows of `table`, cells separated
/// by `separator`, dates as YYYY-MM-DD, an empty deletion for none, and the
/// rationale through `appendText`.
void writePtpRows(std::ostream& out, const PtpRows& table, char separator, AppendText appendText);

}  // namespace edict::tables
