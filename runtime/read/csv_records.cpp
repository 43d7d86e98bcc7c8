#include "runtime/read/csv_records.h"

namespace edict::read {

bool CsvRecords::refill() {
  if (pos_ < end_) return true;
  const std::streamsize got =
      in_.rdbuf()->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  pos_ = 0;
  end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
  return end_ > 0;
}

CsvRecords::Status CsvRecords::next(std::vector<std::string>& fields) {
  fields.clear();
  recordLine_ = line_;
  std::size_t size = 0;
  bool tooLong = false;
  bool quoted = false;      // inside a quoted field
  bool afterQuote = false;  // just read a quote that closed the field, or starts `""`
  bool fieldStart = true;   // nothing read yet of the current field
  auto append = [&](const char* from, std::size_t count) {
    size += count;
    if (size > kMaxRecord) tooLong = true;
    if (!tooLong) fields.back().append(from, count);
  };
  if (!refill()) return Status::End;
  fields.emplace_back();
  bool ended = false;
  while (!ended) {
    if (!refill()) break;
    const char* const data = chunk_.data();
    std::size_t i = pos_;
    if (quoted) {
      // Inside quotes only a quote matters (and line breaks, for counting).
      const std::size_t start = i;
      while (i < end_ && data[i] != '"') line_ += data[i++] == '\n';
      append(data + start, i - start);
      pos_ = i;
      if (i < end_) {
        ++pos_;
        quoted = false;
        afterQuote = true;
      }
      continue;
    }
    const char ch = data[i];
    if (afterQuote) {
      afterQuote = false;
      if (ch == '"') {  // `""` inside a quoted field is one quote
        append(data + i, 1);
        ++pos_;
        quoted = true;
        continue;
      }
    }
    if (ch == '\n') {
      ++line_;
      ++pos_;
      ended = true;
    } else if (ch == ',') {
      fields.emplace_back();
      fieldStart = true;
      ++pos_;
    } else if (ch == '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      ++pos_;
    } else {
      // An unquoted run up to the next delimiter, appended at once.
      const std::size_t start = i;
      while (i < end_ && data[i] != ',' && data[i] != '\n' && data[i] != '"') ++i;
      if (i == start) ++i;  // a quote in the middle of a field is an ordinary character
      append(data + start, i - start);
      fieldStart = false;
      pos_ = i;
    }
  }
  if (quoted) return Status::UnclosedQuote;
  if (tooLong) {
    fields.clear();
    return Status::TooLong;
  }
  // CRLF: the carriage return before the line break belongs to no field.
  if (!fields.back().empty() && fields.back().back() == '\r') fields.back().pop_back();
  return Status::Record;
}

}  // namespace edict::read
