// One client connection as cpp-httplib reads and writes it, with the limits
// httplib 0.11 does not keep itself: each request must arrive whole within
// a deadline (a slow client is cut off, not waited on a byte at a time) and
// within a byte budget (a request line or header without end, or a chunked
// body past the limit, cannot grow memory); each response must leave within
// a deadline. Reads are buffered across the requests of a connection (so
// pipelined requests are kept) and a response goes out in one send.
// Internal to service/http: it is the only file besides server.cpp that
// sees httplib.
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace edict::http {

/// A connection's socket as an httplib::Stream.
class ConnectionStream final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;

  /// Why reading or writing stopped, when it did.
  enum class Failure { None, Deadline, TooLarge, Broken };

  ConnectionStream(int socket, std::chrono::milliseconds readTimeout,
                   std::chrono::milliseconds writeTimeout, std::size_t requestBudget);

  /// Starts the next request: its read deadline and byte budget.
  void beginRequest();
  /// Sends what is buffered; false when the client took none of it for
  /// the write timeout.
  bool flush();
  /// Sends `text` even after a failed read (the server's own answer to a
  /// request it cut off); false when it could not.
  bool sendAnyway(std::string_view text);
  /// Whether bytes of the next request are already buffered.
  [[nodiscard]] bool buffered() const { return inPos_ < inEnd_; }
  [[nodiscard]] Failure failure() const { return failure_; }
  /// Bytes of the current request read so far.
  [[nodiscard]] std::size_t requestBytes() const { return budget_ - left_; }

  // httplib::Stream
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return socket_; }

 private:
  /// Waits until the socket has `events` or `deadline` passes.
  bool waitFor(short events, Clock::time_point deadline) const;

  int socket_;
  std::chrono::milliseconds readTimeout_;
  std::chrono::milliseconds writeTimeout_;
  std::size_t budget_;
  std::size_t left_ = 0;
  Clock::time_point readDeadline_;
  Failure failure_ = Failure::None;
  std::vector<char> in_;
  std::size_t inPos_ = 0;
  std::size_t inEnd_ = 0;
  std::string out_;
  std::string remoteIp_;
  int remotePort_ = 0;
  std::string localIp_;
  int localPort_ = 0;
};

}  // namespace edict::http
