// The benchmark generators' random numbers: SplitMix64, so that a seed gives
// the same claims and tables with every compiler and standard library (the
// std distributions are implementation-defined; this is not).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace edict::bench {

/// A small, fast, fully specified generator.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  /// A number in [0, n); n > 0. The modulo bias is below 2^-40 for the
  /// ranges used here.
  std::uint64_t below(std::uint64_t n) { return next() % n; }

  /// A number in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }

  /// True with probability `percent` / 100 (fractions allowed).
  bool chance(double percent) {
    return static_cast<double>(next() >> 11) * 0x1.0p-53 * 100.0 < percent;
  }

  /// A uniform number in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

/// A value and how often it is drawn relative to the others.
template <typename T>
struct Weighted {
  T value;
  unsigned weight;
};

/// Draws one of `options` with probability proportional to its weight.
template <typename T>
const T& pick(Rng& rng, std::span<const Weighted<T>> options) {
  std::uint64_t total = 0;
  for (const auto& o : options) total += o.weight;
  std::uint64_t r = rng.below(total);
  for (const auto& o : options) {
    if (r < o.weight) return o.value;
    r -= o.weight;
  }
  return options.back().value;
}

}  // namespace edict::bench
