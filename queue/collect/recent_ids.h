// The result message ids `edict collect` has written lately, so that a
// result stored twice under one id (the results stream forgets ids across
// a server restart, or once its duplicate window has passed) is written
// once. Ids are kept for the duplicate window, as the streams keep them,
// so memory follows the rate of messages, not the length of a run.
#pragma once

#include <chrono>
#include <deque>
#include <string>
#include <unordered_set>
#include <utility>

namespace edict::queue {

class RecentIds {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RecentIds(std::chrono::milliseconds window) : window_(window) {}

  /// Records `id` as seen at `now`; false when it was already seen within
  /// the window before `now` (a duplicate). Ids older than the window are
  /// forgotten first. An empty id is never a duplicate.
  bool add(const std::string& id, Clock::time_point now);

  /// How many ids it holds.
  [[nodiscard]] std::size_t size() const { return ids_.size(); }

 private:
  std::chrono::milliseconds window_;
  std::unordered_set<std::string> ids_;
  /// The ids in the order seen, to forget the oldest first.
  std::deque<std::pair<Clock::time_point, std::string>> order_;
};

}  // namespace edict::queue
