// A throwaway NATS server with JetStream for one test: Debian's
// /usr/sbin/nats-server on a free loopback port (the server picks it; its
// log names it), its storage in the test's own directory, stopped when
// the test ends however it ends; restart() brings it back on the same port
// and storage, as an operator restarts one.
#pragma once

#include <memory>
#include <string>

#include "child_process.h"

namespace edict::testing {

class NatsServer {
 public:
  /// Starts the server with its storage under `directory`; throws when it
  /// does not become ready within a bound.
  explicit NatsServer(std::string directory);
  ~NatsServer();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const;
  /// Stops it (SIGTERM, SIGKILL after a bound) and starts it again on the
  /// same port with the same storage.
  void restart();
  /// Stops it for good.
  void stop();
  [[nodiscard]] std::string log() const;

 private:
  void start(int port);
  std::string directory_;
  int port_ = 0;
  int starts_ = 0;
  std::unique_ptr<ChildProcess> process_;
};

}  // namespace edict::testing
