#include "harness/claim_set.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <variant>

#include "runtime/read/jsonl_reader.h"
#include "runtime/write/claim_text.h"

namespace edict::bench {

ClaimSet ClaimSet::prefix(std::size_t count) const {
  ClaimSet out;
  out.claims.assign(claims.begin(),
                    claims.begin() + static_cast<std::ptrdiff_t>(std::min(count, claims.size())));
  for (const model::Claim& c : out.claims) out.lines += c.lines.size();
  return out;
}

ClaimSet readClaimSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open claims file `" + path + "`");
  const auto start = std::chrono::steady_clock::now();
  ClaimSet set;
  auto reader = read::openJsonLines(in, path);
  read::ReadItem item;
  while (reader->next(item)) {
    if (auto* claim = std::get_if<model::Claim>(&item)) {
      set.lines += claim->lines.size();
      set.claims.push_back(std::move(*claim));
    } else {
      ++set.rejected;
    }
  }
  if (!reader->fatalError().empty()) throw std::runtime_error(path + ": " + reader->fatalError());
  set.readSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return set;
}

void writeClaimSet(const ClaimSet& set, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write `" + path + "`");
  for (const model::Claim& claim : set.claims) out << write::claimToJsonLine(claim);
  if (!out) throw std::runtime_error("cannot write `" + path + "`");
}

}  // namespace edict::bench
