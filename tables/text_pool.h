// Interned strings. Table rows repeat a handful of rationale texts millions
// of times; each row stores a small index instead of its own copy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace edict::tables {

/// A set of distinct strings, each with a stable index in insertion order.
class TextPool {
 public:
  /// The index of `text`, adding it when new.
  std::uint32_t intern(std::string_view text);
  /// The text of an index returned by intern().
  [[nodiscard]] std::string_view at(std::uint32_t id) const { return texts_[id]; }
  [[nodiscard]] std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> index_;
};

}  // namespace edict::tables
