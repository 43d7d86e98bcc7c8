// `edict serve` (or `edict playground`) started as a user starts it, for
// the end-to-end tests: a child process on a free loopback port (`--listen
// 127.0.0.1:0`, the port read from its log), stopped with SIGTERM when the
// test ends, however it ends (SIGKILL if it does not stop in time). Waits
// are bounded polls.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace edict::testing {

/// Polls `done` every 10 ms until it holds (true) or `timeout` passes
/// (false): how a test waits for a process, never a fixed sleep.
template <typename Done>
bool within(std::chrono::milliseconds timeout, Done done) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

/// A running `edict serve` (or `edict playground`, which is served alike).
class ServeProcess {
 public:
  /// Starts `edict VERB ARGS... --listen 127.0.0.1:0` from the source
  /// root and waits for it to log `listening on 127.0.0.1:PORT`; REQUIREs
  /// that it does.
  explicit ServeProcess(const std::vector<std::string>& args, const std::string& verb = "serve");
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] pid_t pid() const { return pid_; }
  /// Everything it logged so far.
  [[nodiscard]] std::string log() const;
  /// Waits until its log holds `text`; false after `timeout`.
  bool waitForLog(const std::string& text, std::chrono::milliseconds timeout) const;
  /// Sends `signal`.
  void signal(int signal) const;
  /// Waits for it to exit; its exit status, or -1 after `timeout`.
  int wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string logPath_;
  bool exited_ = false;
};

/// Runs `edict ARGS...` from the source root; its standard output.
std::string runEdict(const std::vector<std::string>& args);

/// The text of `path`.
std::string readText(const std::string& path);

/// Sends `bytes` on a new connection to 127.0.0.1:`port` and returns all
/// it receives until the server closes the connection or `timeout` passes
/// (for requests no client library would send).
std::string rawExchange(int port, const std::string& bytes, std::chrono::milliseconds timeout);

/// A connection to 127.0.0.1 that sends what it is given, when it is.
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  void send(const std::string& bytes);
  /// All it receives until the server closes or `timeout` passes.
  std::string receiveAll(std::chrono::milliseconds timeout);

 private:
  int socket_ = -1;
};

}  // namespace edict::testing
