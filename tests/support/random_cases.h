// Seeded, reproducible generation of random rulesets (as text, so the whole
// front end is exercised) and random claims (as JSON Lines), for the
// differential test of the interpreter against the JIT.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/model/history.h"

namespace edict::testing {

/// A random ruleset: its text, and the text of each rule (for minimized reports).
struct RandomRuleset {
  std::string text;
  /// The start of `text`: the header and the sets any rule may use.
  std::string header;
  std::vector<std::string> rules;
};

/// A packed code of one of a few families, as NCCI's codes are: runs of
/// consecutive values (for tests of the table indexes and the pair filter).
inline std::uint32_t randomFamilyCode(std::mt19937& rng) {
  std::uniform_int_distribution<std::uint32_t> family(0, 7);
  std::uniform_int_distribution<std::uint32_t> member(0, 40);
  return 1000000u + family(rng) * 5000u + member(rng);
}

/// Generates rulesets and claims from one seed; the same seed gives the same cases.
class RandomCases {
 public:
  /// With `history`, rulesets also have frequency limits and conditions
  /// that read the history (`history.count`...), and history() makes the
  /// prior lines to judge claims with; without, the cases are those of
  /// edict before claim history, seed for seed.
  explicit RandomCases(std::uint64_t seed, bool history = false) : rng_(seed), history_(history) {}

  /// A ruleset of about `rules` rules of every kind (pairs, modifier rules,
  /// general rules on lines and claims, modify rules, timed and untimed
  /// units, MUE limits; frequency limits with history).
  RandomRuleset ruleset(int rules);
  /// One claim as a JSON object on one line, with id `id`.
  std::string claim(const std::string& id);
  /// A patient's history of up to `lines` prior lines, paid and denied,
  /// around the dates claims have, of the claims' providers and others.
  model::ClaimHistory history(int lines);

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

  std::string historyAtom();
  std::string window(const char* keyword);

  std::mt19937_64 rng_;
  bool history_ = false;
  int ruleCount_ = 0;
};

}  // namespace edict::testing
