// The C-layout views of a claim that compiled predicates read. The JIT's
// code generator (backends/codegen) reads these fields at fixed offsets, so
// this layout is the calling convention between the runner and JIT code;
// the static_asserts below pin it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace edict::engine {

class ClaimCache;
struct HistoryView;

/// One service line, flattened for predicates.
struct LineView {
  std::uint32_t code;  ///< model::Code::packed
  std::int32_t units;
  std::int32_t minutes;        ///< -1 when the claim gives no minutes
  std::int32_t date;           ///< model::Date::days
  std::uint32_t position;      ///< 1-based line number
  std::uint16_t modifiers[4];  ///< model::Modifier::packed; 0 = none
  std::uint32_t group;         ///< same-day group: equal for same provider and date
  std::int64_t chargeCents;
  std::int32_t placeOfService;  ///< index in Program::strings, -1 if not there
  std::int32_t provider;        ///< index in Program::strings, -1 if not there
  std::int32_t age;             ///< patient's age in years on `date`, -1 unknown
  /// The units of `code` that the patient's earlier claims were allowed on
  /// this line's day (same provider and date; core/model/history.h): what a
  /// daily limit has already paid. 0 without history, and on prior lines.
  std::int32_t priorDayUnits;
};

/// Claim-level values, flattened for predicates.
struct ClaimView {
  std::int32_t payer;           ///< index in Program::strings, -1 if not there
  std::int32_t placeOfService;  ///< index in Program::strings, -1 if not there
  std::int32_t provider;        ///< index in Program::strings, -1 if not there
  std::int32_t sex;             ///< model::Sex
  std::int32_t birthDate;       ///< days, kUnknownDate when absent
  std::int32_t age;             ///< age in years on the first date of service, -1 unknown
  std::uint64_t diagnosisBits;  ///< bit k: a diagnosis matches Program::diagnosisPatterns[k]
};

/// What a predicate is called with.
struct EvalFrame {
  const LineView* line;   ///< null for claim-scoped rules
  const LineView* other;  ///< the other same-day line for pair-scoped rules, else null
  const LineView* lines;  ///< every line of the claim
  std::uint32_t lineCount;
  std::uint32_t reserved;
  const ClaimView* claim;
  /// What the evaluator computed once for the whole claim (the timed-unit
  /// checks of its days), for the runtime functions predicates call; null
  /// outside the evaluator, and then they compute afresh. Generated code
  /// only passes the frame on, so it never reads this.
  ClaimCache* cache = nullptr;
  /// The paid lines of the patient's earlier claims (history_view.h), or
  /// null when the run keeps no history. Generated code only passes the
  /// frame to the host functions that read it (history_limits.h).
  const HistoryView* history = nullptr;
};

/// The birth date of a claim that gives none.
inline constexpr std::int32_t kUnknownDate = INT32_MIN;

/// The signature of every compiled predicate: one stable calling convention.
using PredicateFn = bool (*)(const EvalFrame*);
/// The signature of a compiled `modify ... units` expression.
using UnitsFn = std::int64_t (*)(const EvalFrame*);

static_assert(offsetof(LineView, code) == 0);
static_assert(offsetof(LineView, units) == 4);
static_assert(offsetof(LineView, minutes) == 8);
static_assert(offsetof(LineView, date) == 12);
static_assert(offsetof(LineView, position) == 16);
static_assert(offsetof(LineView, modifiers) == 20);
static_assert(offsetof(LineView, group) == 28);
static_assert(offsetof(LineView, chargeCents) == 32);
static_assert(offsetof(LineView, placeOfService) == 40);
static_assert(offsetof(LineView, provider) == 44);
static_assert(offsetof(LineView, age) == 48);
static_assert(offsetof(LineView, priorDayUnits) == 52);
static_assert(sizeof(LineView) == 56);
static_assert(offsetof(ClaimView, payer) == 0);
static_assert(offsetof(ClaimView, placeOfService) == 4);
static_assert(offsetof(ClaimView, provider) == 8);
static_assert(offsetof(ClaimView, sex) == 12);
static_assert(offsetof(ClaimView, birthDate) == 16);
static_assert(offsetof(ClaimView, age) == 20);
static_assert(offsetof(ClaimView, diagnosisBits) == 24);
static_assert(offsetof(EvalFrame, line) == 0);
static_assert(offsetof(EvalFrame, other) == 8);
static_assert(offsetof(EvalFrame, lines) == 16);
static_assert(offsetof(EvalFrame, lineCount) == 24);
static_assert(offsetof(EvalFrame, claim) == 32);
static_assert(offsetof(EvalFrame, cache) == 40);
static_assert(offsetof(EvalFrame, history) == 48);
static_assert(sizeof(EvalFrame) == 56);

}  // namespace edict::engine
