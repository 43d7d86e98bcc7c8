#include "runtime/read/csv_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/io/byte_order_mark.h"
#include "core/io/csv_parser.h"
#include "runtime/read/claim_fields.h"
#include "runtime/read/csv_columns.h"
#include "runtime/read/record_packing.h"

namespace edict::read {

namespace {

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string_view nameOf(CsvColumn column) {
  return kCsvColumnNames[static_cast<std::size_t>(column)];
}

/// Edit distance, to suggest the column a misspelt header name meant.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::string knownColumns() {
  std::string out;
  for (std::string_view name : kCsvColumnNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

/// A row of a claim: its fields (views into the record that packs them)
/// and the line it started on.
struct Row {
  std::vector<std::string_view> fields;
  std::uint64_t line = 0;
};

/// Splits a multi-valued cell (`GP 59`, `M54.50;M25.561`).
std::vector<std::string_view> splitList(std::string_view text) {
  std::vector<std::string_view> items;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t;,", i);
    if (start == std::string_view::npos) break;
    std::size_t end = text.find_first_of(" \t;,", start);
    if (end == std::string_view::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    i = end;
  }
  return items;
}

bool isBlankRow(std::span<const std::string> fields) {
  return fields.size() == 1 && trim(fields[0]).empty();
}

/// The reading thread gathers a claim's consecutive rows and packs them
/// into one record (record_packing.h): the rows past the line limit, the
/// number of rows kept, then each row's line and fields. Workers unpack the
/// rows and convert them; the header, read first, is shared by both.
class CsvReader final : public SplittingReader {
 public:
  CsvReader(std::istream& in, std::string fileName)
      : records_(in, io::CsvParser::Quotes::Lenient), fileName_(std::move(fileName)) {
    columnIndex_.fill(-1);
  }

  bool nextRecord(RawRecord& record) override {
    if (!fatal_.empty()) return false;
    if (!headerRead_ && !readHeader()) return false;
    if (!hasPending_ && !readRow()) return false;
    hasPending_ = false;
    record.origin.file = fileName_;
    record.origin.position = pendingLine_;
    record.refusal.clear();
    record.text.clear();
    // A record the parser could not deliver is its own reject.
    if (pendingProblem_) {
      record.refusal = std::move(*pendingProblem_);
      pendingProblem_.reset();
      return true;
    }
    // Gather the claim's consecutive rows; past the line limit they are only
    // counted, so a huge claim costs no memory.
    id_.assign(pendingId_);
    std::uint32_t rows = 1;
    std::uint64_t extraRows = 0;
    packNumber(record.text, extraRows);
    packNumber(record.text, rows);
    record.text += pendingRow_;
    while (readRow()) {
      if (pendingProblem_ || id_.empty() || pendingId_ != id_) {
        hasPending_ = true;
        break;
      }
      if (rows < kMaxLinesPerClaim) {
        ++rows;
        record.text += pendingRow_;
      } else {
        ++extraRows;
      }
    }
    std::memcpy(record.text.data(), &extraRows, sizeof extraRows);
    std::memcpy(record.text.data() + sizeof extraRows, &rows, sizeof rows);
    return true;
  }

  void parseRecord(const RawRecord& record, ReadItem& item) const override {
    if (!record.refusal.empty()) {
      item = RejectedClaim{record.origin, {}, record.refusal, {}};
      return;
    }
    thread_local std::vector<Row> rows;
    Unpacker in(record.text);
    const auto extraRows = in.number<std::uint64_t>();
    rows.resize(in.number<std::uint32_t>());
    for (Row& row : rows) {
      row.line = in.number<std::uint64_t>();
      row.fields.resize(in.number<std::uint32_t>());
      for (std::string_view& field : row.fields) field = in.text();
    }
    item = convert(rows, static_cast<std::size_t>(extraRows));
  }

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  /// The claim being converted, and the line of the row being converted
  /// (the reject's position).
  struct Conversion {
    std::span<const Row> rows;
    std::uint64_t errorLine = 0;
  };

  std::string_view cell(std::span<const std::string_view> fields, CsvColumn column) const {
    const int index = columnIndex_[static_cast<std::size_t>(column)];
    if (index < 0 || static_cast<std::size_t>(index) >= fields.size()) return {};
    return trim(fields[static_cast<std::size_t>(index)]);
  }
  std::string_view cell(const Row& row, CsvColumn column) const { return cell(row.fields, column); }

  /// Reads the next non-blank row and packs it into pendingRow_ (its line,
  /// then its fields), with its id in pendingId_; false at the end. Sets
  /// pendingProblem_ for a record that is too long or never closes its quote.
  bool readRow() {
    for (;;) {
      const io::CsvParser::Status status = records_.next();
      if (status == io::CsvParser::Status::End) return false;
      pendingLine_ = records_.startLine();
      if (status == io::CsvParser::Status::Malformed) {
        readRowProblem();
        return true;
      }
      const std::span<const std::string> fields = records_.fields();
      if (isBlankRow(fields)) continue;
      pendingRow_.clear();
      packNumber(pendingRow_, pendingLine_);
      packNumber(pendingRow_, static_cast<std::uint32_t>(fields.size()));
      for (const std::string& field : fields) packText(pendingRow_, field);
      const int idIndex = columnIndex_[static_cast<std::size_t>(CsvColumn::Id)];
      pendingId_ = static_cast<std::size_t>(idIndex) < fields.size()
                       ? trim(fields[static_cast<std::size_t>(idIndex)])
                       : std::string_view();
      return true;
    }
  }

  bool readHeader() {
    headerRead_ = true;
    io::CsvParser::Status status;
    do {
      status = records_.next();
      if (status == io::CsvParser::Status::End) return false;
    } while (status == io::CsvParser::Status::Record && isBlankRow(records_.fields()));
    const std::uint64_t line = records_.startLine();
    if (status == io::CsvParser::Status::Malformed) {
      readRowProblem();
      fatal_ = fmt::format("not a claims CSV file: line {}: {}", line, *pendingProblem_);
      pendingProblem_.reset();
      return false;
    }
    const std::span<const std::string> header = records_.fields();
    headerWidth_ = header.size();
    std::vector<std::string> unknown;
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string_view name = trim(header[i]);
      if (i == 0) name = trim(io::withoutUtf8ByteOrderMark(name));
      const auto known = std::find(kCsvColumnNames.begin(), kCsvColumnNames.end(), name);
      if (known == kCsvColumnNames.end()) {
        unknown.emplace_back(name);
        continue;
      }
      int& slot = columnIndex_[static_cast<std::size_t>(known - kCsvColumnNames.begin())];
      if (slot >= 0) {
        fatal_ = fmt::format("the header names column {} twice", quoted(name));
        return false;
      }
      slot = static_cast<int>(i);
    }
    std::vector<std::string_view> missing;
    for (CsvColumn required : {CsvColumn::Id, CsvColumn::LineCode, CsvColumn::LineDate})
      if (columnIndex_[static_cast<std::size_t>(required)] < 0) missing.push_back(nameOf(required));
    if (!missing.empty() && missing.size() == 3) {
      fatal_ = fmt::format(
          "not a claims CSV file: line {} is not a header with the columns `id`, `line.code` "
          "and `line.date`",
          line);
      return false;
    }
    if (!unknown.empty()) {
      std::string suggestion;
      std::size_t best = 3;
      for (std::string_view name : kCsvColumnNames) {
        const std::size_t d = distance(unknown[0], name);
        if (d < best) {
          best = d;
          suggestion = fmt::format("; did you mean `{}`?", name);
        }
      }
      fatal_ = fmt::format("unknown column {} in the header{} (the columns are: {})",
                           quoted(unknown[0]), suggestion, knownColumns());
      return false;
    }
    if (!missing.empty()) {
      fatal_ = fmt::format("the header lacks the required column `{}`", missing[0]);
      return false;
    }
    return true;
  }

  /// pendingProblem_ for the record the parser could not deliver.
  void readRowProblem() {
    switch (records_.problem()) {
      case io::CsvParser::Problem::TooLong:
        pendingProblem_ = fmt::format("the row is longer than {} bytes", io::CsvParser::kMaxRecord);
        break;
      case io::CsvParser::Problem::UnclosedQuote:
        pendingProblem_ = "a quoted field is never closed: the file ends inside it";
        break;
      case io::CsvParser::Problem::StrayQuote:  // Strict only; said as the parser says it
      case io::CsvParser::Problem::TextAfterQuote: pendingProblem_ = records_.error(); break;
    }
  }

  /// The claim-level value of `column`: the first row's; later rows leave
  /// it empty or repeat it.
  std::string_view claimCell(Conversion& c, CsvColumn column) const {
    const std::string_view first = cell(c.rows[0], column);
    for (std::size_t r = 1; r < c.rows.size(); ++r) {
      const std::string_view value = cell(c.rows[r], column);
      if (!value.empty() && value != first) {
        c.errorLine = c.rows[r].line;
        failField(nameOf(column),
                  fmt::format("{} differs from {} on the claim's first row (line {}); the rows of "
                              "a claim must agree on its claim-level columns",
                              quoted(value), quoted(first), c.rows[0].line));
      }
    }
    return first;
  }

  void checkRowShape(Conversion& c, const Row& row) const {
    c.errorLine = row.line;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const auto column = [&] {
        return i < headerWidth_ ? std::string(headerNames(i)) : fmt::format("column {}", i + 1);
      };
      FieldRules{}.utf8(row.fields[i], FieldPath::lazy(column));
    }
    if (row.fields.size() != headerWidth_)
      failField("row",
                fmt::format("has {} fields, the header has {}", row.fields.size(), headerWidth_));
  }

  std::string_view headerNames(std::size_t index) const {
    for (std::size_t c = 0; c < kCsvColumnCount; ++c)
      if (columnIndex_[c] == static_cast<int>(index)) return kCsvColumnNames[c];
    return "?";
  }

  model::Line convertLine(Conversion& c, const Row& row, const FieldRules& rules) const {
    c.errorLine = row.line;
    auto path = [](CsvColumn column) { return FieldPath(nameOf(column)); };
    model::Line line;
    line.code = rules.code(cell(row, CsvColumn::LineCode), path(CsvColumn::LineCode));
    line.date = rules.date(cell(row, CsvColumn::LineDate), path(CsvColumn::LineDate));
    for (std::string_view m : splitList(cell(row, CsvColumn::LineModifiers)))
      rules.addModifier(line, m, path(CsvColumn::LineModifiers));
    if (auto units = cell(row, CsvColumn::LineUnits); !units.empty())
      line.units = rules.units(rules.wholeNumber(rules.decimal(units, path(CsvColumn::LineUnits)),
                                                 path(CsvColumn::LineUnits)),
                               path(CsvColumn::LineUnits));
    if (auto minutes = cell(row, CsvColumn::LineMinutes); !minutes.empty())
      line.minutes =
          rules.minutes(rules.wholeNumber(rules.decimal(minutes, path(CsvColumn::LineMinutes)),
                                          path(CsvColumn::LineMinutes)),
                        path(CsvColumn::LineMinutes));
    if (auto charge = cell(row, CsvColumn::LineCharge); !charge.empty())
      line.charge = rules.charge(rules.decimal(charge, path(CsvColumn::LineCharge)),
                                 path(CsvColumn::LineCharge));
    if (auto pos = cell(row, CsvColumn::LinePlaceOfService); !pos.empty())
      line.placeOfService = rules.placeOfService(pos, path(CsvColumn::LinePlaceOfService));
    line.providerNpi = cell(row, CsvColumn::LineProviderNpi);
    return line;
  }

  ReadItem convert(std::span<const Row> rows, std::size_t extraRows) const {
    const FieldRules rules;
    Conversion c{rows, rows[0].line};
    model::Claim claim;
    claim.id = cell(rows[0], CsvColumn::Id);
    try {
      for (const Row& row : rows) checkRowShape(c, row);
      c.errorLine = rows[0].line;
      if (claim.id.empty()) failField("id", "required field is missing");
      claim.payer = claimCell(c, CsvColumn::Payer);
      claim.patient.id = claimCell(c, CsvColumn::PatientId);
      if (auto birth = claimCell(c, CsvColumn::PatientBirthDate); !birth.empty())
        claim.patient.birthDate = rules.date(birth, "patient.birth_date");
      claim.patient.sex = rules.sex(claimCell(c, CsvColumn::PatientSex), "patient.sex");
      claim.providerNpi = claimCell(c, CsvColumn::ProviderNpi);
      claim.billingProviderNpi = claimCell(c, CsvColumn::BillingProviderNpi);
      if (auto pos = claimCell(c, CsvColumn::PlaceOfService); !pos.empty())
        claim.placeOfService = rules.placeOfService(pos, "place_of_service");
      for (std::string_view dx : splitList(claimCell(c, CsvColumn::Diagnoses)))
        rules.addDiagnosis(claim, rules.diagnosis(dx, DiagnosisCodeSet::Icd10, "diagnoses"),
                           "diagnoses");
      if (auto frequency = claimCell(c, CsvColumn::Frequency); !frequency.empty())
        claim.frequency = rules.frequency(frequency, "frequency");
      claim.replaces = claimCell(c, CsvColumn::Replaces);
      rules.checkReplaces(claim, "frequency", "replaces");
      if (extraRows > 0) rules.checkLineCount(rows.size() + extraRows, "rows");
      for (const Row& row : rows) claim.lines.push_back(convertLine(c, row, rules));
      c.errorLine = rows[0].line;
      rules.completeClaim(claim, "rows");
    } catch (const FieldError& e) {
      return RejectedClaim{{fileName_, c.errorLine},
                           std::move(claim.id),
                           e.message,
                           std::string(cell(rows[0], CsvColumn::Payer))};
    }
    claim.origin = {fileName_, rows[0].line};
    return claim;
  }

  io::CsvParser records_;
  std::string fileName_;
  std::array<int, kCsvColumnCount> columnIndex_{};
  std::size_t headerWidth_ = 0;
  bool headerRead_ = false;
  std::string fatal_;
  /// The row read after the last claim's rows, packed, not yet handed out.
  std::string pendingRow_;
  std::string pendingId_;
  std::uint64_t pendingLine_ = 0;
  bool hasPending_ = false;
  std::optional<std::string> pendingProblem_;
  /// The id of the claim being gathered.
  std::string id_;
};

}  // namespace

std::unique_ptr<ClaimReader> openCsv(std::istream& in, std::string fileName) {
  return std::make_unique<CsvReader>(in, std::move(fileName));
}

}  // namespace edict::read
