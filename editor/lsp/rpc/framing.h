// The base protocol of the Language Server Protocol: each message is a
// header block (`Content-Length: N`, optionally `Content-Type`, each line
// ending in CRLF), an empty line, then N bytes of JSON. Reading is bounded:
// a header line, the header block and a body each have a limit, so a broken
// or hostile client cannot make the server hold unbounded input.
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace edict::lsp::rpc {

/// The largest message body accepted (an NCCI-scale ruleset is a few MB).
inline constexpr std::size_t kMaxBodyBytes = 64u << 20;
/// The longest header line, and the most header lines, of one message.
inline constexpr std::size_t kMaxHeaderLineBytes = 1024;
inline constexpr std::size_t kMaxHeaderLines = 16;

/// One read from the stream.
struct Frame {
  enum class Status {
    Message,  ///< `body` holds one message
    End,      ///< the stream ended between messages
    Bad,      ///< the header was broken (`error` says how); reading may go on
    Broken,   ///< the stream ended or broke inside a message; stop reading
  };
  Status status = Status::End;
  std::string body;
  std::string error;
};

/// Reads the next message. After `Bad` the header block was consumed (and
/// the body skipped when its length was known but too large), so the next
/// read starts at the following message.
Frame readFrame(std::istream& in);

/// Writes one message with its `Content-Length` header and flushes.
void writeFrame(std::ostream& out, std::string_view body);

}  // namespace edict::lsp::rpc
