// Load on `edict serve` from client threads over kept-alive connections:
// each thread posts its requests one after another, as fast as answers
// come, and every request's latency is kept (from the request sent to the
// answer read), so that percentiles are exact, not estimated.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace edict::bench {

/// What one load run measured.
struct LoadFigures {
  unsigned threads = 0;
  std::size_t requests = 0;
  std::size_t failed = 0;  ///< not 200, or no answer
  std::size_t claims = 0;
  double seconds = 0;             ///< wall time of the run
  double serverCpu = 0;           ///< CPU seconds the server used meanwhile (0: unknown)
  double clientCpu = 0;           ///< CPU seconds the client threads used
  std::vector<double> latencies;  ///< seconds, sorted

  [[nodiscard]] double requestsPerSecond() const { return seconds > 0 ? requests / seconds : 0; }
  [[nodiscard]] double claimsPerSecond() const { return seconds > 0 ? claims / seconds : 0; }
  /// The latency at `fraction` (0.5, 0.99) of the sorted requests.
  [[nodiscard]] double percentile(double fraction) const;
};

/// Posts `bodies` (each of `claimsPerBody` claims) round-robin to
/// 127.0.0.1:`port`/v1/evaluate from `threads` threads, each starting at its
/// own offset, for `seconds` of wall time (and at least one request each).
/// With the server's `pid` (else 0), also the CPU time it used.
LoadFigures runLoad(int port, const std::vector<std::string>& bodies, std::size_t claimsPerBody,
                    unsigned threads, double seconds, int pid = 0);

/// CPU seconds process `pid` has used (user and system), from /proc.
double processCpu(int pid);

}  // namespace edict::bench
