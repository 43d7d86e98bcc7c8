#include "frontend/check/table_cache.h"

namespace edict::check {

std::optional<FileStamp> stampOf(const std::filesystem::path& path) {
  std::error_code error;
  FileStamp stamp;
  stamp.size = std::filesystem::file_size(path, error);
  if (error) return std::nullopt;
  stamp.modified = std::filesystem::last_write_time(path, error);
  if (error) return std::nullopt;
  return stamp;
}

std::size_t TableCache::reads() const {
  std::lock_guard lock(mutex_);
  return reads_;
}

std::size_t TableCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

}  // namespace edict::check
