#include "service/http/client.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace edict::http {

namespace {

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string Reply::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (sameName(key, name)) return value;
  return {};
}

Client::Client(std::string host, int port, std::chrono::milliseconds timeout)
    : host_(std::move(host)), port_(port), timeout_(timeout) {}

Client::~Client() {
  close();
}

void Client::close() {
  if (socket_ >= 0) ::close(socket_);
  socket_ = -1;
  in_.clear();
}

bool Client::connect(std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(port_);
  if (const int rc = getaddrinfo(host_.c_str(), port.c_str(), &hints, &found); rc != 0) {
    error = fmt::format("{}: {}", host_, gai_strerror(rc));
    return false;
  }
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    socket_ = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (socket_ < 0) continue;
    if (::connect(socket_, a->ai_addr, a->ai_addrlen) == 0) break;
    ::close(socket_);
    socket_ = -1;
  }
  freeaddrinfo(found);
  if (socket_ < 0) {
    error = fmt::format("cannot connect to {}:{}: {}", host_, port_, std::strerror(errno));
    return false;
  }
  const int on = 1;
  ::setsockopt(socket_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  timeval tv{static_cast<time_t>(timeout_.count() / 1000),
             static_cast<suseconds_t>(timeout_.count() % 1000 * 1000)};
  ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(socket_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  return true;
}

bool Client::send(std::string_view method, std::string_view target, std::string_view body,
                  Reply& reply, std::string& error) {
  request_ = fmt::format("{} {} HTTP/1.1\r\nHost: {}:{}\r\nContent-Length: {}\r\n\r\n", method,
                         target, host_, port_, body.size());
  request_.append(body);
  // A kept connection the server has closed since fails at once; the
  // request is then sent again, once, on a new connection.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool reused = socket_ >= 0;
    if (!reused && !connect(error)) return false;
    std::size_t sent = 0;
    while (sent < request_.size()) {
      const ssize_t n =
          ::send(socket_, request_.data() + sent, request_.size() - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    if (sent == request_.size() && readReply(reply, error)) {
      if (sameName(reply.header("Connection"), "close")) close();
      return true;
    }
    close();
    if (!reused) return false;
  }
  return false;
}

bool Client::readReply(Reply& reply, std::string& error) {
  reply = Reply{};
  auto fill = [&]() {
    char buffer[16 * 1024];
    ssize_t n;
    do n = ::recv(socket_, buffer, sizeof buffer, 0);
    while (n < 0 && errno == EINTR);
    if (n <= 0) {
      error = n == 0 ? "the server closed the connection" : std::strerror(errno);
      return false;
    }
    in_.append(buffer, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t end;
  while ((end = in_.find("\r\n\r\n")) == std::string::npos)
    if (!fill()) return false;
  const std::string_view head(in_.data(), end);
  const std::size_t firstLine = head.find("\r\n");
  const std::string_view status = head.substr(0, firstLine);
  if (status.size() < 12 || !status.starts_with("HTTP/1.")) {
    error = fmt::format("not an HTTP answer: `{}`", status);
    return false;
  }
  std::from_chars(status.data() + 9, status.data() + 12, reply.status);
  std::size_t length = 0;
  std::size_t at = firstLine == std::string_view::npos ? head.size() : firstLine + 2;
  while (at < head.size()) {
    std::size_t next = head.find("\r\n", at);
    if (next == std::string_view::npos) next = head.size();
    const std::string_view line = head.substr(at, next - at);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      reply.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
      if (sameName(line.substr(0, colon), "Content-Length"))
        std::from_chars(value.data(), value.data() + value.size(), length);
    }
    at = next + 2;
  }
  in_.erase(0, end + 4);
  while (in_.size() < length)
    if (!fill()) return false;
  reply.body.assign(in_, 0, length);
  in_.erase(0, length);
  return true;
}

}  // namespace edict::http
