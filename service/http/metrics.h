// The metrics of a server in the Prometheus text format (version 0.0.4):
// counters and histograms updated lock-free on the request path, gauges
// sampled when scraped. Series are registered once (a mutex) and then
// updated through the reference registration returns, which stays valid
// for the registry's life.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace edict::http {

/// Label names and values of one series, in the order written.
using Labels = std::vector<std::pair<std::string, std::string>>;

/// A value that only goes up.
class Counter {
 public:
  void add(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  [[nodiscard]] std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

/// Observations counted into buckets by upper bound, with their sum.
class Histogram {
 public:
  /// `bounds` ascending; an implicit last bucket is +Inf.
  explicit Histogram(std::vector<double> bounds);
  void observe(double value);
  /// Appends the `_bucket`, `_sum` and `_count` lines of series `name`
  /// with `labels` (already formatted, without braces).
  void write(const std::string& name, const std::string& labels, std::string& out) const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> counts_;
  std::atomic<double> sum_{0};
};

/// Bounds for request latencies, in seconds: 50 µs to 10 s.
std::vector<double> latencyBounds();

/// A registry of metric families.
class Metrics {
 public:
  /// The counter `name` with `labels`, made on first use.
  Counter& counter(const std::string& name, const std::string& help, const Labels& labels = {});
  /// The histogram `name` with `labels`, made on first use with `bounds`.
  Histogram& histogram(const std::string& name, const std::string& help, const Labels& labels,
                       const std::vector<double>& bounds);
  /// Samples taken when scraped: one value per label set.
  using Sampler = std::function<std::vector<std::pair<Labels, double>>()>;
  /// A gauge whose samples `sample` gives at each scrape.
  void gauge(const std::string& name, const std::string& help, Sampler sample);

  /// Every family, in name order, in the Prometheus text format.
  [[nodiscard]] std::string text() const;

 private:
  struct Series {
    std::string labels;  // formatted, without braces
    std::unique_ptr<Counter> counter;
    std::unique_ptr<Histogram> histogram;
  };
  struct Family {
    std::string type;
    std::string help;
    std::deque<Series> series;
    Sampler sampler;
  };
  Series& series(const std::string& name, const std::string& type, const std::string& help,
                 const Labels& labels);

  mutable std::mutex mutex_;
  std::map<std::string, Family> families_;
};

/// The media type of Metrics::text().
inline constexpr const char* kPrometheusType = "text/plain; version=0.0.4; charset=utf-8";

}  // namespace edict::http
