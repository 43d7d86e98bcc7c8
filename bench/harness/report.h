// The benchmark's output: aligned text tables for people and one JSON
// document for machines (and for docs/performance.md), built from the same
// values so that the two cannot disagree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace edict::bench {

/// A JSON object built member by member, in insertion order.
class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view text);
  JsonObject& add(std::string_view key, const char* text) {
    return add(key, std::string_view(text));
  }
  JsonObject& add(std::string_view key, double number);
  JsonObject& add(std::string_view key, std::size_t number);
  JsonObject& add(std::string_view key, bool value);
  /// `json` is already JSON (an object, array or literal).
  JsonObject& addRaw(std::string_view key, std::string json);
  [[nodiscard]] std::string text() const;

 private:
  std::vector<std::pair<std::string, std::string>> members_;
};

/// `[a, b, ...]` of values that are already JSON.
std::string jsonArray(const std::vector<std::string>& items);

/// A text table: a header row, then rows; columns after the first are
/// right-aligned (they hold figures).
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  [[nodiscard]] std::string text() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// One target of the benchmark issue, judged on a measured value.
struct Target {
  std::string what;      ///< e.g. "JIT >= 1,000,000 claims/s on one core"
  std::string measured;  ///< e.g. "1,234,567 claims/s"
  bool met = false;
  /// False for a target this benchmark cannot measure yet (it is listed,
  /// so that it is not forgotten).
  bool measurable = true;
};

/// The targets as a table with `met`, `MISSED` or `not measured`.
std::string targetsTable(const std::vector<Target>& targets);
/// The targets as a JSON array.
std::string targetsJson(const std::vector<Target>& targets);

/// `1234567.8` as `1,234,568`.
std::string grouped(double value);
/// A ratio as `12.3x` (three significant figures).
std::string times(double ratio);

/// Writes `text` to `path`; throws std::runtime_error on failure.
void writeFile(const std::string& path, const std::string& text);
/// The text of `path`; throws std::runtime_error when unreadable.
std::string readFile(const std::string& path);

}  // namespace edict::bench
