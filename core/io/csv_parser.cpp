#include "core/io/csv_parser.h"

#include <fmt/format.h>

namespace edict::io {

namespace {
constexpr char kComma = ',';
}  // namespace

CsvParser::CsvParser(std::istream& in, Quotes quotes, std::size_t maxRecord)
    : lines_(in, maxRecord), quotes_(quotes), maxRecord_(maxRecord) {}

// Field strings are reused from record to record, so that reading a file
// allocates only while its longest record grows.
std::string& CsvParser::newField() {
  if (count_ == fields_.size()) {
    fields_.emplace_back();
    quoted_.push_back(0);
  }
  fields_[count_].clear();
  quoted_[count_] = 0;
  return fields_[count_++];
}

CsvParser::Status CsvParser::malformed(Problem problem, std::string why) {
  problem_ = problem;
  error_ = std::move(why);
  count_ = 0;
  return Status::Malformed;
}

CsvParser::Status CsvParser::splitPlain(std::string_view line) {
  for (;;) {
    const std::size_t comma = line.find(kComma);
    if (comma == std::string_view::npos) {
      newField().assign(line);
      return Status::Record;
    }
    newField().assign(line.substr(0, comma));
    line.remove_prefix(comma + 1);
  }
}

CsvParser::Status CsvParser::next() {
  count_ = 0;
  std::string_view line;
  LineReader::Status status = lines_.next(line);
  if (status == LineReader::Status::End) return Status::End;
  startLine_ = lines_.lineNumber();
  if (status == LineReader::Status::TooLong)
    return malformed(Problem::TooLong, fmt::format("line longer than {} bytes", maxRecord_));
  // Most records have no quote at all.
  if (line.find('"') == std::string_view::npos) return splitPlain(line);

  const bool strict = quotes_ == Quotes::Strict;
  std::size_t recordBytes = line.size();
  std::string* field = &newField();
  std::size_t i = 0;
  bool inQuotes = false;
  for (;;) {
    if (inQuotes) {
      const std::size_t quote = line.find('"', i);
      if (quote == std::string_view::npos) {
        // The quoted field goes on to the next line.
        field->append(line.substr(i));
        field->push_back('\n');
        status = lines_.next(line);
        if (status == LineReader::Status::End)
          return malformed(Problem::UnclosedQuote,
                           "a quoted field is not closed before the end of the file; the file "
                           "may be truncated");
        if (status == LineReader::Status::TooLong)
          return malformed(Problem::TooLong, fmt::format("line longer than {} bytes", maxRecord_));
        recordBytes += line.size() + 1;
        if (recordBytes > maxRecord_)
          return malformed(Problem::TooLong,
                           fmt::format("record longer than {} bytes; a quote is probably not "
                                       "closed",
                                       maxRecord_));
        i = 0;
        continue;
      }
      field->append(line.substr(i, quote - i));
      if (quote + 1 < line.size() && line[quote + 1] == '"') {
        field->push_back('"');
        i = quote + 2;
        continue;
      }
      inQuotes = false;
      i = quote + 1;
      if (strict) {
        while (i < line.size() && line[i] == ' ') ++i;
        if (i < line.size() && line[i] != kComma)
          return malformed(Problem::TextAfterQuote,
                           fmt::format("text after the closing quote of field {}", count_));
      }
    } else {
      // At the start of a field; in Strict, spaces before an opening quote
      // are dropped.
      std::size_t first = i;
      if (strict)
        while (first < line.size() && line[first] == ' ') ++first;
      if (first < line.size() && line[first] == '"') {
        inQuotes = true;
        quoted_[count_ - 1] = 1;
        i = first + 1;
        continue;
      }
    }
    // Unquoted text up to the next comma: a whole field, or in Lenient what
    // follows a closing quote.
    std::size_t end = line.find(kComma, i);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view text = line.substr(i, end - i);
    if (strict && text.find('"') != std::string_view::npos)
      return malformed(Problem::StrayQuote,
                       fmt::format("a quote inside field {} that is not in quotes; quote the "
                                   "field and double the quote (\"\")",
                                   count_));
    field->append(text);
    if (end == line.size()) return Status::Record;
    i = end + 1;
    field = &newField();
  }
}

}  // namespace edict::io
