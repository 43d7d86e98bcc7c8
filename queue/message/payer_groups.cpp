#include "queue/message/payer_groups.h"

#include <unordered_map>
#include <variant>

namespace edict::queue {

namespace {

const std::string& payerOf(const read::ReadItem& item) {
  if (const auto* claim = std::get_if<model::Claim>(&item)) return claim->payer;
  return std::get<read::RejectedClaim>(item).payer;
}

}  // namespace

std::vector<PayerGroup> groupByPayer(read::ClaimReader& reader) {
  std::vector<PayerGroup> groups;
  std::unordered_map<std::string, std::size_t> index;
  read::ReadItem item;
  while (reader.next(item)) {
    const std::string& payer = payerOf(item);
    auto [it, added] = index.try_emplace(payer, groups.size());
    if (added) groups.push_back(PayerGroup{payer, {}});
    groups[it->second].items.push_back(std::move(item));
  }
  return groups;
}

bool ItemsReader::next(read::ReadItem& item) {
  if (next_ >= items_.size()) return false;
  item = std::move(items_[next_++]);
  return true;
}

}  // namespace edict::queue
