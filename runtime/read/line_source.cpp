#include "read/line_source.h"

namespace edict::read {

LineSource::Status LineSource::next(std::string& out) {
  out.clear();
  std::streambuf* buf = in_.rdbuf();
  bool tooLong = false;
  bool sawAny = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      if (!sawAny) return Status::End;
      break;
    }
    sawAny = true;
    if (c == '\n') break;
    if (out.size() < kMaxLine)
      out.push_back(static_cast<char>(c));
    else
      tooLong = true;
  }
  ++lineNumber_;
  if (!out.empty() && out.back() == '\r') out.pop_back();
  if (tooLong) {
    out.clear();
    return Status::TooLong;
  }
  return Status::Line;
}

}  // namespace edict::read
