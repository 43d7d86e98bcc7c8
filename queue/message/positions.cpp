#include "queue/message/positions.h"

#include <fmt/format.h>

#include <charconv>

namespace edict::queue {

std::string encodePositions(const std::vector<std::uint64_t>& positions) {
  std::string out;
  for (std::size_t i = 0; i < positions.size();) {
    std::size_t last = i;
    while (last + 1 < positions.size() && positions[last + 1] == positions[last] + 1) ++last;
    if (!out.empty()) out += ',';
    out += std::to_string(positions[i]);
    if (last > i) out += fmt::format("-{}", positions[last]);
    i = last + 1;
  }
  return out;
}

namespace {

bool readNumber(std::string_view& text, std::uint64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return false;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return true;
}

}  // namespace

bool decodePositions(std::string_view text, std::size_t limit, std::vector<std::uint64_t>& out,
                     std::string& error) {
  out.clear();
  const std::string_view whole = text;
  while (!text.empty()) {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    if (!readNumber(text, first)) {
      error = fmt::format("`{}` is not a list of positions (numbers and FIRST-LAST ranges)", whole);
      return false;
    }
    last = first;
    if (!text.empty() && text.front() == '-') {
      text.remove_prefix(1);
      if (!readNumber(text, last) || last < first) {
        error = fmt::format("`{}` has a range that is not FIRST-LAST with FIRST <= LAST", whole);
        return false;
      }
    }
    if (last - first >= limit || out.size() + (last - first) + 1 > limit) {
      error = fmt::format("`{}` names more than {} positions", whole, limit);
      return false;
    }
    for (std::uint64_t p = first;; ++p) {
      out.push_back(p);
      if (p == last) break;
    }
    if (!text.empty()) {
      if (text.front() != ',' || text.size() == 1) {
        error =
            fmt::format("`{}` is not a list of positions (numbers and FIRST-LAST ranges)", whole);
        return false;
      }
      text.remove_prefix(1);
    }
  }
  return true;
}

}  // namespace edict::queue
