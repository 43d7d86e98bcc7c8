#include "tables/text_pool.h"

namespace edict::tables {

std::uint32_t TextPool::intern(std::string_view text) {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  index_.emplace(std::string(text), id);
  return id;
}

}  // namespace edict::tables
