#include "runtime/write/record_format.h"

#include "runtime/write/csv_writer.h"
#include "runtime/write/jsonl_writer.h"
#include "runtime/write/table_writer.h"

namespace edict::write {

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  if (name == "jsonl") return OutputFormat::Jsonl;
  if (name == "csv") return OutputFormat::Csv;
  if (name == "table") return OutputFormat::Table;
  return std::nullopt;
}

std::unique_ptr<RecordFormat> makeRecordFormat(OutputFormat format) {
  switch (format) {
    case OutputFormat::Jsonl: return std::make_unique<JsonLinesFormat>();
    case OutputFormat::Csv: return std::make_unique<CsvFormat>();
    case OutputFormat::Table: return std::make_unique<TableFormat>();
  }
  return std::make_unique<JsonLinesFormat>();
}

}  // namespace edict::write
