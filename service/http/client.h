// A small blocking HTTP/1.1 client over one kept-alive connection: what
// edict's tests and benchmark use to talk to `edict serve` as any client
// would (a real socket, the real server), with little cost of its own so
// that a benchmark on a shared machine measures the server.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edict::http {

/// One answer.
struct Reply {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  /// The header `name` (any case), or empty.
  [[nodiscard]] std::string header(std::string_view name) const;
};

/// A connection to one server, opened on first use and again whenever the
/// server closed it.
class Client {
 public:
  Client(std::string host, int port,
         std::chrono::milliseconds timeout = std::chrono::milliseconds(30000));
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// Sends `method target` with `body` and reads the answer into `reply`;
  /// false with the reason in `error` when no answer came.
  bool send(std::string_view method, std::string_view target, std::string_view body, Reply& reply,
            std::string& error);

 private:
  bool connect(std::string& error);
  bool readReply(Reply& reply, std::string& error);
  void close();

  std::string host_;
  int port_;
  std::chrono::milliseconds timeout_;
  int socket_ = -1;
  std::string request_;
  std::string in_;
};

}  // namespace edict::http
