// Timing engines on claims held in memory: each engine evaluates the same
// claims, in passes, until a minimum time has elapsed, on one thread or on
// several. Reading claims and writing results are not timed; making the
// edit records (ids, reasons, messages) is, since every engine makes them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "harness/claim_set.h"
#include "model/edit.h"

namespace edict::bench {

/// Evaluates one claim, appending its edits.
using EvaluateFn = std::function<void(const model::Claim&, std::vector<model::Edit>&)>;

/// An engine under test.
struct Engine {
  std::string name;
  EvaluateFn evaluate;
};

/// What one timed run did.
struct Throughput {
  std::size_t claims = 0;
  std::size_t lines = 0;
  std::size_t edits = 0;
  double seconds = 0;

  [[nodiscard]] double claimsPerSecond() const { return seconds > 0 ? claims / seconds : 0; }
  [[nodiscard]] double nsPerLine() const { return lines > 0 ? seconds * 1e9 / lines : 0; }
};

/// Runs `engine` over `set` in whole passes until `minSeconds` have passed
/// (at least one pass), on `threads` threads that each take an equal share
/// of the claims. With several threads, `seconds` is the wall time.
Throughput measure(const Engine& engine, const ClaimSet& set, double minSeconds,
                   unsigned threads = 1);

/// The edits of every claim of `set`, one vector per claim (untimed).
std::vector<std::vector<model::Edit>> collectEdits(const Engine& engine, const ClaimSet& set);

/// Repeated measurements of one engine: the best is the figure reported
/// (the least disturbed by other work on a shared machine); the spread says
/// how noisy the machine was.
struct Rounds {
  std::vector<Throughput> runs;

  [[nodiscard]] const Throughput& best() const;
  /// (best - worst) / best claims per second; 0 with fewer than two runs.
  [[nodiscard]] double spread() const;
};

}  // namespace edict::bench
