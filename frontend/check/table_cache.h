// Tables read before, kept between checks of the same files. The checker
// reads a `pairs from` or `limits from` table in full each time it runs; a
// caller that checks the same ruleset again and again (the language server,
// on every keystroke: editor/lsp) passes a cache so that an unchanged table
// file is read once. A table is kept under its path and what it was read as
// (format, effective date), and is read again when the file's size or
// modification time changes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace edict::check {

/// A table file's size and modification time: a different stamp means the
/// file changed and its kept reading is stale.
struct FileStamp {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type modified{};
  bool operator==(const FileStamp&) const = default;
};

/// The stamp of `path` now, or nullopt when it cannot be read.
std::optional<FileStamp> stampOf(const std::filesystem::path& path);

/// What a table file was read into, kept by path, reading and stamp.
/// Safe to share between threads.
class TableCache {
 public:
  /// The reading of `path` as `reading` (e.g. `pairs tsv`): the kept one if
  /// the file's stamp is still `stamp`, else what `read` returns, then kept.
  /// `T` must be the same for the same `reading`.
  template <class T>
  std::shared_ptr<const T> get(const std::filesystem::path& path, const std::string& reading,
                               const FileStamp& stamp, const std::function<T()>& read) {
    const std::string key = reading + '\n' + path.string();
    {
      std::lock_guard lock(mutex_);
      auto found = kept_.find(key);
      if (found != kept_.end() && found->second.stamp == stamp) {
        ++hits_;
        return std::static_pointer_cast<const T>(found->second.value);
      }
    }
    // Read outside the lock: a large table takes a second or more.
    auto value = std::make_shared<const T>(read());
    std::lock_guard lock(mutex_);
    ++reads_;
    kept_[key] = Entry{stamp, value};
    return value;
  }

  /// How many tables were read from their files, and how many were served kept.
  [[nodiscard]] std::size_t reads() const;
  [[nodiscard]] std::size_t hits() const;

 private:
  struct Entry {
    FileStamp stamp;
    std::shared_ptr<const void> value;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> kept_;
  std::size_t reads_ = 0;
  std::size_t hits_ = 0;
};

}  // namespace edict::check
