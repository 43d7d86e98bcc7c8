#include "harness/throughput.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "harness/machine.h"

namespace edict::bench {

namespace {

using Clock = std::chrono::steady_clock;

/// Passes over claims[first, last) until `minSeconds`; the edits vector is
/// reused, as a runner reuses it between claims.
Throughput runShare(const Engine& engine, const ClaimSet& set, std::size_t first, std::size_t last,
                    double minSeconds) {
  Throughput t;
  std::vector<model::Edit> edits;
  std::size_t linesPerPass = 0;
  for (std::size_t i = first; i < last; ++i) linesPerPass += set.claims[i].lines.size();
  const auto start = Clock::now();
  const double cpuStart = threadCpuSeconds();
  do {
    for (std::size_t i = first; i < last; ++i) {
      edits.clear();
      engine.evaluate(set.claims[i], edits);
      t.edits += edits.size();
    }
    t.claims += last - first;
    t.lines += linesPerPass;
    t.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    t.cpuSeconds = threadCpuSeconds() - cpuStart;
  } while (t.cpuSeconds < minSeconds && t.seconds < 5 * minSeconds && last > first);
  return t;
}

}  // namespace

Throughput measure(const Engine& engine, const ClaimSet& set, double minSeconds, unsigned threads) {
  const std::size_t n = set.claims.size();
  if (threads <= 1) return runShare(engine, set, 0, n, minSeconds);
  std::vector<Throughput> shares(threads);
  std::vector<std::thread> workers;
  std::atomic<unsigned> ready{0};
  const auto start = Clock::now();
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      // Start together, so that the shares overlap for the whole run.
      ready.fetch_add(1);
      while (ready.load() < threads) std::this_thread::yield();
      shares[t] = runShare(engine, set, n * t / threads, n * (t + 1) / threads, minSeconds);
    });
  for (std::thread& w : workers) w.join();
  Throughput total;
  for (const Throughput& s : shares) {
    total.claims += s.claims;
    total.lines += s.lines;
    total.edits += s.edits;
    total.cpuSeconds += s.cpuSeconds;
  }
  total.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  total.threads = threads;
  return total;
}

std::vector<std::vector<model::Edit>> collectEdits(const Engine& engine, const ClaimSet& set) {
  std::vector<std::vector<model::Edit>> out(set.claims.size());
  for (std::size_t i = 0; i < set.claims.size(); ++i) engine.evaluate(set.claims[i], out[i]);
  return out;
}

const Throughput& Rounds::best() const {
  return *std::max_element(runs.begin(), runs.end(), [](const auto& a, const auto& b) {
    return a.claimsPerCpuSecond() < b.claimsPerCpuSecond();
  });
}

const Throughput& Rounds::bestWall() const {
  return *std::max_element(runs.begin(), runs.end(), [](const auto& a, const auto& b) {
    return a.claimsPerSecond() < b.claimsPerSecond();
  });
}

double Rounds::spread() const {
  if (runs.size() < 2) return 0;
  const auto [lo, hi] = std::minmax_element(
      runs.begin(), runs.end(),
      [](const auto& a, const auto& b) { return a.claimsPerCpuSecond() < b.claimsPerCpuSecond(); });
  return (hi->claimsPerCpuSecond() - lo->claimsPerCpuSecond()) / hi->claimsPerCpuSecond();
}

}  // namespace edict::bench
