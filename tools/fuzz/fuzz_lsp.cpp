// libFuzzer target: any bytes as what an editor sends the language server:
// framed by the LSP base protocol (Content-Length headers), each message
// parsed as JSON-RPC and handled by the server (opening, changing, hovering,
// completing...), with diagnostics published between messages. Must never
// crash, hang or leak; errors and skipped messages are fine.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "editor/lsp/rpc/framing.h"
#include "editor/lsp/server/server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream log;
  std::size_t sent = 0;
  edict::lsp::Server server([&sent](const edict::lsp::rpc::Json& m) { sent += m.size(); }, log);
  // A bound on messages keeps each input quick.
  for (int messages = 0; messages < 64; ++messages) {
    const edict::lsp::rpc::Frame frame = edict::lsp::rpc::readFrame(in);
    using Status = edict::lsp::rpc::Frame::Status;
    if (frame.status == Status::End || frame.status == Status::Broken) break;
    if (frame.status == Status::Message) server.handle(frame.body);
    if (server.exited()) break;
    server.idle();
  }
  return 0;
}
