// A map from a procedure code (model::Code::packed) to the span of entries
// of that code in a vector grouped by code: a flat open-addressing hash
// table, found in one or two probes. The IR's tables use it to go straight
// to a code's rows, where a binary search over NCCI's 2.6 million rows took
// about twenty cache-missing steps; the evaluator uses it to find a line's
// rules. It is derived data, rebuilt from the entries, never serialized.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace edict::ir {

/// Code -> [begin, end) of the entries of that code.
class CodeSpanIndex {
 public:
  /// A range of entry positions; empty when begin == end.
  struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };

  /// Indexes `count` entries whose codes `codeAt(i)` come grouped: the
  /// entries of one code are adjacent (sorted by code is enough).
  template <typename CodeAt>
  void build(std::size_t count, CodeAt codeAt) {
    std::size_t runs = 0;
    for (std::size_t i = 0; i < count; ++i)
      if (i == 0 || codeAt(i) != codeAt(i - 1)) ++runs;
    // At most half full, so every probe sequence meets an empty slot.
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(2, runs * 2));
    shift_ = static_cast<std::uint32_t>(64 - std::countr_zero(size));
    slots_.assign(size, Slot{});
    for (std::size_t i = 0; i < count;) {
      const std::uint32_t code = codeAt(i);
      std::size_t end = i + 1;
      while (end < count && codeAt(end) == code) ++end;
      Slot* slot = &slots_[home(code)];
      while (slot->code != kEmpty) slot = &slots_[(slot - slots_.data() + 1) & (size - 1)];
      *slot = Slot{code, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)}};
      i = end;
    }
  }

  /// The entries of `code`; an empty span when it has none (or nothing was built).
  [[nodiscard]] Span find(std::uint32_t code) const {
    if (slots_.empty()) return {};
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(code);; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.code == code) return slot.span;
      if (slot.code == kEmpty) return {};
    }
  }

  /// Whether build() has run.
  [[nodiscard]] bool built() const { return !slots_.empty(); }

 private:
  /// No code packs to this (36^5 < 2^32 - 1).
  static constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();

  struct Slot {
    std::uint32_t code = kEmpty;
    Span span;
  };

  /// Fibonacci hashing: codes of a family are consecutive integers, which
  /// the multiplication spreads over the table.
  [[nodiscard]] std::size_t home(std::uint32_t code) const {
    return static_cast<std::size_t>((code * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  std::vector<Slot> slots_;
  std::uint32_t shift_ = 63;
};

}  // namespace edict::ir
