// The claims every engine of the benchmark evaluates: read once with edict's
// JSON Lines reader (reading is not what is timed), malformed claims counted
// and set aside, the rest kept in memory.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/model/claim.h"

namespace edict::bench {

/// Claims read from one file.
struct ClaimSet {
  std::vector<model::Claim> claims;
  std::size_t lines = 0;
  std::size_t rejected = 0;
  double readSeconds = 0;

  /// The first `count` claims (all when count is larger), for engines too
  /// slow to run the whole set.
  [[nodiscard]] ClaimSet prefix(std::size_t count) const;
};

/// Reads `path`; throws std::runtime_error when it cannot be opened.
ClaimSet readClaimSet(const std::string& path);

/// Writes the claims back as JSON Lines (edict's claim writer), the input of
/// the Node peers: the same claims, already validated.
void writeClaimSet(const ClaimSet& set, const std::string& path);

}  // namespace edict::bench
