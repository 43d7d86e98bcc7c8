#include "queue/collect/collector.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "queue/message/result_headers.h"

namespace edict::queue {

namespace {

std::uint64_t claimsOf(const InMessage& message) {
  const std::optional<std::string> text = message.header(kClaimsHeader);
  std::uint64_t claims = 0;
  if (text) std::from_chars(text->data(), text->data() + text->size(), claims);
  return claims;
}

}  // namespace

Collector::Collector(const Connection& connection, CollectOptions options, Log log)
    : connection_(connection),
      options_(std::move(options)),
      log_(std::move(log)),
      written_(options_.duplicateWindow) {}

bool Collector::start(std::string& error) {
  return ensureConsumer(connection_, options_.consumer, log_, error) &&
         pull_.bind(connection_, options_.consumer.stream, options_.consumer.durable, error);
}

bool Collector::run(std::ostream& out, const std::atomic<bool>& stop, std::string& error) {
  auto lastMessage = std::chrono::steady_clock::now();
  std::vector<InMessage> batch;
  const auto done = [&] { return options_.expect && counts_.claims >= *options_.expect; };
  while (!stop.load() && !done()) {
    const auto quiet = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - lastMessage);
    if (quiet >= options_.idle) break;
    batch.clear();
    const auto wait = std::min(options_.idle - quiet, std::chrono::milliseconds(1000));
    std::string failure;
    const FetchResult fetched = pull_.fetch(options_.fetch, wait, batch, failure);
    if (fetched == FetchResult::Failed) {
      log_(fmt::format("edict collect: {}; trying again", failure));
      continue;
    }
    if (fetched == FetchResult::Nothing) continue;
    lastMessage = std::chrono::steady_clock::now();
    std::size_t taken = 0;
    const auto now = RecentIds::Clock::now();
    for (; taken < batch.size() && !done(); ++taken) {
      // The same input evaluated twice gives result messages of the same
      // ids (queue/message/subjects.h), which the results stream may have
      // stored twice: written once.
      if (!written_.add(batch[taken].header(kMessageIdHeader).value_or(""), now)) {
        ++counts_.duplicates;
        continue;
      }
      const std::string_view records = batch[taken].body();
      out.write(records.data(), static_cast<std::streamsize>(records.size()));
      counts_.records +=
          static_cast<std::uint64_t>(std::count(records.begin(), records.end(), '\n'));
      counts_.claims += claimsOf(batch[taken]);
      ++counts_.messages;
    }
    out.flush();
    if (!out) {
      error = "writing the records failed";
      return false;
    }
    // Acknowledged only once written: a collect that dies meanwhile leaves
    // them for the next one. Those beyond --expect are handed back.
    for (std::size_t i = 0; i < batch.size(); ++i) {
      std::string answer;
      const bool ok =
          i < taken ? batch[i].ack(answer) : batch[i].nak(std::chrono::milliseconds(0), answer);
      if (!ok) log_("edict collect: " + answer);
    }
  }
  std::string flushError;
  if (!connection_.flush(flushError))
    log_("edict collect: the acknowledgements may not have reached the server: " + flushError);
  if (!options_.expect) return true;
  if (counts_.claims == *options_.expect) return true;
  error = counts_.claims < *options_.expect
              ? fmt::format(
                    "the records of {} of the {} claims expected arrived; nothing came "
                    "for {:.3g} s",
                    counts_.claims, *options_.expect,
                    std::chrono::duration<double>(options_.idle).count())
              : fmt::format(
                    "records of {} claims arrived, more than the {} expected (results "
                    "of another submission?)",
                    counts_.claims, *options_.expect);
  if (stop.load() && counts_.claims < *options_.expect) error += " before the stop signal";
  return false;
}

}  // namespace edict::queue
