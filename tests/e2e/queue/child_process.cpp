#include "child_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace edict::testing {

std::string fileText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& directory,
                           std::string outPath, std::string errPath)
    : outPath_(std::move(outPath)), errPath_(std::move(errPath)) {
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& arg : args) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  const int out = open(outPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = open(errPath_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0 || err < 0) throw std::runtime_error("cannot open the output files of " + argv[0]);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("cannot fork");
  if (pid_ == 0) {
    dup2(out, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, STDIN_FILENO);
    // Signals blocked in the test's threads must not stay blocked here.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (chdir(directory.c_str()) != 0) _exit(127);
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  close(out);
  close(err);
}

ChildProcess::~ChildProcess() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    wait(std::chrono::seconds(10));
  }
}

void ChildProcess::signal(int signal) const {
  ::kill(pid_, signal);
}

bool ChildProcess::running() {
  if (status_ >= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return false;
}

int ChildProcess::wait(std::chrono::milliseconds timeout) {
  pollUntil(timeout, [&] { return !running(); });
  return status_;
}

std::string ChildProcess::out() const {
  return fileText(outPath_);
}

std::string ChildProcess::err() const {
  return fileText(errPath_);
}

bool ChildProcess::waitForErr(const std::string& text, std::chrono::milliseconds timeout) {
  return pollUntil(timeout, [&] { return err().find(text) != std::string::npos || !running(); }) &&
         err().find(text) != std::string::npos;
}

}  // namespace edict::testing
