// Synthetic claims for the engine benchmark: a seeded, deterministic stream
// of outpatient claims with the shape of therapy traffic (1-24 lines, mostly
// therapy and E/M codes, discipline and distinct-service modifiers, minutes,
// several visit dates, rendering providers) and a few malformed ones, written
// as JSON Lines so that every engine starts from the same text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "gen/rng.h"

namespace edict::bench {

/// What to generate.
struct ClaimMixOptions {
  std::size_t claims = 10000;
  std::uint64_t seed = 2026;
  /// One claim in this many is malformed (0: none): a bad code, an
  /// impossible date, a bad modifier or a truncated JSON object.
  std::size_t malformedEvery = 200;
};

/// What was generated, for the report.
struct ClaimMixStats {
  std::size_t claims = 0;
  std::size_t lines = 0;
  std::size_t malformed = 0;
};

/// The claims one at a time, for writers that convert them as they come.
class ClaimMix {
 public:
  explicit ClaimMix(const ClaimMixOptions& options);
  /// The next claim as one JSON line with its newline, into `text`; false
  /// after the last.
  bool next(std::string& text);
  [[nodiscard]] const ClaimMixStats& stats() const { return stats_; }

 private:
  ClaimMixOptions options_;
  Rng rng_;
  std::vector<std::string> providers_;
  ClaimMixStats stats_;
};

/// Writes `options.claims` claims, one JSON object per line, to `out`; the
/// same options give the same bytes on every machine.
ClaimMixStats writeClaimMix(std::ostream& out, const ClaimMixOptions& options);

}  // namespace edict::bench
