#include "editor/lsp/rpc/framing.h"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <optional>

namespace edict::lsp::rpc {

namespace {

enum class LineRead { Line, End, TooLong };

/// Reads one header line without its CRLF (a lone LF is accepted too).
LineRead readHeaderLine(std::istream& in, std::string& line) {
  line.clear();
  for (;;) {
    const int ch = in.get();
    if (ch == std::char_traits<char>::eof()) return LineRead::End;
    if (ch == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return LineRead::Line;
    }
    if (line.size() >= kMaxHeaderLineBytes) return LineRead::TooLong;
    line.push_back(static_cast<char>(ch));
  }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Frame bad(std::string error) {
  return Frame{Frame::Status::Bad, {}, std::move(error)};
}

}  // namespace

Frame readFrame(std::istream& in) {
  std::optional<std::size_t> length;
  std::string error;
  std::string line;
  std::size_t lines = 0;
  for (;;) {
    const LineRead read = readHeaderLine(in, line);
    if (read == LineRead::End) {
      if (lines == 0 && line.empty()) return Frame{Frame::Status::End, {}, {}};
      return Frame{Frame::Status::Broken, {}, "the input ended inside a message header"};
    }
    if (read == LineRead::TooLong) {
      // Skip the rest of the line and go on to the end of the block.
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      error = fmt::format("a header line is longer than {} bytes", kMaxHeaderLineBytes);
      ++lines;
      continue;
    }
    if (line.empty()) {
      // A blank line before any header: stray line breaks between messages.
      if (lines == 0) continue;
      break;
    }
    if (++lines > kMaxHeaderLines) {
      error = fmt::format("a message header has more than {} lines", kMaxHeaderLines);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      error = "a header line without `:`";
      continue;
    }
    const std::string_view name = trimmed(std::string_view(line).substr(0, colon));
    const std::string_view value = trimmed(std::string_view(line).substr(colon + 1));
    if (!equalsIgnoringCase(name, "Content-Length")) continue;  // Content-Type and others
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      error = "`Content-Length` is not a number";
      continue;
    }
    length = n;
  }
  if (!error.empty()) return bad(std::move(error));
  if (!length) return bad("a message header without `Content-Length`");
  if (*length > kMaxBodyBytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    if (!in) return Frame{Frame::Status::Broken, {}, "the input ended inside a message"};
    return bad(
        fmt::format("a message of {} bytes, more than the limit of {}", *length, kMaxBodyBytes));
  }
  Frame frame;
  frame.body.resize(*length);
  in.read(frame.body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length)
    return Frame{Frame::Status::Broken, {}, "the input ended inside a message"};
  frame.status = Frame::Status::Message;
  return frame;
}

void writeFrame(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n";
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.flush();
}

}  // namespace edict::lsp::rpc
