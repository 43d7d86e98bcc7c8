#include "handwritten/cms_mue_table.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "core/model/code.h"

namespace edict::bench {

namespace {

/// The fields of the CSV record starting at `at` (RFC 4180: quoted fields
/// may hold commas, doubled quotes and line breaks); moves `at` past it.
std::vector<std::string> nextRecord(std::string_view text, std::size_t& at) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c != '"')
        fields.back() += c;
      else if (at + 1 < text.size() && text[at + 1] == '"')
        fields.back() += text[++at];
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++at;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<MueLimit> readCmsMueFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the MUE table `" + path + "`");
  std::stringstream whole;
  whole << in.rdbuf();
  const std::string text = whole.str();
  std::vector<MueLimit> limits;
  // The notice and the header are the records whose first field is no code.
  for (std::size_t at = 0; at < text.size();) {
    const std::vector<std::string> f = nextRecord(text, at);
    if (f.size() != 4) continue;
    const auto code = model::Code::parse(trimmed(f[0]));
    const std::string_view value = trimmed(f[1]);
    const std::string_view indicator = trimmed(f[2]);
    MueLimit limit;
    if (!code || indicator.empty() ||
        std::from_chars(value.data(), value.data() + value.size(), limit.value).ec != std::errc())
      continue;
    limit.code = code->packed;
    limit.indicator = static_cast<std::uint8_t>(indicator[0] - '0');
    limit.rationale = trimmed(f[3]);
    limits.push_back(std::move(limit));
  }
  if (limits.empty()) throw std::runtime_error("no MUE limit in `" + path + "`");
  std::sort(limits.begin(), limits.end(),
            [](const MueLimit& a, const MueLimit& b) { return a.code < b.code; });
  return limits;
}

}  // namespace edict::bench
