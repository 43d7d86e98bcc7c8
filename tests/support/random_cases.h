// Seeded, reproducible generation of random rulesets (as text, so the whole
// front end is exercised) and random claims (as JSON Lines), for the
// differential test of the interpreter against the JIT.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace edict::testing {

/// A random ruleset: its text, and the text of each rule (for minimized reports).
struct RandomRuleset {
  std::string text;
  /// The start of `text`: the header and the sets any rule may use.
  std::string header;
  std::vector<std::string> rules;
};

/// Generates rulesets and claims from one seed; the same seed gives the same cases.
class RandomCases {
 public:
  explicit RandomCases(std::uint64_t seed) : rng_(seed) {}

  /// A ruleset of about `rules` rules of every kind (pairs, modifier rules,
  /// general rules on lines and claims, modify rules, timed and untimed
  /// units, MUE limits).
  RandomRuleset ruleset(int rules);
  /// One claim as a JSON object on one line, with id `id`.
  std::string claim(const std::string& id);

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool chance(int percent) { return pick(100) < percent; }
  template <typename T>
  const T& oneOf(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(pick(static_cast<int>(items.size())))];
  }

  std::string condition(int depth, bool onClaim);
  std::string atom(bool onClaim);
  std::string codeList();
  std::string comparison();

  std::mt19937_64 rng_;
  int ruleCount_ = 0;
};

}  // namespace edict::testing
