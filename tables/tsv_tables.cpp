#include "tables/tsv_tables.h"

#include <fmt/format.h>
#include <array>

#include "core/io/byte_order_mark.h"
#include "core/io/line_reader.h"
#include "tables/field_parse.h"
#include "tables/normalized_rows.h"
#include "tables/rationale_interner.h"
#include "tables/row_writer.h"
#include "tables/table_columns.h"
#include "tables/tsv_text.h"

namespace edict::tables {

namespace {

// Reads the header and the rows of a TSV table; the last column is text and
// is unescaped, the others are taken as they are. `add` appends one row.
template <std::size_t N, typename AddRow>
std::uint64_t readTsv(std::istream& in, ProblemLog& problems,
                      const std::array<std::string_view, N>& columns, std::string_view what,
                      std::string_view importVerb, AddRow add) {
  io::LineReader lines(in);
  std::string_view line;
  io::LineReader::Status status = lines.next(line);
  if (status == io::LineReader::Status::End) {
    problems.add(0, "", fmt::format("the file is empty; expected an edict {} table", what));
    return 0;
  }
  if (status == io::LineReader::Status::Line) line = io::withoutUtf8ByteOrderMark(line);
  const std::string header = headerLine(columns, '\t');
  if (status != io::LineReader::Status::Line || line != header) {
    std::string message =
        fmt::format("not an edict {} table: its first line must be the header `{}` (tab-separated)",
                    what, headerLine(columns, ' '));
    if (line.starts_with("CPT only copyright") || line.starts_with("Column") ||
        line.starts_with("\"Current Procedural"))
      message += fmt::format("; this looks like a CMS file: convert it with `edict import {}`",
                             importVerb);
    problems.add(1, "", std::move(message));
    return 0;
  }

  std::uint64_t records = 0;
  std::array<std::string_view, N> cells;
  std::string text;
  while ((status = lines.next(line)) != io::LineReader::Status::End) {
    if (status == io::LineReader::Status::TooLong) {
      ++records;
      problems.add(lines.lineNumber(), "", "line longer than 1 MiB");
      continue;
    }
    if (line.empty()) continue;
    ++records;
    const std::size_t n = splitFields(line, '\t', cells);
    if (n != N) {
      problems.add(lines.lineNumber(), "columns",
                   fmt::format("expected {} tab-separated columns, found {}", N, n));
      continue;
    }
    if (cells[N - 1].find('\\') != std::string_view::npos) {
      text.clear();
      if (auto why = appendTsvUnescaped(text, cells[N - 1])) {
        problems.add(lines.lineNumber(), std::string(columns[N - 1]), std::move(*why));
        continue;
      }
      cells[N - 1] = text;
    }
    add(std::span<const std::string_view, N>(cells), lines.lineNumber());
  }
  return records;
}

}  // namespace

void writePtpTsv(std::ostream& out, const PtpRows& table) {
  writePtpRows(out, table, '\t', appendTsvEscaped);
}

PtpRead readPtpTsv(std::istream& in, std::string fileName) {
  PtpRead read{{}, ProblemLog(std::move(fileName)), 0};
  RationaleInterner rationales(read.table.rationales, TextEncoding::Utf8);
  read.records = readTsv(in, read.problems, kPtpColumns, "PTP", "ptp",
                         [&](std::span<const std::string_view, 6> cells, std::uint64_t line) {
                           addNormalizedPtpRow(cells, line, rationales, read.table, read.problems);
                         });
  return read;
}

void writeMueTsv(std::ostream& out, const MueRows& table) {
  RowWriter writer(out);
  std::string& b = writer.buffer();
  b += headerLine(kMueColumns, '\t');
  writer.endRow();
  for (const MueRow& row : table.rows) {
    appendCode(b, row.code);
    b += fmt::format("\t{}\t{}\t", row.value, static_cast<int>(row.indicator));
    row.effective.appendIso(b);
    b.push_back('\t');
    appendTsvEscaped(b, table.rationaleOf(row));
    writer.endRow();
  }
}

MueRead readMueTsv(std::istream& in, std::string fileName) {
  MueRead read{{{}, ProblemLog(std::move(fileName)), 0}, std::nullopt};
  RationaleInterner rationales(read.table.rationales, TextEncoding::Utf8);
  read.records = readTsv(in, read.problems, kMueColumns, "MUE", "mue",
                         [&](std::span<const std::string_view, 5> cells, std::uint64_t line) {
                           addNormalizedMueRow(cells, line, rationales, read.table, read.problems);
                         });
  return read;
}

}  // namespace edict::tables
