#include "service/serve/signals.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>

namespace edict::serve {

SignalWatcher::SignalWatcher(std::function<void()> onHangup,
                             std::function<void(const char*)> onStop)
    : onHangup_(std::move(onHangup)), onStop_(std::move(onStop)) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  signals_ = signalfd(-1, &set, SFD_CLOEXEC);
  quit_ = eventfd(0, EFD_CLOEXEC);
  thread_ = std::thread([this] { watch(); });
  hangups_ = std::thread([this] { answerHangups(); });
}

SignalWatcher::~SignalWatcher() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t ignored = ::write(quit_, &one, sizeof one);
  thread_.join();
  {
    std::lock_guard lock(mutex_);
    quitting_ = true;
  }
  hangup_.notify_one();
  hangups_.join();
  ::close(signals_);
  ::close(quit_);
}

void SignalWatcher::watch() {
  bool stopping = false;
  for (;;) {
    std::array<pollfd, 2> fds{pollfd{signals_, POLLIN, 0}, pollfd{quit_, POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents & POLLIN) return;
    signalfd_siginfo info{};
    if (::read(signals_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
    if (info.ssi_signo == SIGHUP) {
      {
        std::lock_guard lock(mutex_);
        hangupPending_ = true;
      }
      hangup_.notify_one();
      continue;
    }
    if (stopping) {
      std::fputs("second stop signal: exiting now\n", stderr);
      std::_Exit(1);
    }
    stopping = true;
    onStop_(info.ssi_signo == SIGTERM ? "SIGTERM" : "SIGINT");
  }
}

void SignalWatcher::answerHangups() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      hangup_.wait(lock, [this] { return hangupPending_ || quitting_; });
      if (quitting_) return;
      hangupPending_ = false;
    }
    onHangup_();
  }
}

}  // namespace edict::serve
