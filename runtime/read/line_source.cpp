#include "runtime/read/line_source.h"

#include <cstring>

namespace edict::read {

bool LineSource::refill() {
  const std::streamsize got =
      in_.rdbuf()->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  pos_ = 0;
  end_ = got > 0 ? static_cast<std::size_t>(got) : 0;
  return end_ > 0;
}

LineSource::Status LineSource::next(std::string& out) {
  out.clear();
  bool tooLong = false;
  bool sawAny = false;
  for (;;) {
    if (pos_ == end_ && !refill()) {
      if (!sawAny) return Status::End;
      break;
    }
    sawAny = true;
    const char* start = chunk_.data() + pos_;
    const std::size_t available = end_ - pos_;
    const void* newline = std::memchr(start, '\n', available);
    const std::size_t take =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : available;
    // Bytes past kMaxLine are dropped, not stored: the line is reported TooLong.
    if (!tooLong) {
      if (out.size() + take <= kMaxLine) {
        out.append(start, take);
      } else {
        tooLong = true;
        out.clear();
      }
    }
    pos_ += take;
    if (newline) {
      ++pos_;
      break;
    }
  }
  ++lineNumber_;
  if (tooLong) return Status::TooLong;
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return Status::Line;
}

}  // namespace edict::read
