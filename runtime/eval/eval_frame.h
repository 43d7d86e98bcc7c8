// The C-layout views of a claim that compiled predicates read. The JIT's
// code generator (compiler/codegen) reads these fields at fixed offsets, so
// this layout is the calling convention between the runner and JIT code:
// change it only together with codegen/frame_layout.h.
#pragma once

#include <cstddef>
#include <cstdint>

namespace edict::eval {

/// One service line, flattened for predicates.
struct LineView {
  std::uint32_t code;         ///< model::Code::packed
  std::int32_t units;
  std::int32_t minutes;       ///< -1 when the claim gives no minutes
  std::int32_t date;          ///< model::Date::days
  std::uint32_t position;     ///< 1-based line number
  std::uint16_t modifiers[4]; ///< model::Modifier::packed; 0 = none
  std::uint32_t group;        ///< same-day group: equal for same provider and date
};

/// What a predicate is called with.
struct EvalFrame {
  const LineView* line;
  /// The other line of the same day for pair-scoped rules, else null.
  const LineView* other;
};

/// The signature of every compiled predicate: one stable calling convention.
using PredicateFn = bool (*)(const EvalFrame*);

static_assert(offsetof(LineView, code) == 0);
static_assert(offsetof(LineView, units) == 4);
static_assert(offsetof(LineView, minutes) == 8);
static_assert(offsetof(LineView, date) == 12);
static_assert(offsetof(LineView, position) == 16);
static_assert(offsetof(LineView, modifiers) == 20);
static_assert(offsetof(LineView, group) == 28);
static_assert(sizeof(LineView) == 32);
static_assert(offsetof(EvalFrame, line) == 0);
static_assert(offsetof(EvalFrame, other) == 8);

}  // namespace edict::eval
