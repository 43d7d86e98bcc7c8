#include "tables/row_writer.h"

#include "tables/normalized_rows.h"
#include "tables/table_columns.h"
#include "tables/tsv_text.h"

namespace edict::tables {

namespace {
constexpr std::size_t kFlushBytes = std::size_t{1} << 20;
}  // namespace

RowWriter::RowWriter(std::ostream& out) : out_(out) {
  buffer_.reserve(kFlushBytes + 4096);
}

void RowWriter::endRow() {
  buffer_.push_back('\n');
  if (buffer_.size() >= kFlushBytes) flush();
}

void RowWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void writePtpRows(std::ostream& out, const PtpRows& table, char separator, AppendText appendText) {
  RowWriter writer(out);
  std::string& b = writer.buffer();
  b += headerLine(kPtpColumns, separator);
  writer.endRow();
  for (const PtpRow& row : table.rows) {
    appendCode(b, row.column1);
    b.push_back(separator);
    appendCode(b, row.column2);
    b.push_back(separator);
    b.push_back(static_cast<char>('0' + static_cast<int>(row.indicator)));
    b.push_back(separator);
    row.effective.appendIso(b);
    b.push_back(separator);
    if (row.deletion != model::kEndOfTime) row.deletion.appendIso(b);
    b.push_back(separator);
    appendText(b, table.rationaleOf(row));
    writer.endRow();
  }
}

}  // namespace edict::tables
