// Timing engines on claims held in memory: each engine evaluates the same
// claims, in passes, until a minimum time has elapsed, on one thread or on
// several. Reading claims and writing results are not timed; making the
// edit records (ids, reasons, messages) is, since every engine makes them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/model/edit.h"
#include "harness/claim_set.h"

namespace edict::bench {

/// Evaluates one claim, appending its edits.
using EvaluateFn = std::function<void(const model::Claim&, std::vector<model::Edit>&)>;

/// An engine under test.
struct Engine {
  std::string name;
  EvaluateFn evaluate;
};

/// What one timed run did. Both clocks are kept: on a shared machine the
/// wall clock also counts the time other programs had the core, while the
/// CPU time (of the threads that ran the engine) is what the work cost,
/// the honest basis for "per core" figures and for ratios.
struct Throughput {
  std::size_t claims = 0;
  std::size_t lines = 0;
  std::size_t edits = 0;
  double seconds = 0;     ///< wall time
  double cpuSeconds = 0;  ///< CPU time of the engine's threads, summed
  unsigned threads = 1;

  [[nodiscard]] double claimsPerSecond() const { return seconds > 0 ? claims / seconds : 0; }
  [[nodiscard]] double claimsPerCpuSecond() const {
    return cpuSeconds > 0 ? claims / cpuSeconds : 0;
  }
  /// CPU nanoseconds per service line.
  [[nodiscard]] double nsPerLine() const { return lines > 0 ? cpuSeconds * 1e9 / lines : 0; }
  /// The share of its cores the run got: 1 on an idle machine.
  [[nodiscard]] double cpuShare() const {
    return seconds > 0 ? cpuSeconds / (seconds * threads) : 0;
  }
};

/// Runs `engine` over `set` in whole passes until each thread has used
/// `minSeconds` of CPU (at least one pass; at most five times that in wall
/// time, on a machine too busy to give it), on `threads` threads that each
/// take an equal share of the claims.
Throughput measure(const Engine& engine, const ClaimSet& set, double minSeconds,
                   unsigned threads = 1);

/// The edits of every claim of `set`, one vector per claim (untimed).
std::vector<std::vector<model::Edit>> collectEdits(const Engine& engine, const ClaimSet& set);

/// Repeated measurements of one engine: the best is the figure reported
/// (the least disturbed by other work on a shared machine); the spread says
/// how noisy the machine was.
struct Rounds {
  std::vector<Throughput> runs;

  /// The run with the most claims per CPU second.
  [[nodiscard]] const Throughput& best() const;
  /// The run with the most claims per wall-clock second (for thread scaling,
  /// which only the wall clock shows).
  [[nodiscard]] const Throughput& bestWall() const;
  /// (best - worst) / best claims per CPU second; 0 with fewer than two runs.
  [[nodiscard]] double spread() const;
};

}  // namespace edict::bench
