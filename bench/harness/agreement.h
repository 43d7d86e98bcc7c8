// Checks that the engines of the benchmark did the same work: edict's JIT,
// its interpreter and the hand-written baseline must produce equal edit
// records, field for field; the Node peers, which make no messages, must
// produce the same (claim, line, rule, action, reason) for every edit.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/edit.h"
#include "harness/claim_set.h"

namespace edict::bench {

/// Per claim, the edits an engine produced.
using EditsByClaim = std::vector<std::vector<model::Edit>>;

/// The first difference between `a` and `b` (claims in `set` order), as a
/// readable report naming the claim and both edits; nullopt when equal.
std::optional<std::string> firstDifference(const ClaimSet& set, const EditsByClaim& a,
                                           const std::string& aName, const EditsByClaim& b,
                                           const std::string& bName);

/// `claim TAB line TAB rule TAB action TAB reason` (`-` for a claim-level
/// line): what the Node peers report for each edit.
std::string editKey(const model::Edit& edit);

/// What a Node peer did, from the summary its driver wrote.
struct PeerResult {
  std::string engine;
  std::string package;
  std::string version;
  std::size_t claims = 0;
  std::size_t lines = 0;
  double seconds = 0;     ///< wall clock
  double cpuSeconds = 0;  ///< the Node process's CPU time (all its threads)
  /// One editKey() per edit, as the peer produced them.
  std::vector<std::string> editKeys;
};

/// Reads `summaryPath` (JSON written by bench/peers/run_peers.js) and the
/// edits file it names. Throws std::runtime_error when they are unreadable.
PeerResult readPeerResult(const std::string& summaryPath);

/// Compares the peer's edits with `reference` on the claims the peer
/// evaluated (the first `peer.claims` of `set`), as multisets: peers need
/// not order edits as edict does. nullopt when equal, else the first
/// differences.
std::optional<std::string> comparePeer(const ClaimSet& set, const EditsByClaim& reference,
                                       const PeerResult& peer);

/// Edits per rule id, to show that the claims exercised every rule.
std::map<std::string, std::size_t> editsByRule(const EditsByClaim& edits);

}  // namespace edict::bench
