// A scripted Language Server Protocol client for the end-to-end tests: it
// starts the real `edict lsp` with pipes for its standard input and output,
// sends messages framed as the protocol says (editor/lsp/rpc/framing.h, the
// same code both ways, which the framing's own tests pin byte for byte), and
// waits for answers with a deadline, never forever. The server is always
// stopped: by closing its input, then by SIGKILL if it has not ended.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "editor/lsp/rpc/message.h"

namespace edict::lsp::testing {

using rpc::Json;
using Clock = std::chrono::steady_clock;

/// One running `edict lsp` and the messages it sent.
class LspClient {
 public:
  /// Starts `binary lsp`; its standard error goes to `stderrPath`.
  LspClient(const std::string& binary, const std::string& stderrPath);
  ~LspClient();
  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  /// Sends a request; returns its id.
  int request(const std::string& method, Json params);
  void notify(const std::string& method, Json params);
  /// Waits for the response to request `id` (notifications that come first
  /// are kept); nullopt after `timeout`.
  std::optional<Json> response(int id, std::chrono::milliseconds timeout);
  /// Waits for a notification `method` that `match` accepts, looking first
  /// at those already received (and taking it from them).
  std::optional<Json> notification(const std::string& method,
                                   const std::function<bool(const Json&)>& match,
                                   std::chrono::milliseconds timeout);
  /// Closes the server's input and waits for it to end; its exit status, or
  /// nullopt when it had to be killed.
  std::optional<int> finish(std::chrono::milliseconds timeout);

 private:
  /// Reads the next message before `deadline`.
  std::optional<Json> next(Clock::time_point deadline);
  void send(const Json& message);

  pid_t pid_ = -1;
  int toServer_ = -1;
  int fromServer_ = -1;
  int nextId_ = 1;
  std::vector<Json> pending_;
  std::string buffered_;
};

}  // namespace edict::lsp::testing
