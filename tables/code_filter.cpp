#include "tables/code_filter.h"

#include <fmt/format.h>
#include <algorithm>

#include "tables/encoding.h"

namespace edict::tables {

namespace {

bool isSeparator(char c) {
  return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::variant<model::Code, std::string> parseEnd(std::string_view text, std::string_view item) {
  if (auto code = model::Code::parse(text)) return *code;
  return fmt::format("{} in {}: {}", quoteForMessage(text), quoteForMessage(item),
                     model::Code::whyNotCode(text));
}

}  // namespace

std::variant<CodeFilter, std::string> CodeFilter::parse(std::string_view text) {
  CodeFilter filter;
  std::size_t i = 0;
  while (i < text.size()) {
    if (isSeparator(text[i])) {
      ++i;
      continue;
    }
    if (text[i] == '#') {
      const std::size_t nl = text.find('\n', i);
      i = nl == std::string_view::npos ? text.size() : nl;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !isSeparator(text[end]) && text[end] != '#') ++end;
    const std::string_view item = text.substr(i, end - i);
    i = end;
    const std::size_t dots = item.find("..");
    const std::string_view lowText = item.substr(0, dots);
    const std::string_view highText = dots == std::string_view::npos ? item : item.substr(dots + 2);
    auto low = parseEnd(lowText, item);
    if (auto* e = std::get_if<std::string>(&low)) return std::move(*e);
    auto high = parseEnd(highText, item);
    if (auto* e = std::get_if<std::string>(&high)) return std::move(*e);
    const Range range{std::get<model::Code>(low), std::get<model::Code>(high)};
    if (range.high < range.low)
      return fmt::format("the range {} is empty: its first code comes after its last",
                         quoteForMessage(item));
    filter.ranges_.push_back(range);
  }
  if (filter.ranges_.empty()) return std::string("no codes given");
  std::sort(filter.ranges_.begin(), filter.ranges_.end(),
            [](const Range& a, const Range& b) { return a.low < b.low; });
  std::vector<Range> merged;
  for (const Range& r : filter.ranges_) {
    if (!merged.empty() && r.low.packed <= merged.back().high.packed + 1)
      merged.back().high = std::max(merged.back().high, r.high);
    else
      merged.push_back(r);
  }
  filter.ranges_ = std::move(merged);
  return filter;
}

bool CodeFilter::contains(model::Code code) const {
  auto it = std::upper_bound(ranges_.begin(), ranges_.end(), code,
                             [](model::Code c, const Range& r) { return c < r.low; });
  if (it == ranges_.begin()) return false;
  --it;
  return code <= it->high;
}

}  // namespace edict::tables
