#include "lsp_client.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <istream>
#include <sstream>
#include <stdexcept>
#include <streambuf>

#include "editor/lsp/rpc/framing.h"

namespace edict::lsp::testing {

namespace {

/// Reads a pipe until a deadline: at the deadline the stream ends, which
/// the framing reads as a message cut short.
class DeadlineBuffer : public std::streambuf {
 public:
  DeadlineBuffer(int fd, std::string& carry, Clock::time_point deadline)
      : fd_(fd), carry_(carry), deadline_(deadline) {}

  /// What was read and not yet consumed goes back to the client.
  ~DeadlineBuffer() override { carry_.assign(gptr(), egptr()); }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!carry_.empty()) {
      chunk_ = std::move(carry_);
      carry_.clear();
      setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
      return traits_type::to_int_type(*gptr());
    }
    for (;;) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
      if (left.count() <= 0) return traits_type::eof();
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return traits_type::eof();
      chunk_.resize(64 * 1024);
      const ssize_t n = ::read(fd_, chunk_.data(), chunk_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return traits_type::eof();
      chunk_.resize(static_cast<std::size_t>(n));
      setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
      return traits_type::to_int_type(*gptr());
    }
  }

 private:
  int fd_;
  std::string& carry_;
  Clock::time_point deadline_;
  std::string chunk_;
};

}  // namespace

LspClient::LspClient(const std::string& binary, const std::string& stderrPath) {
  int in[2];
  int out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in[0], STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    const int err = ::open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, STDERR_FILENO);
    ::close(in[0]);
    ::close(in[1]);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(binary.c_str(), binary.c_str(), "lsp", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  toServer_ = in[1];
  fromServer_ = out[0];
  // A server that died must fail the test, not stop it with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
}

LspClient::~LspClient() {
  if (pid_ > 0) finish(std::chrono::milliseconds(5000));
  if (fromServer_ >= 0) ::close(fromServer_);
}

void LspClient::send(const Json& message) {
  std::ostringstream framed;
  rpc::writeFrame(framed, rpc::serialize(message));
  const std::string frame = framed.str();
  std::size_t done = 0;
  while (done < frame.size()) {
    const ssize_t n = ::write(toServer_, frame.data() + done, frame.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("the server closed its input");
    done += static_cast<std::size_t>(n);
  }
}

int LspClient::request(const std::string& method, Json params) {
  const int id = nextId_++;
  send(Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

void LspClient::notify(const std::string& method, Json params) {
  send(Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

std::optional<Json> LspClient::next(Clock::time_point deadline) {
  rpc::Frame frame;
  {
    DeadlineBuffer buffer(fromServer_, buffered_, deadline);
    std::istream in(&buffer);
    frame = rpc::readFrame(in);
  }
  if (frame.status != rpc::Frame::Status::Message) return std::nullopt;
  Json message = Json::parse(frame.body, nullptr, false);
  if (message.is_discarded())
    throw std::runtime_error("the server sent a message that is not JSON");
  return message;
}

std::optional<Json> LspClient::response(int id, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    std::optional<Json> message = next(deadline);
    if (!message) return std::nullopt;
    if (message->contains("id") && (*message)["id"] == id && !message->contains("method"))
      return message;
    pending_.push_back(std::move(*message));
  }
}

std::optional<Json> LspClient::notification(const std::string& method,
                                            const std::function<bool(const Json&)>& match,
                                            std::chrono::milliseconds timeout) {
  auto accepts = [&](const Json& m) {
    return m.value("method", "") == method && match(m.value("params", Json::object()));
  };
  auto kept = std::find_if(pending_.begin(), pending_.end(), accepts);
  if (kept != pending_.end()) {
    Json found = std::move(*kept);
    pending_.erase(kept);
    return found;
  }
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    std::optional<Json> message = next(deadline);
    if (!message) return std::nullopt;
    if (accepts(*message)) return message;
    pending_.push_back(std::move(*message));
  }
}

std::optional<int> LspClient::finish(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return std::nullopt;
  if (toServer_ >= 0) {
    ::close(toServer_);
    toServer_ = -1;
  }
  // The server ends at the end of its input; its output then closes, which
  // is what is waited for (a bounded wait, not a sleep).
  const auto deadline = Clock::now() + timeout;
  bool ended = false;
  while (!ended) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) break;
    pollfd p{fromServer_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char chunk[4096];
    ended = ::read(fromServer_, chunk, sizeof chunk) <= 0;
  }
  if (!ended) ::kill(pid_, SIGKILL);
  int status = 0;
  const pid_t done = ::waitpid(pid_, &status, 0);
  if (!ended) {
    pid_ = -1;
    return std::nullopt;
  }
  pid_ = -1;
  if (done < 0 || !WIFEXITED(status)) return std::nullopt;
  return WEXITSTATUS(status);
}

}  // namespace edict::lsp::testing
