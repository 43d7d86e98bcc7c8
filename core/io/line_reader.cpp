#include "core/io/line_reader.h"

#include <algorithm>
#include <cstring>

namespace edict::io {

namespace {
constexpr std::size_t kFirstBlock = std::size_t{64} << 10;
constexpr std::size_t kBlock = std::size_t{1} << 20;
}  // namespace

LineReader::LineReader(std::istream& in, std::size_t maxLine) : in_(in), maxLine_(maxLine) {}

// Doubles the buffer (keeping its content), up to maxLine_ + kBlock: room
// for the longest line accepted and one more block after it.
void LineReader::grow() {
  const std::size_t limit = maxLine_ + kBlock;
  const std::size_t capacity = capacity_ == 0 ? kFirstBlock : std::min(2 * capacity_, limit);
  auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
  if (end_ > 0) std::memcpy(bigger.get(), buffer_.get(), end_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

// Moves the unread tail to the front and reads more after it. The buffer
// grows while reads fill it (a large file) up to a block, and beyond that
// while a pending partial line leaves under half of it free; at its limit
// a partial line (shorter than maxLine_) leaves a block free. Returns false
// at end of input.
bool LineReader::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  const bool lastReadFilled = capacity_ > 0 && capacity_ < kBlock && lastReadFull_;
  if (capacity_ == 0 || lastReadFilled || capacity_ - end_ < capacity_ / 2) {
    if (capacity_ < maxLine_ + kBlock) grow();
  }
  const std::size_t room = capacity_ - end_;
  in_.read(buffer_.get() + end_, static_cast<std::streamsize>(room));
  const auto got = static_cast<std::size_t>(in_.gcount());
  end_ += got;
  lastReadFull_ = got == room;
  if (got == 0) eof_ = true;
  return got > 0;
}

void LineReader::skipPast(char delimiter) {
  for (;;) {
    const char* start = buffer_.get() + begin_;
    const void* hit = end_ > begin_ ? std::memchr(start, delimiter, end_ - begin_) : nullptr;
    if (hit != nullptr) {
      begin_ += static_cast<std::size_t>(static_cast<const char*>(hit) - start) + 1;
      return;
    }
    begin_ = end_ = 0;
    if (!fill()) return;
  }
}

LineReader::Status LineReader::nextUntil(char delimiter, std::string_view& piece) {
  for (;;) {
    const char* start = buffer_.get() + begin_;
    const std::size_t available = end_ - begin_;
    // memchr must not see the null buffer of a reader that has read nothing.
    const void* hit = available > 0 ? std::memchr(start, delimiter, available) : nullptr;
    if (hit != nullptr) {
      const auto length = static_cast<std::size_t>(static_cast<const char*>(hit) - start);
      begin_ += length + 1;
      ++lineNumber_;
      if (length > maxLine_) return Status::TooLong;
      piece = std::string_view(start, length);
      lastHadNewline_ = true;
      return Status::Line;
    }
    if (available > maxLine_) {
      ++lineNumber_;
      skipPast(delimiter);
      return Status::TooLong;
    }
    if (!fill()) {
      if (begin_ == end_) return Status::End;
      // The last piece has no delimiter.
      start = buffer_.get() + begin_;
      piece = std::string_view(start, end_ - begin_);
      begin_ = end_;
      ++lineNumber_;
      lastHadNewline_ = false;
      return Status::Line;
    }
  }
}

LineReader::Status LineReader::next(std::string_view& line) {
  const Status status = nextUntil('\n', line);
  if (status == Status::Line && line.ends_with('\r')) line.remove_suffix(1);
  return status;
}

}  // namespace edict::io
