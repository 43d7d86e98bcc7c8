#include "tables/csv_reader.h"

#include <fmt/format.h>

namespace edict::tables {

CsvReader::CsvReader(std::istream& in, char separator, std::size_t maxRecord)
    : lines_(in, maxRecord), separator_(separator), maxRecord_(maxRecord) {}

// Field strings are reused from record to record, so that reading a file
// allocates only while its longest record grows.
std::string& CsvReader::newField() {
  if (count_ == fields_.size()) {
    fields_.emplace_back();
    quoted_.push_back(0);
  }
  fields_[count_].clear();
  quoted_[count_] = 0;
  return fields_[count_++];
}

CsvReader::Status CsvReader::malformed(std::string why) {
  error_ = std::move(why);
  count_ = 0;
  return Status::Malformed;
}

CsvReader::Status CsvReader::next() {
  count_ = 0;
  std::string_view line;
  BlockLineReader::Status status = lines_.next(line);
  if (status == BlockLineReader::Status::End) return Status::End;
  startLine_ = lines_.lineNumber();
  if (status == BlockLineReader::Status::TooLong)
    return malformed(fmt::format("line longer than {} bytes", maxRecord_));

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
        if (status == BlockLineReader::Status::End)
          return malformed(
              "a quoted field is not closed before the end of the file; the file may be "
              "truncated");
        if (status == BlockLineReader::Status::TooLong)
          return malformed(fmt::format("line longer than {} bytes", maxRecord_));
        recordBytes += line.size() + 1;
        if (recordBytes > maxRecord_)
          return malformed(fmt::format(
              "record longer than {} bytes; a quote is probably not closed", maxRecord_));
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
      while (i < line.size() && line[i] == ' ') ++i;
      if (i == line.size()) return Status::Record;
      if (line[i] != separator_)
        return malformed(fmt::format("text after the closing quote of field {}", count_));
      ++i;
      field = &newField();
      continue;
    }
    // At the start of a field; spaces before an opening quote are dropped.
    std::size_t first = i;
    while (first < line.size() && line[first] == ' ') ++first;
    if (first < line.size() && line[first] == '"') {
      inQuotes = true;
      quoted_[count_ - 1] = 1;
      i = first + 1;
      continue;
    }
    std::size_t end = line.find(separator_, i);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view text = line.substr(i, end - i);
    if (text.find('"') != std::string_view::npos)
      return malformed(fmt::format(
          "a quote inside field {} that is not in quotes; quote the field and double the "
          "quote (\"\")",
          count_));
    field->append(text);
    if (end == line.size()) return Status::Record;
    i = end + 1;
    field = &newField();
  }
}

}  // namespace edict::tables
