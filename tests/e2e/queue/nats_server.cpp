#include "nats_server.h"

#include <csignal>
#include <regex>
#include <stdexcept>

namespace edict::testing {

NatsServer::NatsServer(std::string directory) : directory_(std::move(directory)) {
  start(-1);
}

NatsServer::~NatsServer() {
  stop();
}

std::string NatsServer::url() const {
  return "nats://127.0.0.1:" + std::to_string(port_);
}

std::string NatsServer::log() const {
  return process_ ? process_->err() : std::string();
}

void NatsServer::start(int port) {
  const std::string logPath = directory_ + "/nats-server-" + std::to_string(++starts_) + ".log";
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/nats-server", "-js", "-a", "127.0.0.1", "-p",
                               std::to_string(port), "-sd", directory_ + "/jetstream"},
      directory_, directory_ + "/nats-server.out", logPath);
  const std::regex listening("Listening for client connections on 127\\.0\\.0\\.1:([0-9]+)");
  const bool ready = pollUntil(std::chrono::seconds(30), [&] {
    const std::string text = process_->err();
    return text.find("Server is ready") != std::string::npos || !process_->running();
  });
  const std::string text = process_->err();
  std::smatch match;
  if (!ready || !std::regex_search(text, match, listening))
    throw std::runtime_error("nats-server did not start:\n" + text);
  port_ = std::stoi(match[1]);
}

void NatsServer::stop() {
  if (!process_) return;
  process_->signal(SIGTERM);
  if (process_->wait(std::chrono::seconds(10)) < 0) {
    process_->signal(SIGKILL);
    process_->wait(std::chrono::seconds(10));
  }
  process_.reset();
}

void NatsServer::restart() {
  const int port = port_;
  stop();
  start(port);
}

}  // namespace edict::testing
