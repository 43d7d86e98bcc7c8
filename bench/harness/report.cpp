#include "harness/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/text/json_text.h"

namespace edict::bench {

JsonObject& JsonObject::add(std::string_view key, std::string_view text) {
  std::string value;
  text::appendJsonString(value, text);
  return addRaw(key, std::move(value));
}

JsonObject& JsonObject::add(std::string_view key, double number) {
  // JSON has no NaN or infinity; a figure that could not be measured is null.
  return addRaw(key, std::isfinite(number) ? fmt::format("{:.6g}", number) : "null");
}

JsonObject& JsonObject::add(std::string_view key, std::size_t number) {
  return addRaw(key, std::to_string(number));
}

JsonObject& JsonObject::add(std::string_view key, bool value) {
  return addRaw(key, value ? "true" : "false");
}

JsonObject& JsonObject::addRaw(std::string_view key, std::string json) {
  members_.emplace_back(std::string(key), std::move(json));
  return *this;
}

std::string JsonObject::text() const {
  std::string out = "{";
  for (std::size_t i = 0; i < members_.size(); ++i) {
    if (i > 0) out += ", ";
    text::appendJsonString(out, members_[i].first);
    out += ": ";
    out += members_[i].second;
  }
  return out + "}";
}

std::string jsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ",\n  " : "\n  ") + items[i];
  return out + (items.empty() ? "]" : "\n]");
}

std::string TextTable::text() const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measureRow = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], cells[c].size());
  };
  measureRow(header_);
  for (const auto& r : rows_) measureRow(r);
  auto renderRow = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      line += c == 0 ? fmt::format("{:<{}}", cell, widths[c])
                     : fmt::format("  {:>{}}", cell, widths[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
  };
  std::string out = renderRow(header_);
  std::size_t total = 0;
  for (std::size_t w : widths) total += w + 2;
  out += std::string(total - 2, '-') + "\n";
  for (const auto& r : rows_) out += renderRow(r);
  return out;
}

std::string targetsTable(const std::vector<Target>& targets) {
  TextTable table({"target", "measured", "result"});
  for (const Target& t : targets)
    table.row({t.what, t.measured, !t.measurable ? "not measured" : t.met ? "met" : "MISSED"});
  return table.text();
}

std::string targetsJson(const std::vector<Target>& targets) {
  std::vector<std::string> items;
  for (const Target& t : targets)
    items.push_back(JsonObject()
                        .add("target", t.what)
                        .add("measured", t.measured)
                        .addRaw("met", t.measurable ? (t.met ? "true" : "false") : "null")
                        .text());
  return jsonArray(items);
}

std::string grouped(double value) {
  if (!std::isfinite(value)) return "-";
  std::string digits = fmt::format("{:.0f}", value);
  std::string out;
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string times(double ratio) {
  if (!std::isfinite(ratio)) return "-";
  if (ratio >= 100) return fmt::format("{:.0f}x", ratio);
  if (ratio >= 10) return fmt::format("{:.1f}x", ratio);
  return fmt::format("{:.2f}x", ratio);
}

void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write `" + path + "`");
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read `" + path + "`");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace edict::bench
