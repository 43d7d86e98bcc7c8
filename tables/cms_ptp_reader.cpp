#include "tables/cms_ptp_reader.h"

#include <fmt/format.h>
#include <array>

#include "core/io/line_reader.h"
#include "tables/field_parse.h"
#include "tables/rationale_interner.h"

namespace edict::tables {

namespace {

// The header is on line 3 of the files CMS publishes; a little slack allows
// for an extra notice line without accepting arbitrary files.
constexpr std::uint64_t kHeaderSearchLines = 10;
// Real rows are under 200 bytes.
constexpr std::size_t kMaxLine = 64 * 1024;
constexpr std::size_t kColumns = 7;

bool isBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool isHeader(std::string_view line) {
  std::array<std::string_view, 2> f;
  return splitFields(line, '\t', f) >= 2 && f[0] == "Column 1" && f[1] == "Column 2";
}

// The header's continuation lines leave the two code columns empty.
bool isHeaderContinuation(std::string_view line) {
  return line.starts_with("\t\t");
}

class RowParser {
 public:
  explicit RowParser(PtpRead& read)
      : read_(read), rationales_(read.table.rationales, TextEncoding::Latin1) {}

  void parse(std::string_view line, std::uint64_t lineNo) {
    ++read_.records;
    std::array<std::string_view, kColumns> f;
    const std::size_t n = splitFields(line, '\t', f);
    if (n != kColumns && !(n > kColumns && onlyEmptyAfterColumns(line))) {
      problem(lineNo, "columns",
              fmt::format("expected {} tab-separated columns, found {}", kColumns, n));
      return;
    }
    PtpRow row;
    row.line = rowLine(lineNo);
    if (!take(parseCodeCell(f[0]), row.column1, lineNo, "column 1")) return;
    if (!take(parseCodeCell(f[1]), row.column2, lineNo, "column 2")) return;
    if (row.column1 == row.column2) {
      problem(lineNo, "column 2",
              fmt::format("the pair has the same code `{}` in both columns", row.column1.text()));
      return;
    }
    if (f[2] == "*") {
      row.before1996 = true;
    } else if (!f[2].empty()) {
      problem(lineNo, "prior to 1996",
              fmt::format("expected `*` or nothing, found `{}`", f[2].substr(0, 20)));
      return;
    }
    if (!take(parseCompactDateCell(f[3]), row.effective, lineNo, "effective date")) return;
    if (f[4] != "*") {
      if (!take(parseCompactDateCell(f[4]), row.deletion, lineNo, "deletion date")) return;
      if (row.deletion < row.effective) {
        problem(lineNo, "deletion date",
                fmt::format("the deletion date {} is before the effective date {}",
                            row.deletion.iso(), row.effective.iso()));
        return;
      }
    }
    if (!take(parsePtpIndicatorCell(f[5]), row.indicator, lineNo, "modifier indicator")) return;
    if (!take(rationales_.intern(trimSpaces(f[6])), row.rationale, lineNo, "rationale")) return;
    read_.table.rows.push_back(row);
  }

 private:
  static bool onlyEmptyAfterColumns(std::string_view line) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < kColumns; ++i) pos = line.find('\t', pos) + 1;
    return isBlank(line.substr(pos));
  }

  template <typename T>
  bool take(Parsed<T>&& parsed, T& into, std::uint64_t lineNo, const char* field) {
    if (auto* value = std::get_if<T>(&parsed)) {
      into = *value;
      return true;
    }
    problem(lineNo, field, std::move(std::get<std::string>(parsed)));
    return false;
  }

  void problem(std::uint64_t lineNo, const char* field, std::string message) {
    read_.problems.add(lineNo, field, std::move(message));
  }

  PtpRead& read_;
  RationaleInterner rationales_;
};

}  // namespace

PtpRead readCmsPtp(std::istream& in, std::string fileName) {
  PtpRead read{{}, ProblemLog(std::move(fileName)), 0};
  io::LineReader lines(in, kMaxLine);
  std::string_view line;
  io::LineReader::Status status;

  bool sawHeader = false;
  while ((status = lines.next(line)) != io::LineReader::Status::End) {
    if (status == io::LineReader::Status::Line && isHeader(line)) {
      sawHeader = true;
      break;
    }
    if (lines.lineNumber() >= kHeaderSearchLines) break;
  }
  if (!sawHeader) {
    read.problems.add(
        0, "",
        lines.lineNumber() == 0
            ? std::string("the file is empty; expected a CMS NCCI PTP file")
            : fmt::format("not a CMS NCCI PTP file: no header line starting `Column 1<TAB>Column "
                          "2` in its first {} lines",
                          kHeaderSearchLines));
    return read;
  }

  RowParser parser(read);
  bool inHeader = true;
  while ((status = lines.next(line)) != io::LineReader::Status::End) {
    if (status == io::LineReader::Status::TooLong) {
      ++read.records;
      read.problems.add(lines.lineNumber(), "",
                        fmt::format("line longer than {} bytes; not a PTP row", kMaxLine));
      continue;
    }
    if (inHeader && isHeaderContinuation(line)) continue;
    inHeader = false;
    if (isBlank(line)) continue;
    parser.parse(line, lines.lineNumber());
  }
  if (read.records == 0) {
    read.problems.add(0, "", "the file has a header but no rows; it may be truncated");
  } else if (!lines.lastHadNewline()) {
    read.problems.add(lines.lineNumber(), "",
                      "the last line has no line ending; the file may be truncated");
  }
  return read;
}

}  // namespace edict::tables
