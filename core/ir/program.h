// The rule IR: the contract between the compiler's front end and the two
// back ends (the interpreter in backends/interp and the LLVM JIT in codegen/).
// A rule is a typed boolean predicate over a frame of one line, optionally
// one other line of the same day, and the claim; plus what to do when it holds.
// Expressions live in one arena and refer to each other by index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ir/code_span_index.h"
#include "core/ir/pair_filter.h"
#include "core/ir/run_index.h"
#include "core/ir/test_case.h"
#include "core/model/code.h"
#include "core/model/date.h"
#include "core/model/edit.h"

namespace edict::ir {

/// What part of the frame an expression reads.
enum class Binding : std::uint8_t {
  Line,   ///< the line the edit is about
  Other,  ///< another line of the same patient, provider and date
  Claim,  ///< the claim (its patient, payer, provider, diagnoses)
};

/// Integer-valued fields of a line (codes, dates, strings are integers in
/// the IR: strings are indices into Program::strings, -1 when absent).
enum class LineField : std::uint8_t {
  Code,
  Units,
  Minutes,
  Date,
  Position,
  Charge,
  PlaceOfService,
  Provider,
  Age,
};

/// Integer-valued fields of the claim.
enum class ClaimField : std::uint8_t { Payer, PlaceOfService, Provider, Sex, BirthDate, Age };

/// Expr::value of the history kinds: a window of dates. A positive value is
/// a number of days (`within 30 days`: at most 30 days from the line's
/// date, either way; `per 30 days`: any 30 consecutive days); this one is
/// the calendar year of the line's date.
inline constexpr std::int64_t kCalendarYear = -1;
/// The longest window of days a ruleset may write (ten years).
inline constexpr std::int64_t kMaxWindowDays = 3660;

/// Comparison operators on integers.
enum class CmpOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

/// Marks an IntConst whose value is an index into Program::strings (in
/// Expr::set), so that merging programs can re-number it.
inline constexpr std::uint32_t kStringConstant = 0xFFFFFFFFu;

/// Index of an expression in Program::exprs.
using ExprId = std::uint32_t;

/// One node of a predicate.
struct Expr {
  enum class Kind : std::uint8_t {
    BoolConst,       ///< value (0 or 1)
    IntConst,        ///< value
    Field,           ///< binding.field (lineField or claimField), an integer
    Known,           ///< binding.field has a value (minutes, age, birth date)
    Compare,         ///< operands[0] op operands[1]
    Add,             ///< operands[0] + operands[1]
    Sub,             ///< operands[0] - operands[1]
    And,             ///< all operands
    Or,              ///< any operand
    Not,             ///< operands[0] is false
    InCodeSet,       ///< operands[0] (a code) is in codeSets[set]
    HasModifierIn,   ///< binding carries a modifier of modifierSets[set]
    SitesDiffer,     ///< line and other both carry modifiers of `set`, none shared
    DiagnosisAny,    ///< the claim has a diagnosis matching a pattern of bit mask `value`
    SameDayCount,    ///< lines of the line's day, other than it, with a code in codeSets[set]
    SameDayUnits,    ///< the units of those lines
    ClaimCount,      ///< lines of the claim with a code in codeSets[set]
    ClaimUnits,      ///< the units of those lines
    PairTableHolds,  ///< pairTables[set] has a row for (other.code, line.code) in force
                     ///< on line.date that is not bypassed
    TimedUnits,      ///< the units the line may keep when the minutes of the same-day
                     ///< lines with a code in codeSets[set] become units by method
                     ///< UnitMethod(value); its billed units when it has no minutes
    DayLimitUnits,   ///< the units the line may keep when its code may have at most
                     ///< `value` units a day: what earlier same-day lines of the code
                     ///< left, between 0 and its billed units
    MueUnits,        ///< the units the line may keep under mueTables[set]: the row in
                     ///< force for (line.code, line.date) judges the line alone
                     ///< (indicator 1) or as DayLimitUnits (2, 3); billed units if no row
    InRange,         ///< operands[1] <= operands[0] <= operands[2] (numbers or dates)
    // Claim history (core/model/history.h): paid lines of the patient's
    // earlier claims, through EvalFrame::history. `value` is a window.
    HistoryCount,       ///< prior lines with a code in codeSets[set] and allowed units, dated
                        ///< within window `value` of line.date (engine::historyTotal)
    HistoryUnits,       ///< the allowed units of those lines
    FrequencyServices,  ///< the units the line may keep when at most operands[0] services
                        ///< of codeSets[set] are paid in any window `value` (its billed
                        ///< units, or 0): prior lines and earlier lines of the claim count
    FrequencyUnits,     ///< the units the line may keep when at most operands[0] units of
                        ///< codeSets[set] are paid in any window `value`
  };

  Kind kind = Kind::BoolConst;
  Binding binding = Binding::Line;
  LineField lineField = LineField::Code;
  ClaimField claimField = ClaimField::Payer;
  CmpOp op = CmpOp::Eq;
  std::int64_t value = 0;
  std::uint32_t set = 0;
  std::vector<ExprId> operands{};
};

/// A named set of modifiers, sorted and without duplicates.
struct ModifierSet {
  std::string name;
  std::vector<model::Modifier> members;
};

/// A named set of codes as sorted, disjoint, inclusive ranges of Code::packed.
struct CodeSet {
  std::string name;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;

  [[nodiscard]] bool contains(std::uint32_t code) const;
};

/// A table of PTP rows, sorted by (column 2, column 1, effective date), so
/// that a pair's rows are adjacent and buildIndex() can index them by pair. Tables are data the
/// generated code searches: one predicate per row would not scale to the 2.6 million rows of NCCI.
struct PairTable {
  struct Row {
    std::uint32_t column1;
    std::uint32_t column2;
    std::int32_t effective;
    std::int32_t deletion;    ///< inclusive; INT32_MAX for none
    std::uint32_t rationale;  ///< index into `rationales`
    std::uint8_t indicator;   ///< 0, 1 or 9
  };
  std::string source;  ///< the file it came from
  std::vector<Row> rows;
  std::vector<std::string> rationales;
  /// Modifier sets (indices into Program::modifierSets) that bypass rows with
  /// indicator 1: any non-anatomic one on either line, or anatomic ones
  /// naming different sites; -1 when the part is empty.
  std::int32_t plainBypass = -1;
  std::int32_t anatomicBypass = -1;

  /// The row for (column1, column2) in force on `date`, or null.
  [[nodiscard]] const Row* find(std::uint32_t column1, std::uint32_t column2,
                                std::int32_t date) const;

  /// False only when the table has no row at all for (column1, column2), on
  /// any date: a filter in front of find() for callers that ask about many
  /// pairs without rows (the JIT's lookups). True, never wrongly false, when
  /// the index is missing or stale; a true for a pair without rows costs only
  /// find()'s own lookup. find() itself does not consult it, so that the
  /// interpreter, the oracle, stays on the plain lookup.
  [[nodiscard]] bool mayHaveRow(std::uint32_t column1, std::uint32_t column2) const;

  /// The filter of `column2`'s column-1 partners, for a caller that asks
  /// about many pairs of one column-2 code (the evaluator, for a line): as
  /// mayHaveRow(), all codes pass when the index is missing or stale.
  [[nodiscard]] PairFilter::Partners partnersOf(std::uint32_t column2) const;

  /// Derives the lookup index and the pair filter from `rows` (sorted as
  /// above). Call it whenever `rows` is finished or changed: after reading a
  /// table, after an override removes rows, after loading a compiled
  /// artifact. Without a current index find() is still correct (a binary
  /// search over every row), only slower, and mayHaveRow() says true.
  void buildIndex();

 private:
  /// (column 2, column 1) -> the pair's first row: derived by buildIndex(),
  /// never serialized.
  RunIndex byPair_;
  /// The pairs that have rows: derived by buildIndex(), never serialized.
  PairFilter pairs_;
  /// rows.size() when the index was built; another size means it is stale.
  std::size_t indexedRows_ = 0;
};

/// How the minutes of timed codes become units (core/units, docs/timed_units.md).
enum class UnitMethod : std::uint8_t {
  TotalTime,  ///< CMS: the day's timed minutes pooled ("8-minute rule")
  PerCode,    ///< AMA: each code's own minutes ("substantial portion")
  Rounded,    ///< each code's own minutes rounded to the nearest 15
};

/// A table of medically unlikely edits (MUE), sorted by (code, effective
/// date) so that a lookup is an index probe and a binary search; data, like PairTable (CMS
/// publishes about 15,000 rows a quarter).
struct MueTable {
  struct Row {
    std::uint32_t code;
    std::int32_t effective;   ///< the row applies from here until the code's next row
    std::int32_t value;       ///< the most units allowed
    std::uint32_t rationale;  ///< index into `rationales`
    std::uint8_t indicator;   ///< MUE adjudication indicator: 1 line, 2 day policy, 3 day clinical
    std::int32_t deletion = INT32_MAX;  ///< the last date it applies (`limit ... until`)
  };
  std::string source;  ///< the file it came from; empty for a `limit` statement
  std::vector<Row> rows;
  std::vector<std::string> rationales;

  /// The row for `code` in force on `date`, or null: the code's last row
  /// that took effect by `date`, unless its deletion date is past.
  [[nodiscard]] const Row* find(std::uint32_t code, std::int32_t date) const;

  /// Derives the lookup index from `rows`, like PairTable::buildIndex(), with
  /// the same contract: call it whenever `rows` is finished or changed.
  void buildIndex();

 private:
  /// Code -> its rows: derived by buildIndex(), never serialized.
  CodeSpanIndex byCode_;
  /// rows.size() when the index was built; another size means it is stale.
  std::size_t indexedRows_ = 0;
};

/// Which lines a rule's predicate is evaluated over.
enum class RuleScope : std::uint8_t {
  Line,           ///< once per line
  LineWithOther,  ///< once per ordered pair of distinct same-day lines
  Claim,          ///< once per claim
};

/// One compiled edit.
struct Rule {
  /// Stable id reported in results; rows of one pair share it.
  std::string id;
  model::Action action = model::Action::Deny;
  std::string reason;
  /// Message template: `{line.units}` and the like are filled in per edit.
  std::string message;
  RuleScope scope = RuleScope::Line;
  /// With `modify`: the allowed units (an Int expression).
  std::optional<ExprId> units;
  /// The rule can only hold for lines with one of these codes (the index);
  /// empty with `anyCode` for rules that can hold for any code.
  std::vector<model::Code> lineCodes;
  bool anyCode = false;
  /// With LineWithOther: the other line must have one of these codes
  /// (unless the rule reads a pair table, which decides by lookup).
  std::vector<model::Code> otherCodes;
  /// A rule over a pair table: its edits take their id (`ptp_C1_C2`) and
  /// message from the row that fired.
  std::optional<std::uint32_t> pairTable;
  /// A rule over an MUE table: its edits carry the row's indicator and
  /// rationale; a table read from a file names each edit `mue_CODE`.
  std::optional<std::uint32_t> mueTable;
  /// An untimed-code rule (`units CODES one per day`): a line it holds for
  /// may not carry minutes; the evaluator rejects such a claim.
  bool rejectsMinutes = false;
  ExprId predicate = 0;
  /// Where the rule was written, for explanations: `file:line`.
  std::string origin;
  /// What the rule encodes, for explanations (e.g. the PTP row's indicator
  /// and dates); empty when the condition says it all.
  std::string detail;
};

/// The rule id of the record a line dated outside the ruleset's effective
/// dates gets instead of edits (the evaluator's, documented in language.md).
inline constexpr const char* kOutsideEffectiveDates = "effective_dates";

/// A whole compiled ruleset.
struct Program {
  std::string name;
  std::string title;
  std::string version;
  /// The dates of service the ruleset edits (inclusive); other lines are
  /// left out of the claim and flagged (kOutsideEffectiveDates).
  std::optional<model::Date> effectiveFrom;
  std::optional<model::Date> effectiveUntil;
  std::vector<Expr> exprs;
  std::vector<ModifierSet> modifierSets;
  std::vector<CodeSet> codeSets;
  /// String constants compared with claim strings (payer, place of service, NPI).
  std::vector<std::string> strings;
  /// Diagnosis patterns (`M54.5*`: a prefix when it ends in `*`); at most 64.
  std::vector<std::string> diagnosisPatterns;
  std::vector<PairTable> pairTables;
  std::vector<MueTable> mueTables;
  std::vector<Rule> rules;
  /// The ruleset file's own tests (not those of rulesets it extends).
  std::vector<TestCase> tests;
};

}  // namespace edict::ir
