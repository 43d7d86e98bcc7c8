// A filter of the code pairs a pair table has rows for: per column-2 code, a
// small split-block Bloom filter (Putze et al.; the blocks of Parquet's) of
// its column-1 partners, about 16 bits a partner, found through a hash of
// the column-2 codes. It answers "no row" for about 999 pairs in 1,000 that
// have none without touching the table's hash or rows, and most pairs a
// claim asks about have none (docs/performance.md, "NCCI scale"). Per code
// rather than one filter of all pairs, so that the pairs of one claim line
// look in that code's few blocks (one to eight cache lines for most codes),
// which stay in cache from claim to claim, instead of in a block anywhere in
// megabytes. It never says "no" for a pair it was built from (no false
// negatives); a "maybe" costs the caller only the table's own lookup. It is
// blind to dates and indicators: a pair whose rows are all deleted or not
// yet in force passes, and the lookup decides. Derived data, rebuilt with the
// table's index, never serialized.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/ir/code_span_index.h"

namespace edict::ir {

/// Column 2 -> a filter of its column-1 partners; false positives, never a
/// false negative.
class PairFilter {
  struct Block;

 public:
  /// Bits of filter per partner: a false positive rate of about 0.1 to 0.2%.
  static constexpr std::size_t kBitsPerKey = 16;

  /// The partners of one column-2 code, as partnersOf() found them.
  class Partners {
   public:
    /// Partners that include every code: what an unbuilt filter gives.
    static Partners all() {
      Partners p;
      p.all_ = true;
      return p;
    }

    /// False only when `column1` is not a partner.
    [[nodiscard]] bool mayInclude(std::uint32_t column1) const {
      if (count_ == 0) return all_;
      const std::uint64_t h = mix(column1);
      // The high half picks the block (multiply-shift: any block count), the
      // low half one bit a word; every word is tested, without an early exit:
      // the block is one cache line, and branches on random bits mispredict.
      const Block& block = blocks_[((h >> 32) * count_) >> 32];
      bool every = true;
      for (std::size_t w = 0; w < kWords; ++w) every &= (block.words[w] & bitOf(h, w)) != 0;
      return every;
    }

   private:
    friend class PairFilter;
    const Block* blocks_ = nullptr;
    std::uint32_t count_ = 0;
    bool all_ = false;
  };

  /// Builds the filter of `count` rows grouped by column 2 (a column-2
  /// code's rows adjacent) and, within it, by column 1 (sorted by (column 2,
  /// column 1) is enough; otherwise only larger): `column2At(i)` and
  /// `column1At(i)` are row i's codes.
  template <typename Column2At, typename Column1At>
  void build(std::size_t count, Column2At column2At, Column1At column1At) {
    // Per column-2 code, its distinct partners size its blocks, which follow
    // the code before it: two passes in row order, no lookup per row.
    const auto runEnd = [&](std::size_t i) {
      std::size_t end = i + 1;
      while (end < count && column2At(end) == column2At(i)) ++end;
      return end;
    };
    std::vector<std::uint32_t> owners;     // the column-2 code of each block
    std::vector<std::size_t> blocksOfRun;  // by run of one column-2 code
    for (std::size_t i = 0, end = 0; i < count; i = end) {
      end = runEnd(i);
      std::size_t partners = 0;
      for (std::size_t k = i; k < end; ++k)
        if (k == i || column1At(k) != column1At(k - 1)) ++partners;
      blocksOfRun.push_back((partners * kBitsPerKey + 255) / 256);
      owners.insert(owners.end(), blocksOfRun.back(), column2At(i));
    }
    blocks_.assign(owners.size(), Block{});
    std::size_t first = 0;  // the run's first block
    std::size_t run = 0;
    for (std::size_t i = 0, end = 0; i < count; i = end, ++run) {
      end = runEnd(i);
      const std::size_t blocks = blocksOfRun[run];
      for (std::size_t k = i; k < end; ++k) {
        const std::uint64_t h = mix(column1At(k));
        Block& block = blocks_[first + (((h >> 32) * blocks) >> 32)];
        for (std::size_t w = 0; w < kWords; ++w) block.words[w] |= bitOf(h, w);
      }
      first += blocks;
    }
    byColumn2_.build(owners.size(), [&](std::size_t b) { return owners[b]; });
    built_ = true;
  }

  /// The partners of `column2`: none when the table has no row with it as
  /// column 2; every code when the filter was never built.
  [[nodiscard]] Partners partnersOf(std::uint32_t column2) const {
    if (!built_) return Partners::all();
    const CodeSpanIndex::Span span = byColumn2_.find(column2);
    Partners p;
    p.blocks_ = blocks_.data() + span.begin;
    p.count_ = span.end - span.begin;
    return p;
  }

  /// False only when (column1, column2) was not among the rows built from.
  [[nodiscard]] bool mayContain(std::uint32_t column1, std::uint32_t column2) const {
    return partnersOf(column2).mayInclude(column1);
  }

  /// Whether build() has run.
  [[nodiscard]] bool built() const { return built_; }

  /// The filter's size in bytes (its blocks), for memory accounting and tests.
  [[nodiscard]] std::size_t bytes() const { return blocks_.size() * sizeof(Block); }

 private:
  static constexpr std::size_t kWords = 8;

  /// 256 bits; one partner sets one bit in each of the eight words.
  struct alignas(32) Block {
    std::array<std::uint32_t, kWords> words{};
  };

  /// Parquet's odd constants: each word takes its bit from another product.
  static constexpr std::array<std::uint32_t, kWords> kSalt = {0x47b6137bU, 0x44974d91U, 0x8824ad5bU,
                                                              0xa2b7289dU, 0x705495c7U, 0x2df1424bU,
                                                              0x9efc4947U, 0x5c6bfb31U};

  /// A full 64-bit mix (MurmurHash3's finalizer): codes of one family
  /// differ in few low bits.
  static std::uint64_t mix(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xFF51AFD7ED558CCDull;
    key ^= key >> 33;
    key *= 0xC4CEB9FE1A85EC53ull;
    key ^= key >> 33;
    return key;
  }

  /// One of 32 bits in word `w`, from the top five bits of a product of the
  /// hash's low half.
  static std::uint32_t bitOf(std::uint64_t h, std::size_t w) {
    return std::uint32_t{1} << ((static_cast<std::uint32_t>(h) * kSalt[w]) >> 27);
  }

  std::vector<Block> blocks_;
  /// Column 2 -> its span of blocks_.
  CodeSpanIndex byColumn2_;
  bool built_ = false;
};

}  // namespace edict::ir
