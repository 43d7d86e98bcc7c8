#include "tables/block_line_reader.h"

#include <cstring>

namespace edict::tables {

namespace {
constexpr std::size_t kBlock = std::size_t{1} << 20;
}

BlockLineReader::BlockLineReader(std::istream& in, std::size_t maxLine)
    : in_(in), maxLine_(maxLine), buffer_(maxLine + kBlock) {}

// Moves the unread tail to the front and reads one more block after it.
// Since a pending partial line is shorter than maxLine_, there is always at
// least a block of room. Returns false at end of input.
bool BlockLineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

// Discards input up to and including the next line feed.
void BlockLineReader::skipRestOfLine() {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      begin_ += static_cast<std::size_t>(static_cast<const char*>(nl) - start) + 1;
      return;
    }
    begin_ = end_ = 0;
    if (!fill()) return;
  }
}

BlockLineReader::Status BlockLineReader::next(std::string_view& line) {
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const std::size_t available = end_ - begin_;
    const void* nl = std::memchr(start, '\n', available);
    if (nl != nullptr) {
      std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - start);
      begin_ += len + 1;
      ++lineNumber_;
      if (len > maxLine_) return Status::TooLong;
      if (len > 0 && start[len - 1] == '\r') --len;
      line = std::string_view(start, len);
      lastHadNewline_ = true;
      return Status::Line;
    }
    if (available > maxLine_) {
      ++lineNumber_;
      skipRestOfLine();
      return Status::TooLong;
    }
    if (!fill()) {
      if (begin_ == end_) return Status::End;
      // The last line has no line ending.
      std::size_t len = end_ - begin_;
      start = buffer_.data() + begin_;
      begin_ = end_;
      ++lineNumber_;
      if (len > 0 && start[len - 1] == '\r') --len;
      line = std::string_view(start, len);
      lastHadNewline_ = false;
      return Status::Line;
    }
  }
}

}  // namespace edict::tables
