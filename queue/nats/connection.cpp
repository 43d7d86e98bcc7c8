#include "queue/nats/connection.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "queue/nats/status.h"

namespace edict::queue {

LibraryGuard::~LibraryGuard() {
  nats_CloseAndWait(2000);
}

namespace {

/// Sleeps `wait` in short steps, returning early when `stop` is set.
void pause(std::chrono::milliseconds wait, const std::atomic<bool>& stop) {
  const auto until = std::chrono::steady_clock::now() + wait;
  while (!stop.load() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

}  // namespace

void awaitLibraryCallback(const std::atomic<bool>& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!done.load() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

Connection::~Connection() {
  if (jetStream_) jsCtx_Destroy(jetStream_);
  if (connection_) {
    closing_ = true;
    natsConnection_Close(connection_);
    // The library runs the callbacks on a thread of its own, after Close
    // returns: disconnected, then closed. This object may only go once the
    // closed one has run (its last touch of us is setting closed_).
    awaitLibraryCallback(closed_);
    natsConnection_Destroy(connection_);
  }
  if (natsOptions_) natsOptions_Destroy(natsOptions_);
}

void Connection::onDisconnected(natsConnection*, void* closure) {
  auto* self = static_cast<Connection*>(closure);
  if (self->log_ && !self->closing_.load())
    self->log_(fmt::format("{}: disconnected from {}; reconnecting", self->options_.who,
                           self->options_.url));
}

void Connection::onClosed(natsConnection*, void* closure) {
  static_cast<Connection*>(closure)->closed_.store(true);
}

void Connection::onReconnected(natsConnection*, void* closure) {
  auto* self = static_cast<Connection*>(closure);
  if (self->log_)
    self->log_(fmt::format("{}: reconnected to {}", self->options_.who, self->options_.url));
}

std::unique_ptr<Connection> Connection::open(const ConnectOptions& options, const Log& log,
                                             const std::atomic<bool>& stop, std::string& error) {
  std::unique_ptr<Connection> self(new Connection());
  self->options_ = options;
  self->log_ = log;
  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  self->natsOptions_ = opts;
  if (s == NATS_OK) s = natsOptions_SetURL(opts, options.url.c_str());
  if (s == NATS_OK) s = natsOptions_SetName(opts, options.name.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts, options.apiTimeout.count());
  // Once connected, a lost server is waited for without end: the process
  // is stopped by its operator, not by an outage. Messages published
  // meanwhile are buffered (8 MiB) and sent on reconnection.
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, 250);
  if (s == NATS_OK) s = natsOptions_SetReconnectBufSize(opts, 8 << 20);
  if (s == NATS_OK)
    s = natsOptions_SetDisconnectedCB(opts, &Connection::onDisconnected, self.get());
  if (s == NATS_OK) s = natsOptions_SetReconnectedCB(opts, &Connection::onReconnected, self.get());
  if (s == NATS_OK) s = natsOptions_SetClosedCB(opts, &Connection::onClosed, self.get());
  if (s != NATS_OK) {
    error = fmt::format("cannot set up the connection to {}: {}", options.url, describeStatus(s));
    return nullptr;
  }

  const int attempts = std::max(1, options.attempts);
  std::chrono::milliseconds wait = options.firstWait;
  for (int attempt = 1;; ++attempt) {
    s = natsConnection_Connect(&self->connection_, opts);
    if (s == NATS_OK) break;
    const std::string why = describeStatus(s);
    if (attempt >= attempts || stop.load()) {
      error = fmt::format("cannot reach the NATS server at {} ({}) after {} attempt{}", options.url,
                          why, attempt, attempt == 1 ? "" : "s");
      return nullptr;
    }
    if (log)
      log(fmt::format(
          "{}: cannot reach the NATS server at {} ({}); attempt {} of {}, next in {:.2g} s",
          options.who, options.url, why, attempt, attempts,
          std::chrono::duration<double>(wait).count()));
    pause(wait, stop);
    wait = std::min(wait * 2, options.maxWait);
  }

  jsOptions js;
  jsOptions_Init(&js);
  js.Wait = options.apiTimeout.count();
  s = natsConnection_JetStream(&self->jetStream_, self->connection_, &js);
  if (s != NATS_OK) {
    error = fmt::format("cannot use JetStream at {}: {}", options.url, describeStatus(s));
    return nullptr;
  }
  return self;
}

std::size_t Connection::maxPayload() const {
  const int64_t max = natsConnection_GetMaxPayload(connection_);
  return max > 0 ? static_cast<std::size_t>(max) : 1u << 20;
}

bool Connection::connected() const {
  return natsConnection_Status(connection_) == NATS_CONN_STATUS_CONNECTED;
}

bool Connection::flush(std::string& error) const {
  const natsStatus s = natsConnection_FlushTimeout(connection_, options_.apiTimeout.count());
  if (s == NATS_OK) return true;
  error = describeStatus(s);
  return false;
}

}  // namespace edict::queue
