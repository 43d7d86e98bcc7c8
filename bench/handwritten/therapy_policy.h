// The benchmark's reference for the physical limit: the rules of
// bench/rulesets/therapy_bench.edict written by hand in plain C++, as a
// careful engineer would write them for one payer with no rule language at
// all. It shares no evaluation code with edict (no IR, no evaluator, no
// message templates): only the claim and edit types, which are its input and
// output. Its edits must equal edict's field for field, so that the two do
// the same work; the harness checks that on every run.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/claim.h"
#include "core/model/edit.h"
#include "handwritten/modifier_masks.h"

namespace edict::bench {

/// The CMS therapy policies of the benchmark ruleset, hand-written.
class HandwrittenTherapy {
 public:
  HandwrittenTherapy();

  /// Appends the edits of `claim` in edict's order: by line, then by the
  /// order the ruleset writes its rules. Const and thread-safe.
  void evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const;

 private:
  /// One PTP pair: `column2` is denied when billed with `column1`.
  struct Pair {
    std::uint32_t column1;
    std::uint32_t column2;
    std::string id;
    std::string message;
    /// NCCI bypass (any NCCI modifier but anatomic ones, or anatomic ones
    /// naming different sites) when true; else only `regionBypass_`.
    bool ncciBypass;
  };

  [[nodiscard]] bool bypassed(const Pair& pair, const model::Line& line,
                              const model::Line& other) const;
  [[nodiscard]] model::Edit edit(const model::Claim& claim, std::size_t index, const char* rule,
                                 model::Action action, const char* reason,
                                 std::string message) const;

  std::uint32_t therapyFirst_, therapyLast_;
  std::uint32_t evaluationFirst_, evaluationLast_;
  std::uint32_t code97110_, code97150_;
  std::int32_t pairsSince_;
  ModifierMask discipline_, distinctService_, regionBypass_;
  NcciBypass ncci_;
  std::vector<Pair> pairs_;
};

}  // namespace edict::bench
