// The signals a long-running edict answers: SIGHUP reloads, SIGTERM and
// SIGINT stop gracefully. They are blocked in every thread and read from a
// signalfd on a thread of their own, so the answers run as ordinary code
// (they take locks, log, start a reload), not in a signal handler.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace edict::serve {

/// Answers SIGHUP, SIGTERM and SIGINT until destroyed.
class SignalWatcher {
 public:
  /// Blocks the signals in the calling thread, and so in every thread it
  /// starts later: make the watcher before any other thread. `onHangup`
  /// runs after SIGHUP, on a thread of its own so that a long reload does
  /// not hold up a stop (SIGHUPs that come while it runs make one more
  /// run); `onStop` runs for the first SIGTERM or SIGINT (with its name); a
  /// second one ends the process at once, with status 1.
  SignalWatcher(std::function<void()> onHangup, std::function<void(const char*)> onStop);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  void watch();
  void answerHangups();
  std::function<void()> onHangup_;
  std::function<void(const char*)> onStop_;
  int signals_ = -1;
  int quit_ = -1;
  std::mutex mutex_;
  std::condition_variable hangup_;
  bool hangupPending_ = false;
  bool quitting_ = false;
  std::thread thread_;
  std::thread hangups_;
};

}  // namespace edict::serve
