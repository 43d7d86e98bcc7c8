#include "runtime/run/progress_bar.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::run {

namespace {

/// `1234567` as `1,234,567`.
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

ProgressBar::ProgressBar(std::ostream& err, std::uint64_t totalBytes)
    : err_(err), totalBytes_(totalBytes), start_(Clock::now()), lastDraw_(start_) {}

std::string ProgressBar::render(std::uint64_t bytes, std::uint64_t totalBytes, std::uint64_t claims,
                                double seconds, std::size_t width) {
  const double rate = seconds > 0 ? static_cast<double>(claims) / seconds : 0;
  const double megabytes = static_cast<double>(bytes) / 1e6;
  const std::string counts =
      fmt::format("{} claims  {} claims/s  {:.1f} MB/s", grouped(claims),
                  grouped(static_cast<std::uint64_t>(rate)), seconds > 0 ? megabytes / seconds : 0);
  if (totalBytes == 0) return fmt::format("{}  {:.1f} MB read", counts, megabytes);
  const double fraction =
      std::min(1.0, static_cast<double>(bytes) / static_cast<double>(totalBytes));
  const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(width));
  return fmt::format("[{}{}] {:3.0f}%  {}", std::string(filled, '#'),
                     std::string(width - filled, '-'), fraction * 100, counts);
}

void ProgressBar::update(std::uint64_t bytes, std::uint64_t claims) {
  const Clock::time_point now = Clock::now();
  if (now - start_ < std::chrono::milliseconds(500)) return;
  if (drawn_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  drawn_ = true;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // `\r` and "erase to end of line" keep the bar on one line.
  err_ << '\r' << render(bytes, totalBytes_, claims, seconds, 30) << "\x1b[K" << std::flush;
}

void ProgressBar::finish() {
  if (drawn_) err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace edict::run
