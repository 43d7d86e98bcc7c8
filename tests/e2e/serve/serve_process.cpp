#include "serve_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

namespace edict::testing {

namespace {

using Clock = std::chrono::steady_clock;

std::vector<char*> argv(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (std::string& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ServeProcess::ServeProcess(const std::vector<std::string>& args, const std::string& verb) {
  char pattern[] = "/tmp/edict-serve-log-XXXXXX";
  const int fd = mkstemp(pattern);
  REQUIRE(fd >= 0);
  logPath_ = pattern;
  std::vector<std::string> command{EDICT_BINARY, verb};
  command.insert(command.end(), args.begin(), args.end());
  command.push_back("--listen");
  command.push_back("127.0.0.1:0");
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    dup2(fd, STDERR_FILENO);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDIN_FILENO);
    dup2(null, STDOUT_FILENO);
    if (chdir(EDICT_SOURCE_DIR) != 0) _exit(127);
    std::vector<char*> args2 = argv(command);
    execv(args2[0], args2.data());
    _exit(127);
  }
  close(fd);
  const std::regex listening("listening on 127\\.0\\.0\\.1:([0-9]+)");
  std::smatch match;
  const bool up = within(std::chrono::seconds(60), [&] {
    const std::string text = log();
    if (std::regex_search(text, match, listening)) {
      port_ = std::stoi(match[1]);
      return true;
    }
    int status = 0;
    return waitpid(pid_, &status, WNOHANG) == pid_ && (exited_ = true);
  });
  INFO(log());
  REQUIRE(up);
  REQUIRE(port_ > 0);
}

ServeProcess::~ServeProcess() {
  if (!exited_ && pid_ > 0) {
    kill(pid_, SIGTERM);
    if (wait(std::chrono::seconds(20)) < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::remove(logPath_.c_str());
}

std::string ServeProcess::log() const {
  return readText(logPath_);
}

bool ServeProcess::waitForLog(const std::string& text, std::chrono::milliseconds timeout) const {
  return within(timeout, [&] { return log().find(text) != std::string::npos; });
}

void ServeProcess::signal(int signal) const {
  kill(pid_, signal);
}

int ServeProcess::wait(std::chrono::milliseconds timeout) {
  int status = -1;
  const bool done = within(timeout, [&] { return waitpid(pid_, &status, WNOHANG) == pid_; });
  if (!done) return -1;
  exited_ = true;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string runEdict(const std::vector<std::string>& args) {
  std::string command = std::string("cd ") + EDICT_SOURCE_DIR + " && " + EDICT_BINARY;
  for (const std::string& a : args) command += " '" + a + "'";
  command += " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  std::size_t n;
  while (pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, n);
  return out;
}

RawConnection::RawConnection(int port) : socket_(socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
}

RawConnection::~RawConnection() {
  close(socket_);
}

void RawConnection::send(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(socket_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

std::string RawConnection::receiveAll(std::chrono::milliseconds timeout) {
  std::string received;
  const auto until = Clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    pollfd fd{socket_, POLLIN, 0};
    if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) break;
    char buffer[4096];
    const ssize_t n = recv(socket_, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  return received;
}

std::string rawExchange(int port, const std::string& bytes, std::chrono::milliseconds timeout) {
  RawConnection connection(port);
  connection.send(bytes);
  return connection.receiveAll(timeout);
}

}  // namespace edict::testing
