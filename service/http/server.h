// edict's HTTP/1.1 server: cpp-httplib underneath, and around it what a
// service needs and the library leaves out. Endpoints are registered by
// method and exact path; the server answers 404 for other paths, 405 (with
// `Allow`) for other methods, 413 for a body over the limit, 415 for a
// compressed body, 408 for a request that does not arrive within the read
// timeout. It counts requests by endpoint and status and their latency in
// its metrics registry, to which endpoints add their own. stop() is
// graceful: no new connection is taken, idle ones are closed at once, and
// requests in flight finish and are answered.
//
// Threads: each connection is served by one of `threads` connection
// threads for as long as it stays open (httplib's model); a handler runs
// on that thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/http/metrics.h"

namespace httplib {
struct Request;
}

namespace edict::http {

/// How a server listens and what it puts up with.
struct ServerOptions {
  std::string host = "127.0.0.1";
  /// 0 takes a free port (port() says which).
  int port = 8080;
  /// Connections served at once (further ones wait to be accepted).
  unsigned threads = 8;
  /// A request (line, headers and body) must arrive whole within this.
  std::chrono::milliseconds readTimeout{30000};
  /// A client that takes no bytes of its answer for this long is cut off.
  std::chrono::milliseconds writeTimeout{30000};
  /// An idle keep-alive connection is closed after this.
  std::chrono::milliseconds keepAliveTimeout{5000};
  /// Requests on one connection before it is closed (so that waiting
  /// connections get a thread).
  std::size_t keepAliveRequests = 1000;
  /// The largest request body taken.
  std::size_t maxBody = 16u << 20;
  /// The largest request line and headers taken, together.
  std::size_t maxHeader = 64u << 10;
};

/// A request as a handler sees it.
class Request {
 public:
  [[nodiscard]] std::string_view method() const { return method_; }
  [[nodiscard]] std::string_view path() const { return path_; }
  [[nodiscard]] std::string_view body() const { return body_; }
  /// The query parameter `name`, or `fallback` when absent.
  [[nodiscard]] std::string param(const std::string& name, std::string fallback = {}) const;
  /// The header `name` (any case), or empty.
  [[nodiscard]] std::string header(const std::string& name) const;

 private:
  friend class Server;
  Request(const httplib::Request& raw, std::string_view body);
  const httplib::Request& raw_;
  std::string_view method_;
  std::string_view path_;
  std::string_view body_;
};

/// What a handler answers.
struct Response {
  int status = 200;
  std::string contentType = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

using Handler = std::function<void(const Request&, Response&)>;

/// An HTTP server with registered endpoints.
class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Answers `method` (GET also answers HEAD) on `path` with `handler`.
  /// Register everything before serve().
  void route(const std::string& method, const std::string& path, Handler handler);

  /// The registry the server counts into; endpoints may add their own.
  Metrics& metrics();

  /// Binds the listening socket; false with the reason in `error`.
  bool bind(std::string& error);
  /// The port bound (after bind()).
  [[nodiscard]] int port() const;
  /// Serves until stop(); returns once every connection thread ended.
  void serve();
  /// Stops gracefully; safe from any thread, and more than once.
  void stop();
  /// Whether stop() was called.
  [[nodiscard]] bool stopping() const;

  [[nodiscard]] const ServerOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Splits `HOST:PORT` (`[::1]:8080` for IPv6); false with the reason.
bool parseListenAddress(std::string_view text, std::string& host, int& port, std::string& error);

}  // namespace edict::http
