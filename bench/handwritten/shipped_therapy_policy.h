// The benchmark's limit for the shipped rulesets: rulesets/cms/therapy.edict
// (and rulesets/examples/acme_commercial.edict, which layers on it) written
// by hand in plain C++: discipline modifiers, the group-therapy rule, timed
// units by the 8-minute rule (ACME: per code), evaluations one unit a day
// with minutes on them refused, MUE limits from CMS's file and one written
// by hand, the PTP pairs, the effective dates; ACME's frequency limits over
// the claim's own lines (the benchmark runs without a claim history). Like HandwrittenTherapy it
// links the claim model only (CMake enforces it): no IR, no evaluator, no
// message templates, none of core/units. The harness checks its edits equal
// edict's, field for field, on every run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/claim.h"
#include "core/model/edit.h"
#include "handwritten/cms_mue_table.h"
#include "handwritten/modifier_masks.h"
#include "handwritten/timed_units.h"

namespace edict::bench {

/// Which shipped ruleset to mirror.
enum class ShippedRuleset : std::uint8_t {
  CmsTherapy,      ///< rulesets/cms/therapy.edict
  AcmeCommercial,  ///< rulesets/examples/acme_commercial.edict
};

/// The policies of a shipped ruleset, hand-written.
class HandwrittenShippedTherapy {
 public:
  /// `mueTablePath` is the CMS-layout MUE file the ruleset imports
  /// (rulesets/cms/tables/mue_therapy.csv). Throws std::runtime_error when
  /// it cannot be read.
  HandwrittenShippedTherapy(ShippedRuleset ruleset, const std::string& mueTablePath);

  /// Appends the edits of `claim` in edict's order (claim-level first, then
  /// by line, then by the order the ruleset writes its rules). Const and
  /// thread-safe.
  void evaluate(const model::Claim& claim, std::vector<model::Edit>& out) const;

 private:
  /// When a PTP pair is bypassed.
  enum class Bypass : std::uint8_t { Ncci, Region, Never };

  /// One PTP pair: `column2` is denied when billed with `column1`.
  struct Pair {
    std::uint32_t column1;
    std::uint32_t column2;
    std::string id;
    std::string message;
    Bypass bypass;
  };

  /// At most `max` services (or units) of codes first..last in any
  /// `days` consecutive days.
  struct FrequencyLimit {
    std::uint32_t first;
    std::uint32_t last;
    std::int64_t max;
    bool units;
    std::int32_t days;
    std::string id;
  };

  struct Scratch;

  void addPair(const char* column1, const char* column2, const char* rationale, Bypass bypass);
  [[nodiscard]] bool bypassed(const Pair& pair, const model::Line& line,
                              const model::Line& other) const;
  [[nodiscard]] const MueLimit* mueOf(std::uint32_t code, std::int32_t date) const;
  [[nodiscard]] bool refusesMinutes(const model::Claim& claim, std::vector<model::Edit>& out) const;
  void lineEdits(const model::Claim& claim, std::size_t i, Scratch& s,
                 std::vector<model::Edit>& out) const;
  void judgeFrequency(const model::Claim& claim, std::size_t limit, Scratch& s) const;
  void frequencyEdit(const model::Claim& claim, std::size_t i, std::size_t limit, Scratch& s,
                     std::vector<model::Edit>& out) const;
  void mueEdit(const model::Claim& claim, std::size_t i, const MueLimit& limit, const char* rule,
               Scratch& s, std::vector<model::Edit>& out) const;
  model::Edit& edit(const model::Claim& claim, std::size_t i, std::string rule,
                    model::Action action, const char* reason, std::vector<model::Edit>& out) const;

  ShippedRuleset ruleset_;
  std::string name_, version_;
  std::int32_t effective_;
  TimedMethod timedMethod_;
  bool evaluationsOnePerDay_;
  bool homeTherapyDenied_;
  ModifierMask discipline_, distinctService_, distinctRegion_;
  NcciBypass ncci_;
  std::vector<MueLimit> mue_;
  std::int32_t mueSince_;
  MueLimit limit97035_;
  std::vector<Pair> pairs_;
  std::vector<FrequencyLimit> frequencyLimits_;
};

}  // namespace edict::bench
