// A progress bar for long runs, drawn on one line of a terminal's standard
// error: how far through the input, claims read, claims per second. Quiet
// during the first half second, so short runs print nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace edict::run {

class ProgressBar {
 public:
  /// Draws on `err`; `totalBytes` is the input's size, 0 when unknown
  /// (standard input): then the bar shows counts without a percentage.
  ProgressBar(std::ostream& err, std::uint64_t totalBytes);

  /// Redraws, at most ten times a second.
  void update(std::uint64_t bytes, std::uint64_t claims);
  /// Erases the bar, if it was drawn, so the summary starts on a clean line.
  void finish();

  /// The text of the bar, without the carriage return; `width` is the
  /// number of characters the bar's gauge may take.
  static std::string render(std::uint64_t bytes, std::uint64_t totalBytes, std::uint64_t claims,
                            double seconds, std::size_t width);

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  std::uint64_t totalBytes_;
  Clock::time_point start_;
  Clock::time_point lastDraw_;
  bool drawn_ = false;
};

}  // namespace edict::run
