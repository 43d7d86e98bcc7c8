#include "runtime/read/fhir_resource_stream.h"

#include <fmt/format.h>

#include "runtime/read/reader_text.h"

namespace edict::read {

void FhirResourceStream::append(char ch) {
  if (buffer_.size() < kMaxResource)
    buffer_.push_back(ch);
  else
    tooLong_ = true;
}

FhirResourceStream::Status FhirResourceStream::deliver(FhirPiece& piece,
                                                       std::optional<std::size_t> entry) {
  piece.text.swap(buffer_);
  buffer_.clear();
  piece.line = startLine_;
  piece.entry = entry;
  const bool tooLong = tooLong_;
  tooLong_ = false;
  return tooLong ? Status::TooLong : Status::Piece;
}

FhirResourceStream::Status FhirResourceStream::nextLine(FhirPiece& piece) {
  for (;;) {
    std::string_view line;
    const io::LineReader::Status status = lines_.next(line);
    if (status == io::LineReader::Status::End) return Status::End;
    startLine_ = line_++;
    tooLong_ = status == io::LineReader::Status::TooLong;
    if (tooLong_) {
      buffer_.clear();
      return deliver(piece, std::nullopt);
    }
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;  // a blank line
    if (line[first] != '{') {
      piece.line = startLine_;
      piece.problem =
          fmt::format("expected a JSON object (a FHIR resource), found {}", showByte(line[first]));
      return Status::Malformed;
    }
    buffer_.assign(line);
    return deliver(piece, std::nullopt);
  }
}

FhirResourceStream::Status FhirResourceStream::next(FhirPiece& piece) {
  piece.problem.clear();
  piece.entry.reset();
  // Once the file shows itself NDJSON, every line is a resource: split lines
  // fast instead of scanning every character.
  if (ndjson_ && where_ == Where::Between) return nextLine(piece);
  for (;;) {
    const int c = lines_.get();
    if (c < 0) {
      if (where_ == Where::Between || where_ == Where::SkipLine) {
        where_ = Where::Between;
        return Status::End;
      }
      piece.line = startLine_;
      piece.problem =
          fmt::format("the file ends inside the JSON value that begins on line {}", startLine_);
      where_ = Where::Between;
      buffer_.clear();
      return Status::Malformed;
    }
    const char ch = static_cast<char>(c);
    if (ch == '\n') {
      ++line_;
      if (where_ == Where::SkipLine) {
        where_ = Where::Between;
        continue;
      }
    }
    Status status = Status::End;
    switch (where_) {
      case Where::SkipLine: continue;
      case Where::Between:
        // Blanks, and a UTF-8 byte order mark before the first value.
        if (isBlankOrByteOrderMark(ch)) continue;
        if (ch != '{') {
          piece.line = line_;
          piece.problem =
              fmt::format("expected a JSON object (a FHIR resource), found {}", showByte(ch));
          where_ = Where::SkipLine;
          return Status::Malformed;
        }
        where_ = Where::Top;
        startLine_ = line_;
        buffer_.assign(1, '{');
        tooLong_ = false;
        capturing_ = true;
        inString_ = escape_ = readingKey_ = readingType_ = entryNext_ = false;
        depth_ = 1;
        expectKey_ = true;
        key_.clear();
        resourceType_.clear();
        entryIndex_ = 0;
        continue;
      case Where::Top:
        if (top(ch, piece, status)) return status;
        continue;
      case Where::Entries:
      case Where::Entry:
        if (entry(ch, piece, status)) return status;
        continue;
    }
  }
}

bool FhirResourceStream::top(char ch, FhirPiece& piece, Status& status) {
  if (capturing_) append(ch);
  if (inString_) {
    if (escape_) {
      escape_ = false;
    } else if (ch == '\\') {
      escape_ = true;
      return false;
    } else if (ch == '"') {
      inString_ = readingKey_ = readingType_ = false;
      return false;
    }
    if (readingKey_ && key_.size() < 32) key_.push_back(ch);
    if (readingType_ && resourceType_.size() < 64) resourceType_.push_back(ch);
    return false;
  }
  if (isBlank(ch)) return false;
  if (entryNext_) {
    entryNext_ = false;
    if (ch == '[') {
      // Bundle.entry: its entries are delivered one by one, and the rest of
      // the Bundle is only scanned, not kept.
      where_ = Where::Entries;
      capturing_ = false;
      buffer_.clear();
      return false;
    }
  }
  switch (ch) {
    case '"':
      inString_ = true;
      if (depth_ == 1 && expectKey_) {
        readingKey_ = true;
        key_.clear();
      } else if (depth_ == 1 && key_ == "resourceType") {
        readingType_ = true;
        resourceType_.clear();
      }
      return false;
    case ':':
      if (depth_ == 1) {
        expectKey_ = false;
        entryNext_ = key_ == "entry" && (resourceType_.empty() || resourceType_ == "Bundle");
      }
      return false;
    case ',':
      if (depth_ == 1) expectKey_ = true;
      return false;
    case '{':
    case '[': ++depth_; return false;
    case '}':
    case ']':
      if (--depth_ > 0) return false;
      if (!decided_) {
        decided_ = true;
        ndjson_ = line_ == startLine_;
      }
      where_ = Where::Between;
      if (!capturing_) return false;  // a Bundle ended; its entries are out
      status = deliver(piece, std::nullopt);
      return true;
    default: return false;
  }
}

bool FhirResourceStream::entry(char ch, FhirPiece& piece, Status& status) {
  if (where_ == Where::Entries) {
    if (isBlank(ch) || ch == ',') return false;
    if (ch == ']') {
      where_ = Where::Top;
      return false;
    }
    where_ = Where::Entry;
    startLine_ = line_;
    buffer_.clear();
    tooLong_ = false;
    entryDepth_ = 0;
    inString_ = escape_ = false;
  }
  if (inString_) {
    append(ch);
    if (escape_)
      escape_ = false;
    else if (ch == '\\')
      escape_ = true;
    else if (ch == '"')
      inString_ = false;
    return false;
  }
  if (entryDepth_ == 0 && (ch == ',' || ch == ']')) {
    // A primitive where an entry object belongs ends at the next comma.
    where_ = ch == ']' ? Where::Top : Where::Entries;
    status = deliver(piece, entryIndex_++);
    return true;
  }
  append(ch);
  if (ch == '"') {
    inString_ = true;
  } else if (ch == '{' || ch == '[') {
    ++entryDepth_;
  } else if (ch == '}' || ch == ']') {
    if (--entryDepth_ <= 0) {
      where_ = Where::Entries;
      status = deliver(piece, entryIndex_++);
      return true;
    }
  }
  return false;
}

}  // namespace edict::read
