// The options `edict worker`, `submit`, `collect` and `reload-workers`
// share: where the NATS server is, the names of the streams and subjects
// (docs/scale-out.md), and the limits of the streams edict creates when
// they are absent.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>

#include "queue/nats/connection.h"
#include "queue/nats/streams.h"

namespace edict::cli {

struct QueueOptions {
  std::string url = "nats://127.0.0.1:4222";
  int connectAttempts = 10;
  double timeout = 5;
  std::string claimsStream = "EDICT_CLAIMS";
  std::string claimsSubject = "edict.claims";
  std::string resultsStream = "EDICT_RESULTS";
  std::string resultsSubject = "edict.results";
  std::string deadStream = "EDICT_DEAD";
  std::string deadSubject = "edict.dead";
  std::string controlSubject = "edict.control";
  std::int64_t maxBytes = std::int64_t{1} << 30;
  std::int64_t maxMessages = -1;
  double duplicateWindow = 300;
  int replicas = 1;
};

/// A log to standard error that takes one line at a time, from any thread.
queue::Log standardErrorLog();

/// Which streams a verb uses, and so which options it takes.
enum QueueParts : unsigned { kClaims = 1, kResults = 2, kDead = 4, kControl = 8, kStreams = 16 };

/// Adds the options of `parts` to `cmd`: always --nats, --connect-attempts
/// and --timeout.
void addQueueOptions(CLI::App& cmd, QueueOptions& options, unsigned parts);

/// How to connect, for the verb `who` (`edict worker`).
queue::ConnectOptions connectOptions(const QueueOptions& options, const std::string& who);

/// The streams as edict creates them.
queue::StreamSpec claimsStream(const QueueOptions& options);
queue::StreamSpec resultsStream(const QueueOptions& options);
queue::StreamSpec deadStream(const QueueOptions& options);

/// Checks the subject options; false with the message to print.
bool checkSubjects(const QueueOptions& options, const std::string& who, std::string& error);

}  // namespace edict::cli
