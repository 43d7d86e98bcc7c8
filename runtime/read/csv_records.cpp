#include "read/csv_records.h"

namespace edict::read {

int CsvRecords::get() {
  if (pos_ == end_) {
    const std::streamsize got =
        in_.rdbuf()->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    pos_ = 0;
    end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
    if (end_ == 0) return -1;
  }
  return static_cast<unsigned char>(chunk_[pos_++]);
}

CsvRecords::Status CsvRecords::next(std::vector<std::string>& fields) {
  fields.clear();
  recordLine_ = line_;
  std::size_t size = 0;
  bool tooLong = false;
  bool quoted = false;      // inside a quoted field
  bool afterQuote = false;  // just read a quote that closed the field, or starts `""`
  bool fieldStart = true;   // nothing read yet of the current field
  auto append = [&](char ch) {
    if (++size > kMaxRecord) tooLong = true;
    if (!tooLong) fields.back().push_back(ch);
  };
  int c = get();
  if (c < 0) return Status::End;
  fields.emplace_back();
  for (; c >= 0; c = get()) {
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        quoted = false;
        afterQuote = true;
        continue;
      }
      if (ch == '\n') ++line_;
      append(ch);
      continue;
    }
    if (afterQuote) {
      afterQuote = false;
      if (ch == '"') {  // `""` inside a quoted field is one quote
        append('"');
        quoted = true;
        continue;
      }
    }
    if (ch == '\n') {
      ++line_;
      break;
    }
    if (ch == ',') {
      fields.emplace_back();
      fieldStart = true;
      continue;
    }
    if (ch == '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    append(ch);
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
