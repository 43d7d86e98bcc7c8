#include "tables/ptp_csv.h"

#include <fmt/format.h>
#include <array>
#include <cctype>

#include "core/io/byte_order_mark.h"
#include "core/io/csv_parser.h"
#include "tables/field_parse.h"
#include "tables/normalized_rows.h"
#include "tables/rationale_interner.h"
#include "tables/row_writer.h"
#include "tables/table_columns.h"

namespace edict::tables {

namespace {

bool headerMatches(std::span<const std::string> fields) {
  if (fields.size() != kPtpColumns.size()) return false;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string_view cell = fields[i];
    if (i == 0) cell = io::withoutUtf8ByteOrderMark(cell);
    cell = trimSpaces(cell);
    std::string lower(cell);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != kPtpColumns[i]) return false;
  }
  return true;
}

void appendCsvCell(std::string& out, std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     text.starts_with(' ') || text.ends_with(' ');
  if (!quote) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

PtpRead readPtpCsv(std::istream& in, std::string fileName) {
  PtpRead read{{}, ProblemLog(std::move(fileName)), 0};
  io::CsvParser csv(in);
  io::CsvParser::Status status = csv.next();
  if (status == io::CsvParser::Status::End) {
    read.problems.add(0, "", "the file is empty; expected a PTP pair table");
    return read;
  }
  if (status != io::CsvParser::Status::Record || !headerMatches(csv.fields())) {
    read.problems.add(1, "",
                      fmt::format("not a PTP pair table: its first line must be the header `{}`",
                                  headerLine(kPtpColumns, ',')));
    return read;
  }
  RationaleInterner rationales(read.table.rationales, TextEncoding::Utf8);
  std::array<std::string_view, 6> cells;
  while ((status = csv.next()) != io::CsvParser::Status::End) {
    if (status == io::CsvParser::Status::Malformed) {
      ++read.records;
      read.problems.add(csv.startLine(), "", csv.error());
      continue;
    }
    const auto fields = csv.fields();
    if (fields.size() == 1 && trimSpaces(fields[0]).empty()) continue;
    ++read.records;
    if (fields.size() != cells.size()) {
      read.problems.add(csv.startLine(), "columns",
                        fmt::format("expected {} columns ({}), found {}", cells.size(),
                                    headerLine(kPtpColumns, ','), fields.size()));
      continue;
    }
    for (std::size_t i = 0; i < cells.size(); ++i)
      cells[i] = csv.quoted(i) ? std::string_view(fields[i]) : trimSpaces(fields[i]);
    addNormalizedPtpRow(cells, csv.startLine(), rationales, read.table, read.problems);
  }
  return read;
}

void writePtpCsv(std::ostream& out, const PtpRows& table) {
  writePtpRows(out, table, ',', appendCsvCell);
}

}  // namespace edict::tables
