#include "history/transfer/paid_line_reader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>

#include "core/io/byte_order_mark.h"
#include "core/io/csv_parser.h"
#include "core/io/line_reader.h"
#include "history/transfer/paid_line_text.h"
#include "runtime/read/claim_fields.h"

namespace edict::history {

namespace {

enum Field {
  kPayer,
  kClaim,
  kLine,
  kPatient,
  kCode,
  kModifiers,
  kDate,
  kProvider,
  kBilled,
  kAllowed,
  kAction
};
constexpr std::size_t kFieldCount = kPaidLineFields.size();

/// A record's fields as text, absent when not given.
using RawFields = std::array<std::optional<std::string>, kFieldCount>;

std::int32_t unitsOf(const std::string& text, const read::FieldPath& path) {
  const read::FieldRules rules;
  return rules.units(rules.wholeNumber(rules.decimal(text, path), path), path);
}

/// Converts the fields of one record; throws read::FieldError.
PaidLine convert(const RawFields& f, bool& numbered) {
  const read::FieldRules rules;
  auto text = [&](Field field) -> std::string_view {
    return f[field] ? std::string_view(*f[field]) : std::string_view();
  };
  auto required = [&](Field field) -> std::string_view {
    if (text(field).empty()) read::failField(kPaidLineFields[field], "required field is missing");
    return text(field);
  };
  PaidLine paid;
  paid.payer = text(kPayer);
  paid.line.claimId = required(kClaim);
  paid.patientId = required(kPatient);
  numbered = !text(kLine).empty();
  if (numbered) {
    const std::int32_t line = unitsOf(*f[kLine], "line");
    if (line < 1 || static_cast<std::size_t>(line) > read::kMaxLinesPerClaim)
      read::failField(
          "line", fmt::format("{} is not a line number (1 to {})", line, read::kMaxLinesPerClaim));
    paid.line.line = static_cast<std::uint32_t>(line);
  }
  paid.line.code = rules.code(required(kCode), "code");
  std::string_view modifiers = text(kModifiers);
  while (!modifiers.empty()) {
    const std::size_t start = modifiers.find_first_not_of(" ;,");
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(modifiers.find_first_of(" ;,", start), modifiers.size());
    model::Line line;
    line.modifiers = paid.line.modifiers;
    line.modifierCount = paid.line.modifierCount;
    rules.addModifier(line, modifiers.substr(start, end - start), "modifiers");
    paid.line.modifiers = line.modifiers;
    paid.line.modifierCount = line.modifierCount;
    modifiers.remove_prefix(end);
  }
  paid.line.date = rules.date(required(kDate), "date");
  paid.line.providerNpi = text(kProvider);
  paid.line.allowedUnits = unitsOf(std::string(required(kAllowed)), "allowed_units");
  paid.line.billedUnits =
      text(kBilled).empty() ? paid.line.allowedUnits : unitsOf(*f[kBilled], "billed_units");
  if (paid.line.allowedUnits > paid.line.billedUnits)
    read::failField("allowed_units", fmt::format("{} is more than the {} billed",
                                                 paid.line.allowedUnits, paid.line.billedUnits));
  if (const std::string_view action = text(kAction); !action.empty()) {
    for (model::Action a :
         {model::Action::Deny, model::Action::Modify, model::Action::Review, model::Action::Flag})
      if (model::actionName(a) == action) paid.line.action = a;
    if (!paid.line.action)
      read::failField("action", fmt::format("{} is not an action (deny, modify, review, flag)",
                                            read::quoted(action)));
  }
  return paid;
}

/// Fills `row` from the raw fields of a record at `position`.
void fill(PaidLineRow& row, const RawFields& fields, std::uint64_t position) {
  row = {};
  row.position = position;
  row.payer = fields[kPayer].value_or("");
  row.claimId = fields[kClaim].value_or("");
  try {
    row.paid = convert(fields, row.numbered);
  } catch (const read::FieldError& e) {
    row.problem = e.message;
  }
}

/// A JSON value as the text a CSV cell would hold (modifiers: spaces).
std::optional<std::string> jsonText(simdjson::dom::element value, std::string_view key) {
  if (value.is_null()) return std::nullopt;
  std::string_view s;
  if (value.get(s) == simdjson::SUCCESS) return std::string(s);
  std::int64_t i = 0;
  if (value.get(i) == simdjson::SUCCESS) return std::to_string(i);
  double d = 0;
  if (value.get(d) == simdjson::SUCCESS) return fmt::format("{}", d);
  simdjson::dom::array items;
  if (key == "modifiers" && value.get(items) == simdjson::SUCCESS) {
    std::string out;
    for (simdjson::dom::element e : items) {
      if (e.get(s) != simdjson::SUCCESS) read::failField("modifiers", "expected strings");
      if (!out.empty()) out.push_back(' ');
      out += s;
    }
    return out;
  }
  read::failField(key, "expected a string or a number");
}

class JsonlReader final : public PaidLineReader {
 public:
  explicit JsonlReader(std::istream& in) : lines_(in, std::size_t{1} << 20) {}

  bool next(PaidLineRow& row) override {
    for (;;) {
      std::string_view line;
      const auto status = lines_.next(line);
      if (status == io::LineReader::Status::End) return false;
      const std::uint64_t position = lines_.lineNumber();
      if (status == io::LineReader::Status::TooLong) {
        row = {};
        row.position = position;
        row.problem = "the record is longer than 1 MiB";
        return true;
      }
      if (position == 1) line = io::withoutUtf8ByteOrderMark(line);
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      RawFields fields;
      simdjson::dom::object obj;
      const auto error = parser_.parse(line.data(), line.size()).get(obj);
      if (error != simdjson::SUCCESS) {
        row = {};
        row.position = position;
        row.problem = fmt::format("not a JSON object: {}", simdjson::error_message(error));
        return true;
      }
      try {
        for (auto [key, value] : obj) {
          const auto at = std::find(kPaidLineFields.begin(), kPaidLineFields.end(), key);
          if (at != kPaidLineFields.end())
            fields[static_cast<std::size_t>(at - kPaidLineFields.begin())] = jsonText(value, key);
        }
      } catch (const read::FieldError& e) {
        fill(row, fields, position);
        row.paid.reset();
        row.problem = e.message;
        return true;
      }
      fill(row, fields, position);
      return true;
    }
  }

 private:
  io::LineReader lines_;
  simdjson::dom::parser parser_;
};

class CsvReader final : public PaidLineReader {
 public:
  explicit CsvReader(std::istream& in) : records_(in, io::CsvParser::Quotes::Lenient) {
    columns_.fill(-1);
  }

  bool next(PaidLineRow& row) override {
    if (!fatal_.empty()) return false;
    if (!headerRead_ && !readHeader()) return false;
    for (;;) {
      const auto status = records_.next();
      if (status == io::CsvParser::Status::End) return false;
      row = {};
      row.position = records_.startLine();
      if (status == io::CsvParser::Status::Malformed) {
        row.problem = records_.error();
        return true;
      }
      const auto cells = records_.fields();
      if (cells.size() == 1 && cells[0].empty()) continue;
      RawFields fields;
      for (std::size_t f = 0; f < kFieldCount; ++f) {
        const int c = columns_[f];
        if (c >= 0 && static_cast<std::size_t>(c) < cells.size() && !cells[c].empty())
          fields[f] = cells[c];
      }
      fill(row, fields, row.position);
      return true;
    }
  }

  [[nodiscard]] std::string fatalError() const override { return fatal_; }

 private:
  bool readHeader() {
    headerRead_ = true;
    if (records_.next() != io::CsvParser::Status::Record) return false;
    const auto cells = records_.fields();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string_view name = i == 0 ? io::withoutUtf8ByteOrderMark(cells[i]) : cells[i];
      const auto at = std::find(kPaidLineFields.begin(), kPaidLineFields.end(), name);
      if (at == kPaidLineFields.end()) {
        fatal_ =
            fmt::format("line {}: unknown column {} in the header (the columns are: {})",
                        records_.startLine(), read::quoted(name), fmt::join(kPaidLineFields, ", "));
        return false;
      }
      columns_[static_cast<std::size_t>(at - kPaidLineFields.begin())] = static_cast<int>(i);
    }
    for (Field required : {kClaim, kPatient, kCode, kDate, kAllowed})
      if (columns_[required] < 0) {
        fatal_ =
            fmt::format("the header lacks the required column `{}`", kPaidLineFields[required]);
        return false;
      }
    return true;
  }

  io::CsvParser records_;
  std::array<int, kFieldCount> columns_{};
  bool headerRead_ = false;
  std::string fatal_;
};

}  // namespace

std::unique_ptr<PaidLineReader> openPaidLines(std::istream& in, PaidLineFormat format) {
  if (format == PaidLineFormat::Csv) return std::make_unique<CsvReader>(in);
  return std::make_unique<JsonlReader>(in);
}

}  // namespace edict::history
