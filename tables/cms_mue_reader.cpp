#include "tables/cms_mue_reader.h"

#include <fmt/format.h>
#include <cctype>
#include <unordered_map>

#include "core/io/csv_parser.h"
#include "tables/encoding.h"
#include "tables/field_parse.h"
#include "tables/rationale_interner.h"

namespace edict::tables {

namespace {

// The header is the second record of the files CMS publishes.
constexpr int kHeaderSearchRecords = 5;
constexpr std::size_t kColumns = 4;

// Lower case with runs of white space (the header's line break) as one space.
std::string normalizeHeaderCell(std::string_view cell) {
  std::string out;
  bool space = false;
  for (char c : cell) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool isHeader(std::span<const std::string> f) {
  return f.size() == kColumns && normalizeHeaderCell(f[0]) == "hcpcs/ cpt code" &&
         normalizeHeaderCell(f[1]).ends_with("mue values") &&
         normalizeHeaderCell(f[2]) == "mue adjudication indicator" &&
         normalizeHeaderCell(f[3]) == "mue rationale";
}

bool isBlankRecord(std::span<const std::string> f) {
  return f.size() == 1 && f[0].empty();
}

// The words that tell the three labels apart; a label that names another
// indicator than its number contradicts itself.
std::string_view labelKeyword(MueIndicator indicator) {
  switch (indicator) {
    case MueIndicator::Line: return "line";
    case MueIndicator::DatePolicy: return "policy";
    case MueIndicator::DateClinical: return "clinical";
  }
  return "";
}

Parsed<MueIndicator> parseIndicatorWithLabel(std::string_view cell) {
  const std::string_view number = cell.substr(0, cell.find(' '));
  Parsed<MueIndicator> parsed = parseMueIndicatorCell(number);
  const auto* indicator = std::get_if<MueIndicator>(&parsed);
  if (indicator == nullptr) return parsed;
  const std::string label = normalizeHeaderCell(cell.substr(number.size()));
  for (MueIndicator other :
       {MueIndicator::Line, MueIndicator::DatePolicy, MueIndicator::DateClinical}) {
    if (other != *indicator && label.find(labelKeyword(other)) != std::string::npos &&
        label.find(labelKeyword(*indicator)) == std::string::npos)
      return fmt::format("{} names indicator {} but its label is CMS's label of indicator {}",
                         quoteForMessage(cell), static_cast<int>(*indicator),
                         static_cast<int>(other));
  }
  return *indicator;
}

}  // namespace

std::optional<model::Date> mueEffectiveFromFileName(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t at = name.rfind("_eff_");
  if (at == std::string::npos) return std::nullopt;
  const std::string_view date = std::string_view(name).substr(at + 5, 10);
  // MM-DD-YYYY
  if (date.size() != 10 || date[2] != '-' || date[5] != '-') return std::nullopt;
  const std::string compact = std::string(date.substr(6, 4)) + std::string(date.substr(0, 2)) +
                              std::string(date.substr(3, 2));
  return model::Date::parseCompact(compact);
}

MueRead readCmsMue(std::istream& in, std::string fileName, std::optional<model::Date> effective) {
  MueRead read{{{}, ProblemLog(fileName), 0},
               effective ? effective : mueEffectiveFromFileName(fileName)};
  io::CsvParser csv(in);
  io::CsvParser::Status status;

  bool sawHeader = false;
  for (int record = 0; record < kHeaderSearchRecords; ++record) {
    status = csv.next();
    if (status == io::CsvParser::Status::End) break;
    if (status == io::CsvParser::Status::Record && isHeader(csv.fields())) {
      sawHeader = true;
      break;
    }
  }
  if (!sawHeader) {
    read.problems.add(0, "",
                      fmt::format("not a CMS MUE file: no header record `HCPCS/CPT Code, ... MUE "
                                  "Values, MUE Adjudication Indicator, MUE Rationale` in its "
                                  "first {} records",
                                  kHeaderSearchRecords));
    return read;
  }

  RationaleInterner rationales(read.table.rationales, TextEncoding::Latin1);
  std::unordered_map<std::uint32_t, std::uint64_t> firstLineOfCode;
  const model::Date rowEffective = read.effective.value_or(model::Date{});
  auto problem = [&](const char* field, std::string message) {
    read.problems.add(csv.startLine(), field, std::move(message));
  };
  while ((status = csv.next()) != io::CsvParser::Status::End) {
    if (status == io::CsvParser::Status::Malformed) {
      ++read.records;
      problem("", csv.error());
      continue;
    }
    const auto f = csv.fields();
    if (isBlankRecord(f)) continue;
    ++read.records;
    if (f.size() != kColumns) {
      problem("columns", fmt::format("expected {} columns, found {}", kColumns, f.size()));
      continue;
    }
    MueRow row;
    row.line = rowLine(csv.startLine());
    row.effective = rowEffective;
    Parsed<model::Code> code = parseCodeCell(trimSpaces(f[0]));
    if (auto* e = std::get_if<std::string>(&code)) {
      problem("code", std::move(*e));
      continue;
    }
    row.code = std::get<model::Code>(code);
    Parsed<std::int32_t> value = parseCountCell(trimSpaces(f[1]));
    if (auto* e = std::get_if<std::string>(&value)) {
      problem("MUE value", std::move(*e));
      continue;
    }
    row.value = std::get<std::int32_t>(value);
    Parsed<MueIndicator> indicator = parseIndicatorWithLabel(trimSpaces(f[2]));
    if (auto* e = std::get_if<std::string>(&indicator)) {
      problem("adjudication indicator", std::move(*e));
      continue;
    }
    row.indicator = std::get<MueIndicator>(indicator);
    Parsed<std::uint32_t> rationale = rationales.intern(trimSpaces(f[3]));
    if (auto* e = std::get_if<std::string>(&rationale)) {
      problem("rationale", std::move(*e));
      continue;
    }
    row.rationale = std::get<std::uint32_t>(rationale);
    auto [it, fresh] = firstLineOfCode.emplace(row.code.packed, csv.startLine());
    if (!fresh) {
      problem("code", fmt::format("`{}` is listed again; its first row is on line {}",
                                  row.code.text(), it->second));
      continue;
    }
    read.table.rows.push_back(row);
  }
  if (read.records == 0) {
    read.problems.add(0, "", "the file has a header but no rows; it may be truncated");
  } else if (csv.endedWithoutNewline()) {
    read.problems.add(0, "", "the last line has no line ending; the file may be truncated");
  }
  if (!read.effective) {
    read.problems.add(0, "effective date",
                      fmt::format("the file name `{}` does not carry CMS's `_Eff_MM-DD-YYYY`; "
                                  "give the effective date (edict import mue --effective)",
                                  fileName));
    read.table.rows.clear();
  }
  return read;
}

}  // namespace edict::tables
