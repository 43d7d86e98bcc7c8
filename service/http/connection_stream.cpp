#include "service/http/connection_stream.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace edict::http {

namespace {

/// Output is sent once this much is buffered, else at the end of a response.
constexpr std::size_t kSendChunk = 64 * 1024;

void endpoint(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = "";
  char service[NI_MAXSERV] = "";
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                  sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

ConnectionStream::ConnectionStream(int socket, std::chrono::milliseconds readTimeout,
                                   std::chrono::milliseconds writeTimeout,
                                   std::size_t requestBudget)
    : socket_(socket),
      readTimeout_(readTimeout),
      writeTimeout_(writeTimeout),
      budget_(requestBudget),
      in_(16 * 1024) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    endpoint(address, length, remoteIp_, remotePort_);
  length = sizeof address;
  if (getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
    endpoint(address, length, localIp_, localPort_);
}

void ConnectionStream::beginRequest() {
  left_ = budget_;
  readDeadline_ = Clock::now() + readTimeout_;
  failure_ = Failure::None;
}

bool ConnectionStream::waitFor(short events, Clock::time_point deadline) const {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd fd{socket_, events, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

bool ConnectionStream::is_readable() const {
  if (buffered()) return true;
  pollfd fd{socket_, POLLIN, 0};
  return ::poll(&fd, 1, 0) > 0;
}

bool ConnectionStream::is_writable() const {
  return failure_ == Failure::None;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (failure_ != Failure::None) return -1;
  // A `100 Continue` must reach the client before its body can come.
  if (!out_.empty() && !flush()) return -1;
  if (left_ == 0) {
    failure_ = Failure::TooLarge;
    return -1;
  }
  if (!buffered()) {
    // Most reads find their bytes already there: try first, wait only when
    // there are none yet (one system call a read instead of two).
    ssize_t got;
    for (;;) {
      got = ::recv(socket_, in_.data(), in_.size(), MSG_DONTWAIT);
      if (got >= 0 || errno == EINTR) {
        if (got >= 0) break;
        continue;
      }
      if (errno != EAGAIN && errno != EWOULDBLOCK) break;
      if (!waitFor(POLLIN, readDeadline_)) {
        failure_ = Failure::Deadline;
        return -1;
      }
    }
    if (got == 0) return 0;
    if (got < 0) {
      failure_ = Failure::Broken;
      return -1;
    }
    inPos_ = 0;
    inEnd_ = static_cast<std::size_t>(got);
  }
  const std::size_t take = std::min({size, inEnd_ - inPos_, left_});
  std::memcpy(ptr, in_.data() + inPos_, take);
  inPos_ += take;
  left_ -= take;
  return static_cast<ssize_t>(take);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  // Once the request failed, the server answers for it itself: what httplib
  // would write about the broken request is dropped.
  if (failure_ != Failure::None) return static_cast<ssize_t>(size);
  out_.append(ptr, size);
  if (out_.size() >= kSendChunk && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

bool ConnectionStream::flush() {
  const Clock::time_point deadline = Clock::now() + writeTimeout_;
  std::size_t sent = 0;
  while (sent < out_.size()) {
    const ssize_t n =
        ::send(socket_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && waitFor(POLLOUT, deadline)) continue;
    out_.clear();
    failure_ = Failure::Broken;
    return false;
  }
  out_.clear();
  return true;
}

bool ConnectionStream::sendAnyway(std::string_view text) {
  if (failure_ == Failure::Broken) return false;
  out_.assign(text.data(), text.size());
  return flush();
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remoteIp_;
  port = remotePort_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = localIp_;
  port = localPort_;
}

}  // namespace edict::http
