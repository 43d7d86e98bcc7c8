// Times a phase of work on the wall clock and on the process's CPU clock
// (on a shared machine the wall clock also counts other programs' turns).
#pragma once

#include <chrono>

#include "harness/compiled_ruleset.h"
#include "harness/machine.h"

namespace edict::bench {

/// Started on construction; elapsed() reads both clocks.
class Stopwatch {
 public:
  Stopwatch() : wall_(Clock::now()), cpu_(processCpuSeconds()) {}
  [[nodiscard]] Phase elapsed() const {
    return {std::chrono::duration<double>(Clock::now() - wall_).count(),
            processCpuSeconds() - cpu_};
  }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point wall_;
  double cpu_;
};

}  // namespace edict::bench
