// A filter of the code pairs a pair table has rows for: a split-block Bloom
// filter (Putze et al.; the layout of Parquet's) of the keys (column 2,
// column 1), about 16 bits a distinct pair. It answers "no row" without
// touching the table's hash or rows for about 999 pairs in 1,000 that have
// none, where most pairs a claim asks about have none (docs/performance.md,
// "NCCI scale"), in one 32-byte block: one cache line. It never says "no" for
// a pair it was given (no false negatives); a "maybe" costs the caller only
// the table's own lookup. It is blind to dates and indicators: a pair whose
// rows are all deleted or not yet in force still passes, and the lookup then
// decides. Derived data, rebuilt with the table's index, never serialized.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace edict::ir {

/// The keys of a set, with false positives and never a false negative.
class PairFilter {
 public:
  /// Bits of filter per key: a false positive rate of about 0.1 to 0.2%.
  static constexpr std::size_t kBitsPerKey = 16;

  /// Builds the filter of the `count` keys `keyAt(i)`; a key may repeat (a
  /// pair's rows are adjacent, and each is added: adding twice is harmless).
  /// `distinct` sizes the filter: the number of distinct keys, or more.
  template <typename KeyAt>
  void build(std::size_t count, std::size_t distinct, KeyAt keyAt) {
    const std::size_t blocks = std::max<std::size_t>(1, (distinct * kBitsPerKey + 255) / 256);
    blocks_.assign(blocks, Block{});
    for (std::size_t i = 0; i < count; ++i) {
      const std::uint64_t h = mix(keyAt(i));
      Block& block = blocks_[blockOf(h)];
      for (std::size_t w = 0; w < kWords; ++w) block.words[w] |= bitOf(h, w);
    }
  }

  /// False only when `key` was not among the keys built from. An empty
  /// (never built) filter says true to everything, so it cannot hide a row.
  [[nodiscard]] bool mayContain(std::uint64_t key) const {
    if (blocks_.empty()) return true;
    const std::uint64_t h = mix(key);
    const Block& block = blocks_[blockOf(h)];
    bool all = true;
    // Every word is tested (no early exit): the block is one cache line
    // already loaded, and branches on random bits would mispredict.
    for (std::size_t w = 0; w < kWords; ++w) all &= (block.words[w] & bitOf(h, w)) != 0;
    return all;
  }

  /// Whether build() has run.
  [[nodiscard]] bool built() const { return !blocks_.empty(); }

  /// The filter's size in bytes, for memory accounting and tests.
  [[nodiscard]] std::size_t bytes() const { return blocks_.size() * sizeof(Block); }

 private:
  static constexpr std::size_t kWords = 8;

  /// 256 bits; one key sets one bit in each of the eight words.
  struct alignas(32) Block {
    std::array<std::uint32_t, kWords> words{};
  };

  /// Parquet's odd constants: each word takes its bit from another product.
  static constexpr std::array<std::uint32_t, kWords> kSalt = {0x47b6137bU, 0x44974d91U, 0x8824ad5bU,
                                                              0xa2b7289dU, 0x705495c7U, 0x2df1424bU,
                                                              0x9efc4947U, 0x5c6bfb31U};

  /// MurmurHash3's finalizer: keys of one code family differ in few bits.
  static std::uint64_t mix(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDull;
    key ^= key >> 33;
    key *= 0xC4CEB9FE1A85EC53ull;
    key ^= key >> 33;
    return key;
  }

  /// The high half picks the block (multiply-shift: any block count).
  [[nodiscard]] std::size_t blockOf(std::uint64_t h) const {
    return static_cast<std::size_t>(((h >> 32) * blocks_.size()) >> 32);
  }

  /// The low half picks one of 32 bits in word `w`.
  static std::uint32_t bitOf(std::uint64_t h, std::size_t w) {
    return std::uint32_t{1} << ((static_cast<std::uint32_t>(h) * kSalt[w]) >> 27);
  }

  std::vector<Block> blocks_;
};

}  // namespace edict::ir
