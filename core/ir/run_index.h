// A map from a 64-bit key to the first position of that key's run in a
// vector grouped by key, as a flat open-addressing hash table of positions
// alone (4 bytes a slot): the key of a slot is read back from the entry it
// points at. Pair tables use it with the key (column 2, column 1), so that a
// lookup in NCCI's 2.6 million rows is a probe or two, hit or miss, and the
// index costs 4 to 8 bytes a distinct pair. Derived data, never serialized.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace edict::ir {

/// Key -> the position of the first entry with that key.
class RunIndex {
 public:
  /// Indexes `count` entries whose keys `keyAt(i)` come grouped: the entries
  /// of one key are adjacent (sorted by key is enough). At most 2^32 - 1 entries.
  template <typename KeyAt>
  void build(std::size_t count, KeyAt keyAt) {
    std::size_t runs = 0;
    for (std::size_t i = 0; i < count; ++i)
      if (i == 0 || keyAt(i) != keyAt(i - 1)) ++runs;
    // At most half full, so every probe sequence meets an empty slot soon.
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(2, runs * 2));
    shift_ = static_cast<std::uint32_t>(64 - std::countr_zero(size));
    slots_.assign(size, kEmpty);
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0 && keyAt(i) == keyAt(i - 1)) continue;
      std::size_t s = home(keyAt(i));
      while (slots_[s] != kEmpty) s = (s + 1) & (size - 1);
      slots_[s] = static_cast<std::uint32_t>(i);
    }
  }

  /// The first position of `key`, or nullopt; `keyAt` must be the one the
  /// index was built with, over the same entries.
  template <typename KeyAt>
  [[nodiscard]] std::optional<std::uint32_t> find(std::uint64_t key, KeyAt keyAt) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = home(key);; s = (s + 1) & mask) {
      const std::uint32_t position = slots_[s];
      if (position == kEmpty) return std::nullopt;
      if (keyAt(position) == key) return position;
    }
  }

  /// Whether build() has run.
  [[nodiscard]] bool built() const { return !slots_.empty(); }

 private:
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();

  /// A full 64-bit mix (MurmurHash3's finalizer), then the top bits: keys
  /// made of two codes of one family differ in few bits, which a single
  /// multiplication leaves clustered and linear probing then walks through.
  [[nodiscard]] std::size_t home(std::uint64_t key) const {
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDull;
    key ^= key >> 33;
    key *= 0xC4CEB9FE1A85EC53ull;
    key ^= key >> 33;
    return static_cast<std::size_t>(key >> shift_);
  }

  std::vector<std::uint32_t> slots_;
  std::uint32_t shift_ = 63;
};

}  // namespace edict::ir
