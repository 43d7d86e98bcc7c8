#include "service/http/server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

#include "service/http/connection_stream.h"
#include "service/http/error_body.h"

namespace edict::http {

namespace {

using Clock = std::chrono::steady_clock;

/// One path and what it answers.
struct Endpoint {
  std::string path;
  std::map<std::string, Handler> byMethod;
  /// The `Allow` header: the methods, HEAD with GET.
  std::string allow;
  Histogram* latency = nullptr;
};

/// The request being served on this thread, for the handlers httplib calls.
struct Exchange {
  ConnectionStream* stream = nullptr;
  const Endpoint* endpoint = nullptr;
  const Handler* handler = nullptr;
  Clock::time_point started;
  /// The connection must close after the answer: part of the request (a
  /// body) was not read, or the server is stopping.
  bool closeAfter = false;
  /// The request's Content-Length (0 when absent).
  std::uint64_t contentLength = 0;
};

thread_local Exchange* current = nullptr;

/// Whether a body follows the headers (its length is `contentLength`).
bool hasBody(const httplib::Request& req, std::uint64_t contentLength) {
  if (contentLength > 0) return true;
  return req.has_header("Transfer-Encoding") &&
         req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
}

void answerError(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(errorBody(status, message), std::string(kJsonType));
}

/// The whole of an answer the server writes itself (408 or 413).
std::string rawAnswer(int status, std::string_view message) {
  const std::string body = errorBody(status, message);
  return fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
      status, status == 408 ? "Request Timeout" : "Payload Too Large", kJsonType, body.size(),
      body);
}

}  // namespace

Request::Request(const httplib::Request& raw, std::string_view body)
    : raw_(raw), method_(raw.method), path_(raw.path), body_(body) {}

std::string Request::param(const std::string& name, std::string fallback) const {
  return raw_.has_param(name) ? raw_.get_param_value(name) : std::move(fallback);
}

std::string Request::header(const std::string& name) const {
  return raw_.get_header_value(name);
}

/// httplib's server with edict's connection loop (see connection_stream.h):
/// httplib parses requests and writes answers; edict decides how long a
/// connection lives, reads and writes through its limits, and stops.
class Core final : public httplib::Server {
 public:
  /// `count` counts an answer the loop writes itself.
  Core(const ServerOptions& options, int stopEvent,
       std::function<void(const Exchange&, int, double)> count)
      : options_(options), stopEvent_(stopEvent), count_(std::move(count)) {}

  std::atomic<bool> stopping{false};
  /// Requests whose first byte has arrived and that are not yet answered.
  std::atomic<std::int64_t> inProgress{0};

 private:
  bool process_and_close_socket(socket_t sock) override {
    const int on = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    ConnectionStream stream(sock, options_.readTimeout, options_.writeTimeout,
                            options_.maxHeader + options_.maxBody);
    bool linger = false;
    for (std::size_t n = 0; n < options_.keepAliveRequests; ++n) {
      if (!stream.buffered() && !awaitRequest(sock)) break;
      Exchange exchange;
      exchange.stream = &stream;
      exchange.started = Clock::now();
      current = &exchange;
      stream.beginRequest();
      const bool last = n + 1 == options_.keepAliveRequests || stopping.load();
      bool closed = false;
      inProgress.fetch_add(1, std::memory_order_relaxed);
      const bool ok = process_request(stream, last, closed, nullptr);
      inProgress.fetch_sub(1, std::memory_order_relaxed);
      current = nullptr;
      if (stream.failure() == ConnectionStream::Failure::Deadline ||
          stream.failure() == ConnectionStream::Failure::TooLarge) {
        answerCutOff(stream, exchange);
        linger = true;
        break;
      }
      if (!stream.flush() || !ok || closed || last) break;
      if (exchange.closeAfter) {
        linger = true;
        break;
      }
    }
    close(sock, linger);
    return true;
  }

  /// Waits for the next request of an idle connection; false when the
  /// connection is to close (idle too long, closed by the client, or the
  /// server stopping with nothing on the way).
  bool awaitRequest(int sock) const {
    std::array<pollfd, 2> fds{pollfd{sock, POLLIN, 0}, pollfd{stopEvent_, POLLIN, 0}};
    const auto timeout = static_cast<int>(options_.keepAliveTimeout.count());
    int ready;
    do ready = ::poll(fds.data(), fds.size(), timeout);
    while (ready < 0 && errno == EINTR);
    if (ready <= 0) return false;
    // Stopping wins over a request that arrives at the same moment: it is
    // not in flight, and the client sees the connection closed unanswered.
    if ((fds[1].revents & POLLIN) != 0 || (fds[0].revents & POLLIN) == 0) return false;
    // Readable may mean the client closed: let the request's read find out.
    return true;
  }

  /// The answer to a request cut off by its deadline or budget.
  void answerCutOff(ConnectionStream& stream, const Exchange& exchange) {
    const bool late = stream.failure() == ConnectionStream::Failure::Deadline;
    if (late && stream.requestBytes() == 0) return;  // nothing of a request came
    const int status = late ? 408 : 413;
    const std::string message =
        late ? fmt::format("the request did not arrive within {} ms (--read-timeout)",
                           options_.readTimeout.count())
             : fmt::format("the request is larger than the limit ({} bytes of body, --max-body)",
                           options_.maxBody);
    stream.sendAnyway(rawAnswer(status, message));
    count_(exchange, status,
           std::chrono::duration<double>(Clock::now() - exchange.started).count());
  }

  /// Closes the connection; with `linger`, first lets the client finish
  /// sending (briefly), so that it reads the answer rather than a reset.
  static void close(int sock, bool linger) {
    if (linger) {
      ::shutdown(sock, SHUT_WR);
      const Clock::time_point until = Clock::now() + std::chrono::seconds(2);
      std::array<char, 16 * 1024> sink{};
      std::size_t drained = 0;
      while (drained < (64u << 20)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        pollfd fd{sock, POLLIN, 0};
        if (left <= 0 || ::poll(&fd, 1, static_cast<int>(left)) <= 0) break;
        const ssize_t got = ::recv(sock, sink.data(), sink.size(), 0);
        if (got <= 0) break;
        drained += static_cast<std::size_t>(got);
      }
    }
    ::close(sock);
  }

  const ServerOptions& options_;
  int stopEvent_;
  std::function<void(const Exchange&, int, double)> count_;
};

struct Server::Impl {
  explicit Impl(ServerOptions o)
      : options(std::move(o)),
        stopEvent(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
        core(options, stopEvent, [this](const Exchange& exchange, int status, double seconds) {
          countRequest(exchange.endpoint, status, seconds);
        }) {
    otherLatency = &metrics.histogram("edict_http_request_duration_seconds",
                                      "Time from a request's first byte to its answer sent",
                                      {{"endpoint", "other"}}, latencyBounds());
    // Also how a test knows the server has begun a request before it acts.
    metrics.gauge("edict_http_requests_in_progress",
                  "Requests begun (their first byte arrived) and not yet answered", [this] {
                    return std::vector<std::pair<Labels, double>>{
                        {{}, static_cast<double>(core.inProgress.load())}};
                  });
  }

  ~Impl() { ::close(stopEvent); }

  /// Counts one answered request.
  void countRequest(const Endpoint* endpoint, int status, double seconds) {
    const std::string& label = endpoint ? endpoint->path : kOther;
    countersFor(label, status).add();
    (endpoint ? endpoint->latency : otherLatency)->observe(seconds);
  }

  Counter& countersFor(const std::string& endpoint, int status) {
    // The series of a status is made once; later requests find it here.
    const std::size_t slot = status >= 100 && status < 600 ? static_cast<std::size_t>(status) : 0;
    std::lock_guard lock(countersMutex);
    auto& slots = requestCounters[endpoint];
    if (slots.empty()) slots.resize(600, nullptr);
    if (!slots[slot])
      slots[slot] = &metrics.counter("edict_http_requests_total", "Requests answered",
                                     {{"endpoint", endpoint}, {"code", std::to_string(status)}});
    return *slots[slot];
  }

  void install();
  httplib::Server::HandlerResponse preRoute(const httplib::Request& req, httplib::Response& res);
  void readBodyAndAnswer(const httplib::Request& req, httplib::Response& res,
                         const httplib::ContentReader& reader);
  void answer(const Handler& handler, const httplib::Request& req, std::string_view body,
              httplib::Response& res);

  static inline const std::string kOther = "other";
  ServerOptions options;
  int stopEvent;
  Metrics metrics;
  Core core;
  std::unordered_map<std::string, Endpoint> endpoints;
  Histogram* otherLatency = nullptr;
  std::mutex countersMutex;
  std::unordered_map<std::string, std::vector<Counter*>> requestCounters;
  int port = 0;
  std::once_flag stopOnce;
};

void Server::Impl::answer(const Handler& handler, const httplib::Request& req,
                          std::string_view body, httplib::Response& res) {
  Response out;
  try {
    handler(Request(req, body), out);
  } catch (const std::exception& e) {
    out = {};
    out.status = 500;
    out.contentType = kJsonType;
    out.body = errorBody(500, fmt::format("internal error: {}", e.what()));
  }
  res.status = out.status;
  for (auto& [name, value] : out.headers) res.set_header(name.c_str(), value);
  res.body = std::move(out.body);
  res.set_header("Content-Type", out.contentType);
}

httplib::Server::HandlerResponse Server::Impl::preRoute(const httplib::Request& req,
                                                        httplib::Response& res) {
  using Answered = httplib::Server::HandlerResponse;
  Exchange& exchange = *current;
  exchange.contentLength = req.get_header_value<std::uint64_t>("Content-Length");
  // Anything answered before its body is read leaves the body unread: the
  // connection cannot be used for another request after it.
  const bool body = hasBody(req, exchange.contentLength);
  auto refuse = [&](int status, std::string_view message) {
    answerError(res, status, message);
    if (body) exchange.closeAfter = true;
    return Answered::Handled;
  };
  const auto found = endpoints.find(req.path);
  if (found == endpoints.end()) return refuse(404, fmt::format("no endpoint at `{}`", req.path));
  const Endpoint& endpoint = found->second;
  exchange.endpoint = &endpoint;
  if (req.method == "OPTIONS") {
    res.status = 204;
    res.set_header("Allow", endpoint.allow);
    if (body) exchange.closeAfter = true;
    return Answered::Handled;
  }
  const auto handler = endpoint.byMethod.find(req.method == "HEAD" ? "GET" : req.method);
  if (handler == endpoint.byMethod.end()) {
    res.set_header("Allow", endpoint.allow);
    return refuse(405, fmt::format("`{}` takes {}, not {}", req.path, endpoint.allow, req.method));
  }
  if (body && req.has_header("Content-Encoding")) {
    const std::string encoding = req.get_header_value("Content-Encoding");
    if (encoding != "identity")
      return refuse(415, fmt::format("bodies are taken uncompressed, not in `{}`", encoding));
  }
  if (exchange.contentLength > options.maxBody)
    return refuse(413, fmt::format("the body is larger than the limit ({} bytes, --max-body)",
                                   options.maxBody));
  exchange.handler = &handler->second;
  if (!body) {
    answer(handler->second, req, {}, res);
    return Answered::Handled;
  }
  return Answered::Unhandled;  // httplib reads the body: readBodyAndAnswer
}

void Server::Impl::readBodyAndAnswer(const httplib::Request& req, httplib::Response& res,
                                     const httplib::ContentReader& reader) {
  Exchange& exchange = *current;
  std::string body;
  body.reserve(std::min<std::size_t>(exchange.contentLength, options.maxBody));
  bool tooLarge = false;
  const bool read = reader([&](const char* data, std::size_t size) {
    if (body.size() + size > options.maxBody) {
      tooLarge = true;
      return false;
    }
    body.append(data, size);
    return true;
  });
  if (!read || exchange.handler == nullptr) {
    exchange.closeAfter = true;
    if (tooLarge)
      answerError(
          res, 413,
          fmt::format("the body is larger than the limit ({} bytes, --max-body)", options.maxBody));
    else
      answerError(res, 400, "the body could not be read whole");
    return;
  }
  answer(*exchange.handler, req, body, res);
}

void Server::Impl::install() {
  core.new_task_queue = [this] { return new httplib::ThreadPool(options.threads); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let
  // a second server take the same port without an error.
  core.set_socket_options([](socket_t sock) {
    const int on = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  });
  core.set_payload_max_length(options.maxBody);
  // Only for the `Keep-Alive` header httplib writes: the connection loop
  // above keeps these limits itself.
  core.set_keep_alive_max_count(options.keepAliveRequests);
  core.set_keep_alive_timeout(
      std::max<time_t>(1, static_cast<time_t>(options.keepAliveTimeout.count() / 1000)));
  core.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return preRoute(req, res); });
  const auto withBody = [this](const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) {
    readBodyAndAnswer(req, res, reader);
  };
  core.Post(".*", withBody);
  core.Put(".*", withBody);
  core.Patch(".*", withBody);
  core.Delete(".*", withBody);
  core.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value<std::uint64_t>("Content-Length") <= options.maxBody) return 100;
    answerError(
        res, 413,
        fmt::format("the body is larger than the limit ({} bytes, --max-body)", options.maxBody));
    if (current) current->closeAfter = true;
    return 413;
  });
  core.set_logger([this](const httplib::Request&, const httplib::Response& res) {
    if (current == nullptr) return;
    countRequest(current->endpoint, res.status,
                 std::chrono::duration<double>(Clock::now() - current->started).count());
  });
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->install();
}

Server::~Server() {
  stop();
}

void Server::route(const std::string& method, const std::string& path, Handler handler) {
  Endpoint& endpoint = impl_->endpoints[path];
  if (endpoint.path.empty()) {
    endpoint.path = path;
    endpoint.latency =
        &impl_->metrics.histogram("edict_http_request_duration_seconds",
                                  "Time from a request's first byte to its answer sent",
                                  {{"endpoint", path}}, latencyBounds());
  }
  endpoint.byMethod[method] = std::move(handler);
  endpoint.allow.clear();
  for (const auto& [name, h] : endpoint.byMethod) {
    if (!endpoint.allow.empty()) endpoint.allow += ", ";
    endpoint.allow += name == "GET" ? "GET, HEAD" : name;
  }
}

Metrics& Server::metrics() {
  return impl_->metrics;
}

const ServerOptions& Server::options() const {
  return impl_->options;
}

bool Server::bind(std::string& error) {
  errno = 0;
  if (impl_->options.port == 0) {
    impl_->port = impl_->core.bind_to_any_port(impl_->options.host);
    if (impl_->port > 0) return true;
  } else if (impl_->core.bind_to_port(impl_->options.host, impl_->options.port)) {
    impl_->port = impl_->options.port;
    return true;
  }
  error = fmt::format("cannot listen on {}:{}: {}", impl_->options.host, impl_->options.port,
                      errno != 0 ? std::strerror(errno) : "the address cannot be bound");
  return false;
}

int Server::port() const {
  return impl_->port;
}

void Server::serve() {
  impl_->core.listen_after_bind();
}

void Server::stop() {
  std::call_once(impl_->stopOnce, [this] {
    impl_->core.stopping = true;
    const std::uint64_t one = 1;
    // The event stays readable: every idle connection's wait ends.
    [[maybe_unused]] const ssize_t ignored = ::write(impl_->stopEvent, &one, sizeof one);
    if (impl_->core.is_running()) impl_->core.stop();
  });
}

bool Server::stopping() const {
  return impl_->core.stopping.load();
}

bool parseListenAddress(std::string_view text, std::string& host, int& port, std::string& error) {
  std::string_view hostPart;
  std::string_view portPart;
  if (text.starts_with('[')) {
    const std::size_t close = text.find("]:");
    if (close == std::string_view::npos) {
      error = fmt::format("`{}`: expected [IPV6]:PORT", text);
      return false;
    }
    hostPart = text.substr(1, close - 1);
    portPart = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      error = fmt::format("`{}`: expected HOST:PORT, e.g. 127.0.0.1:8080", text);
      return false;
    }
    hostPart = text.substr(0, colon);
    portPart = text.substr(colon + 1);
  }
  int value = -1;
  const auto [end, ec] = std::from_chars(portPart.data(), portPart.data() + portPart.size(), value);
  if (hostPart.empty() || ec != std::errc() || end != portPart.data() + portPart.size() ||
      value < 0 || value > 65535) {
    error = fmt::format("`{}`: expected HOST:PORT with a port from 0 to 65535", text);
    return false;
  }
  host = std::string(hostPart);
  port = value;
  return true;
}

}  // namespace edict::http
