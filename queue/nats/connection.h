// One connection to a NATS server with its JetStream context: what every
// edict verb of the message system (`worker`, `submit`, `collect`) holds.
// Connecting is retried with a bounded back-off, each wait said in the log,
// so that a worker started before its server, or a server being restarted,
// is waited for and an address where none will come is a clear error. Once
// connected, the library reconnects by itself and the log says when.
#pragma once

#include <nats/nats.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace edict::queue {

/// Receives one log line (without its newline).
using Log = std::function<void(const std::string&)>;

/// Ends the libnats library's threads when destroyed: made first by a verb,
/// so that it goes last (after every connection).
class LibraryGuard {
 public:
  LibraryGuard() = default;
  ~LibraryGuard();
  LibraryGuard(const LibraryGuard&) = delete;
  LibraryGuard& operator=(const LibraryGuard&) = delete;
};

/// Waits, polled and bounded (5 s), until the library's thread has set
/// `done` in a callback: before that, the callback's object must stay.
void awaitLibraryCallback(const std::atomic<bool>& done);

/// How to reach the server.
struct ConnectOptions {
  /// `nats://HOST:PORT`, or several separated by commas.
  std::string url = "nats://127.0.0.1:4222";
  /// The client name the server shows in its monitoring (`/connz`).
  std::string name = "edict";
  /// Attempts to connect before giving up; at least 1.
  int attempts = 10;
  /// The first wait between attempts; it doubles each time up to maxWait.
  std::chrono::milliseconds firstWait{250};
  std::chrono::milliseconds maxWait{5000};
  /// How long JetStream API calls and publish acknowledgements may take.
  std::chrono::milliseconds apiTimeout{5000};
  /// Who speaks in log lines (`edict worker`).
  std::string who = "edict";
};

/// A connected client and its JetStream context.
class Connection {
 public:
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// Connects, waiting between attempts as `options` say and logging each
  /// failure; null after the last attempt, or when `stop` became true, with
  /// why in `error`.
  static std::unique_ptr<Connection> open(const ConnectOptions& options, const Log& log,
                                          const std::atomic<bool>& stop, std::string& error);

  [[nodiscard]] natsConnection* nats() const { return connection_; }
  [[nodiscard]] jsCtx* jetStream() const { return jetStream_; }
  [[nodiscard]] const ConnectOptions& options() const { return options_; }
  /// The largest message the server takes (its `max_payload`), headers included.
  [[nodiscard]] std::size_t maxPayload() const;
  /// Whether the connection is up now (not reconnecting, not closed).
  [[nodiscard]] bool connected() const;
  /// Sends what is buffered and waits for the server to have it.
  bool flush(std::string& error) const;

 private:
  Connection() = default;
  static void onDisconnected(natsConnection* nc, void* closure);
  static void onReconnected(natsConnection* nc, void* closure);
  static void onClosed(natsConnection* nc, void* closure);

  ConnectOptions options_;
  Log log_;
  /// Set when we close it: the library then says "disconnected" too.
  std::atomic<bool> closing_{false};
  /// Set by the library's last callback of the connection, on its own
  /// thread: until then the callbacks may still read this object.
  std::atomic<bool> closed_{false};
  natsOptions* natsOptions_ = nullptr;
  natsConnection* connection_ = nullptr;
  jsCtx* jetStream_ = nullptr;
};

}  // namespace edict::queue
