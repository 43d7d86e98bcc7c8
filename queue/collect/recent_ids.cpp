#include "queue/collect/recent_ids.h"

namespace edict::queue {

bool RecentIds::add(const std::string& id, Clock::time_point now) {
  while (!order_.empty() && now - order_.front().first > window_) {
    ids_.erase(order_.front().second);
    order_.pop_front();
  }
  if (id.empty()) return true;
  if (!ids_.insert(id).second) return false;
  order_.emplace_back(now, id);
  return true;
}

}  // namespace edict::queue
