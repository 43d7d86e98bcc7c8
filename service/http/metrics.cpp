#include "service/http/metrics.h"

#include <fmt/format.h>

#include <cmath>

namespace edict::http {

namespace {

/// A label value as the text format wants it: `\`, `"` and newlines escaped.
std::string escapeLabel(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string formatLabels(const Labels& labels) {
  std::string out;
  for (const auto& [name, value] : labels) {
    if (!out.empty()) out.push_back(',');
    out += fmt::format("{}=\"{}\"", name, escapeLabel(value));
  }
  return out;
}

/// A sample value: integers without a fraction, others in full.
std::string number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    return fmt::format("{}", static_cast<std::int64_t>(value));
  return fmt::format("{}", value);
}

void sample(std::string& out, const std::string& name, const std::string& labels,
            const std::string& value) {
  out += name;
  if (!labels.empty()) out += fmt::format("{{{}}}", labels);
  out += ' ';
  out += value;
  out += '\n';
}

}  // namespace

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      counts_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::observe(double value) {
  std::size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

void Histogram::write(const std::string& name, const std::string& labels, std::string& out) const {
  const std::string prefix = labels.empty() ? "" : labels + ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    const std::string le = i < bounds_.size() ? number(bounds_[i]) : "+Inf";
    sample(out, name + "_bucket", fmt::format("{}le=\"{}\"", prefix, le),
           fmt::format("{}", cumulative));
  }
  sample(out, name + "_sum", labels, number(sum_.load(std::memory_order_relaxed)));
  sample(out, name + "_count", labels, fmt::format("{}", cumulative));
}

std::vector<double> latencyBounds() {
  return {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,    0.1,    0.25,    0.5,    1,     2.5,    5,     10};
}

Metrics::Series& Metrics::series(const std::string& name, const std::string& type,
                                 const std::string& help, const Labels& labels) {
  Family& family = families_[name];
  if (family.type.empty()) {
    family.type = type;
    family.help = help;
  }
  const std::string formatted = formatLabels(labels);
  for (Series& s : family.series)
    if (s.labels == formatted) return s;
  Series& made = family.series.emplace_back();
  made.labels = formatted;
  return made;
}

Counter& Metrics::counter(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mutex_);
  Series& s = series(name, "counter", help, labels);
  if (!s.counter) s.counter = std::make_unique<Counter>();
  return *s.counter;
}

Histogram& Metrics::histogram(const std::string& name, const std::string& help,
                              const Labels& labels, const std::vector<double>& bounds) {
  std::lock_guard lock(mutex_);
  Series& s = series(name, "histogram", help, labels);
  if (!s.histogram) s.histogram = std::make_unique<Histogram>(bounds);
  return *s.histogram;
}

void Metrics::gauge(const std::string& name, const std::string& help, Sampler sample) {
  std::lock_guard lock(mutex_);
  Family& family = families_[name];
  family.type = "gauge";
  family.help = help;
  family.sampler = std::move(sample);
}

std::string Metrics::text() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, family.help, name, family.type);
    if (family.sampler)
      for (const auto& [labels, value] : family.sampler())
        sample(out, name, formatLabels(labels), number(value));
    for (const Series& s : family.series) {
      if (s.counter) sample(out, name, s.labels, fmt::format("{}", s.counter->value()));
      if (s.histogram) s.histogram->write(name, s.labels, out);
    }
  }
  return out;
}

}  // namespace edict::http
