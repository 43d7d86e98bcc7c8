#include "editor/lsp/server/serve.h"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <streambuf>
#include <thread>

#include "editor/lsp/rpc/framing.h"
#include "editor/lsp/server/server.h"

namespace edict::lsp {

namespace {

/// An input stream buffer on a file descriptor that ends when told to stop:
/// it waits for input in slices of 100 ms and checks the flag between them.
class StoppableFdBuffer : public std::streambuf {
 public:
  StoppableFdBuffer(int fd, const std::atomic<bool>& stop) : fd_(fd), stop_(stop) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    while (!stop_.load()) {
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0) return traits_type::eof();
      if (ready == 0) continue;
      const ssize_t n = ::read(fd_, buffer_, sizeof buffer_);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return traits_type::eof();
      setg(buffer_, buffer_, buffer_ + n);
      return traits_type::to_int_type(*gptr());
    }
    return traits_type::eof();
  }

 private:
  int fd_;
  const std::atomic<bool>& stop_;
  char buffer_[64 * 1024];
};

/// An output stream buffer that writes whole to a file descriptor.
class FdOutBuffer : public std::streambuf {
 public:
  explicit FdOutBuffer(int fd) : fd_(fd) {}

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    pending_.append(data, static_cast<std::size_t>(size));
    return size;
  }
  int_type overflow(int_type ch) override {
    if (!traits_type::eq_int_type(ch, traits_type::eof()))
      pending_.push_back(static_cast<char>(ch));
    return traits_type::not_eof(ch);
  }
  int sync() override {
    std::size_t done = 0;
    while (done < pending_.size()) {
      const ssize_t n = ::write(fd_, pending_.data() + done, pending_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        pending_.clear();
        return -1;  // the client is gone
      }
      done += static_cast<std::size_t>(n);
    }
    pending_.clear();
    return 0;
  }

 private:
  int fd_;
  std::string pending_;
};

/// Frames read, waiting for the server's thread.
struct Inbox {
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<rpc::Frame> frames;
  bool ended = false;
};

}  // namespace

int serve(int inFd, int outFd, std::ostream& log) {
  std::atomic<bool> stop{false};
  Inbox inbox;
  std::thread reader([&] {
    StoppableFdBuffer buffer(inFd, stop);
    std::istream in(&buffer);
    for (;;) {
      rpc::Frame frame = rpc::readFrame(in);
      const bool last =
          frame.status == rpc::Frame::Status::End || frame.status == rpc::Frame::Status::Broken;
      {
        std::lock_guard lock(inbox.mutex);
        inbox.frames.push_back(std::move(frame));
        inbox.ended = last;
      }
      inbox.ready.notify_one();
      if (last) return;
    }
  });

  FdOutBuffer outBuffer(outFd);
  std::ostream out(&outBuffer);
  Server server([&out](const rpc::Json& message) { rpc::writeFrame(out, rpc::serialize(message)); },
                log);
  for (;;) {
    rpc::Frame frame;
    {
      std::unique_lock lock(inbox.mutex);
      if (inbox.frames.empty()) {
        lock.unlock();
        server.idle();  // nothing waits: now the diagnostics
        lock.lock();
      }
      inbox.ready.wait(lock, [&] { return !inbox.frames.empty(); });
      frame = std::move(inbox.frames.front());
      inbox.frames.pop_front();
    }
    if (frame.status == rpc::Frame::Status::Message) {
      server.handle(frame.body);
      if (server.exited()) break;
      continue;
    }
    if (frame.status == rpc::Frame::Status::Bad) {
      log << "edict lsp: skipped a message: " << frame.error << '\n';
      continue;
    }
    if (frame.status == rpc::Frame::Status::Broken) log << "edict lsp: " << frame.error << '\n';
    break;
  }
  stop = true;
  reader.join();
  return server.exitStatus();
}

}  // namespace edict::lsp
