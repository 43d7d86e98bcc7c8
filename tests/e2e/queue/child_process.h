// A child process for the end-to-end tests of the message system: started
// with its standard output and error in files, signalled, waited for with
// a bound, and killed when the test ends however it ends.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace edict::testing {

/// Polls `done` every 10 ms until it holds (true) or `timeout` passes (false).
template <typename Done>
bool pollUntil(std::chrono::milliseconds timeout, Done done) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

class ChildProcess {
 public:
  /// Starts `argv` in `directory`, standard output to `outPath` and
  /// standard error to `errPath`, standard input from /dev/null.
  ChildProcess(const std::vector<std::string>& argv, const std::string& directory,
               std::string outPath, std::string errPath);
  /// SIGKILLs it if it still runs.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  void signal(int signal) const;
  /// Its exit status (128 + N for signal N), or -1 if it runs after `timeout`.
  int wait(std::chrono::milliseconds timeout);
  /// Whether it still runs.
  bool running();
  [[nodiscard]] std::string out() const;
  [[nodiscard]] std::string err() const;
  /// Waits until its standard error holds `text`; false after `timeout` or
  /// when it ended without.
  bool waitForErr(const std::string& text, std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::string outPath_;
  std::string errPath_;
};

/// The text of `path`.
std::string fileText(const std::string& path);

}  // namespace edict::testing
