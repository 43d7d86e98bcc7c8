#include "queue_options.h"

#include <fmt/format.h>

#include <iostream>
#include <mutex>

#include "queue/message/subjects.h"

namespace edict::cli {

queue::Log standardErrorLog() {
  static std::mutex mutex;
  return [](const std::string& line) {
    std::lock_guard lock(mutex);
    std::cerr << line << (line.ends_with('\n') ? "" : "\n") << std::flush;
  };
}

void addQueueOptions(CLI::App& cmd, QueueOptions& options, unsigned parts) {
  cmd.add_option("--nats", options.url,
                 "The NATS server (with JetStream enabled): nats://HOST:PORT, or several "
                 "separated by commas")
      ->capture_default_str()
      ->type_name("URL");
  cmd.add_option("--connect-attempts", options.connectAttempts,
                 "Attempts to reach the server before giving up, waiting 0.25 s, then twice as "
                 "long each time up to 5 s; once connected, a lost server is waited for")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str()
      ->type_name("N");
  cmd.add_option("--timeout", options.timeout,
                 "Seconds a JetStream request or a publish acknowledgement may take")
      ->check(CLI::Range(0.1, 600.0))
      ->capture_default_str()
      ->type_name("SECONDS");
  if (parts & kClaims) {
    cmd.add_option("--claims-stream", options.claimsStream,
                   "The stream of claims messages (work-queue retention: a message goes once a "
                   "worker acknowledges it)")
        ->capture_default_str()
        ->type_name("NAME");
    cmd.add_option("--claims-subject", options.claimsSubject,
                   "The subject claims are published to; the claims stream takes it and "
                   "SUBJECT.> (for producers that partition)")
        ->capture_default_str()
        ->type_name("SUBJECT");
  }
  if (parts & kResults) {
    cmd.add_option("--results-stream", options.resultsStream,
                   "The stream of result records (work-queue retention: a message goes once "
                   "`edict collect` acknowledges it)")
        ->capture_default_str()
        ->type_name("NAME");
    cmd.add_option("--results-subject", options.resultsSubject,
                   "Result records of payer P go to SUBJECT.P (P with bytes other than letters, "
                   "digits, `_` and `-` as %XX; an empty payer as `%`)")
        ->capture_default_str()
        ->type_name("SUBJECT");
  }
  if (parts & kDead) {
    cmd.add_option("--dead-stream", options.deadStream,
                   "The stream of dead letters: messages that are not claims, and messages that "
                   "failed every delivery (limits retention)")
        ->capture_default_str()
        ->type_name("NAME");
    cmd.add_option("--dead-subject", options.deadSubject, "The subject of dead letters")
        ->capture_default_str()
        ->type_name("SUBJECT");
  }
  if (parts & kControl)
    cmd.add_option("--control-subject", options.controlSubject,
                   "Workers answer requests here: `reload` reloads their rulesets")
        ->capture_default_str()
        ->type_name("SUBJECT");
  if (parts & kStreams) {
    cmd.add_option("--stream-max-bytes", options.maxBytes,
                   "The byte limit of each stream edict creates (-1 for none); a full stream "
                   "refuses new messages rather than dropping old ones")
        ->capture_default_str()
        ->type_name("BYTES");
    cmd.add_option("--stream-max-messages", options.maxMessages,
                   "The message limit of each stream edict creates (-1 for none)")
        ->capture_default_str()
        ->type_name("N");
    cmd.add_option("--duplicate-window", options.duplicateWindow,
                   "Seconds a stream (and `edict collect`, for result ids) remembers message ids "
                   "to drop duplicates; must exceed the time a message can take to be "
                   "redelivered (ack wait times max deliveries)")
        ->check(CLI::Range(1.0, 86400.0 * 7))
        ->capture_default_str()
        ->type_name("SECONDS");
    cmd.add_option("--replicas", options.replicas,
                   "Copies of each stream edict creates, on a JetStream cluster")
        ->check(CLI::Range(1, 5))
        ->capture_default_str()
        ->type_name("N");
  }
}

queue::ConnectOptions connectOptions(const QueueOptions& options, const std::string& who) {
  queue::ConnectOptions connect;
  connect.url = options.url;
  connect.name = who;
  connect.who = who;
  connect.attempts = options.connectAttempts;
  connect.apiTimeout = std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout * 1000));
  return connect;
}

namespace {

queue::StreamSpec stream(const QueueOptions& options, std::string name,
                         std::vector<std::string> subjects, bool workQueue) {
  queue::StreamSpec spec;
  spec.name = std::move(name);
  spec.subjects = std::move(subjects);
  spec.workQueue = workQueue;
  spec.maxBytes = options.maxBytes;
  spec.maxMessages = options.maxMessages;
  spec.duplicateWindow = std::chrono::seconds(static_cast<std::int64_t>(options.duplicateWindow));
  spec.replicas = options.replicas;
  return spec;
}

}  // namespace

queue::StreamSpec claimsStream(const QueueOptions& options) {
  return stream(options, options.claimsStream,
                {options.claimsSubject, options.claimsSubject + ".>"}, true);
}

queue::StreamSpec resultsStream(const QueueOptions& options) {
  return stream(options, options.resultsStream, {options.resultsSubject + ".>"}, true);
}

queue::StreamSpec deadStream(const QueueOptions& options) {
  return stream(options, options.deadStream, {options.deadSubject}, false);
}

bool checkSubjects(const QueueOptions& options, const std::string& who, std::string& error) {
  for (const auto& [option, subject] : {std::pair{"--claims-subject", &options.claimsSubject},
                                        std::pair{"--results-subject", &options.resultsSubject},
                                        std::pair{"--dead-subject", &options.deadSubject},
                                        std::pair{"--control-subject", &options.controlSubject}}) {
    std::string why;
    if (!queue::isPlainSubject(*subject, why)) {
      error = fmt::format("{}: {}: {}", who, option, why);
      return false;
    }
  }
  return true;
}

}  // namespace edict::cli
