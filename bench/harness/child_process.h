// A program run as a child process and measured from outside, as a user
// feels it: wall-clock time, the CPU time of the child (all its threads)
// and its peak resident memory, from wait4(2)'s resource usage. No GNU time
// needed.
#pragma once

#include <string>
#include <vector>

namespace edict::bench {

/// What one run of a child cost.
struct ChildRun {
  int status = -1;  ///< exit status; -1 when killed by a signal
  double wallSeconds = 0;
  double userSeconds = 0;
  double systemSeconds = 0;
  long peakRssKiB = 0;

  [[nodiscard]] double cpuSeconds() const { return userSeconds + systemSeconds; }
};

/// Runs `argv` (argv[0] a path) with standard output and error sent to
/// `logPath` (appended), and waits for it. Throws std::runtime_error when it
/// cannot be started.
ChildRun runChild(const std::vector<std::string>& argv, const std::string& logPath);

}  // namespace edict::bench
