// State shared by the checker's passes over one ruleset: the sink, the file,
// the result under construction and the names declared so far. Internal to
// frontend/check.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/ir/builder.h"
#include "frontend/ast/ruleset.h"
#include "frontend/check/checked_ruleset.h"
#include "frontend/check/table_cache.h"
#include "frontend/diag/diagnostic_sink.h"

namespace edict::check {

/// Sorted, merged, inclusive ranges of Code::packed.
using CodeRanges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

/// The checker's working state for one file.
class CheckContext {
 public:
  CheckContext(const std::string& file, diag::DiagnosticSink& sink, CheckedRuleset& out,
               TableCache* tables = nullptr)
      : file_(file), sink_(sink), out_(out), builder_(out.program), tables_(tables) {}

  /// Reports a diagnostic in this file.
  void report(diag::Kind kind, const source::Span& span, std::string message,
              std::optional<std::string> help = std::nullopt);

  /// Parses a word as a procedure code, or reports E0101.
  std::optional<model::Code> code(const ast::Word& word);
  /// Parses a word as a date, or reports E0103.
  std::optional<model::Date> date(const ast::Word& word);
  /// Resolves modifier items (modifiers or set names) into a sorted set.
  std::optional<std::vector<model::Modifier>> modifiers(const std::vector<ast::Word>& items);
  /// Resolves one code item (a code, `first..last`, or a set name).
  std::optional<CodeRanges> codeItem(const ast::Word& first, const std::optional<ast::Word>& last);
  /// Resolves code items into merged ranges; nullopt after reporting errors.
  std::optional<CodeRanges> codeItems(const std::vector<ast::CodeItem>& items);

  void declareModifierSet(const ast::Word& name, std::vector<model::Modifier> members);
  void declareCodeSet(const ast::Word& name, CodeRanges ranges);
  void declarePlaceSet(const ast::Word& name, std::vector<std::string> places);
  void declareDiagnosisSet(const ast::Word& name, std::vector<std::string> patterns);
  /// Whether `name` names a code set (the checker uses it to read words).
  [[nodiscard]] bool isCodeSet(const std::string& name) const;
  [[nodiscard]] bool isModifierSet(const std::string& name) const;
  [[nodiscard]] bool isPlaceSet(const std::string& name) const;
  [[nodiscard]] bool isDiagnosisSet(const std::string& name) const;
  /// What kind of set `name` is (`a set of codes`), or nullopt when none.
  [[nodiscard]] std::optional<std::string> setKindOf(const std::string& name) const;
  /// The members of the place set `name` (marking it used); nullopt after
  /// reporting why not.
  std::optional<std::vector<std::string>> placeSet(const ast::Word& name);
  /// The patterns of the diagnosis set `name` (marking it used); nullopt
  /// after reporting why not.
  std::optional<std::vector<std::string>> diagnosisSet(const ast::Word& name);
  /// Resolves the items of a `places` set (places, or other place sets).
  std::optional<std::vector<std::string>> placeItems(const std::vector<ast::TextItem>& items);
  /// Resolves the items of a `diagnoses` set (patterns, or other such sets).
  std::optional<std::vector<std::string>> diagnosisItems(const std::vector<ast::TextItem>& items);
  /// Checks an ICD-10 code or prefix pattern (`M54.5*`), or reports E0110.
  bool diagnosisPattern(const ast::Word& pattern);
  /// Warns about the sets declared in this file that nothing used.
  void reportUnusedSets();

  /// Records that the set `name` was declared with errors (already
  /// reported): its uses fail without a second diagnostic.
  void poisonSet(const std::string& name) { poisonedSets_.insert(name); }
  /// Records that the rule `id` was written with errors (already reported):
  /// tests and `disable` that name it are not reported again.
  void poisonId(const std::string& id) { poisonedIds_.insert(id); }
  /// Whether `id` is that of a rule written with errors, or of a row of a
  /// table that could not be read (`ptp_...`, `mue_...`).
  [[nodiscard]] bool isPoisonedId(const std::string& id) const;
  /// Records that a pair table (`ptp`) or MUE table (`mue`) had errors, so
  /// that ids of its rows are not reported as unknown.
  void poisonTableRows(const std::string& prefix) { poisonedPrefixes_.insert(prefix + "_"); }

  /// Adds a rule, applying `override` (replaces the inherited rule of the
  /// same id) and refusing an inherited id redefined without it.
  void addItem(Item item, bool isOverride, const source::Span& span);
  /// `disable ID`: removes the rule(s) with that id.
  void disable(const ast::Word& id);
  /// `override pair C1 C2` of a pair that is inherited as `C2 C1`: puts the
  /// row in place of every inherited row (and table row) of the reverse
  /// direction. False, changing nothing, when no inherited pair is reversed.
  bool overrideReversedPair(PairRow row);
  /// Whether `id` came from the ruleset this one extends (not overridden).
  [[nodiscard]] bool isInherited(const std::string& id) const { return inherited_.count(id) > 0; }
  /// Removes the inherited rule `id`, and the rows of pair `id` from
  /// inherited tables; how many rows went.
  std::size_t dropInherited(const std::string& id);
  /// Takes in a checked ruleset's sets and rules (`extends` and `include`).
  void inherit(CheckedRuleset base, bool asBase, const source::Span& where);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] diag::DiagnosticSink& sink() { return sink_; }
  [[nodiscard]] CheckedRuleset& out() { return out_; }
  [[nodiscard]] ir::Builder& builder() { return builder_; }
  /// Tables read by earlier checks, or null: read every table file.
  [[nodiscard]] TableCache* tables() const { return tables_; }
  /// A `file:line` origin for a rule written at `span`.
  [[nodiscard]] std::string originOf(const source::Span& span) const;

 private:
  const std::string& file_;
  diag::DiagnosticSink& sink_;
  CheckedRuleset& out_;
  ir::Builder builder_;
  TableCache* tables_;
  /// Ids that came from `extends` and are not yet overridden in this file.
  std::set<std::string> inherited_;
  /// Ids this file overrode: their later rows are added, not replaced again.
  std::set<std::string> overridden_;
  /// Removes the rows of pair `id` (`ptp_C1_C2`) from every pair table, or
  /// of code `id` (`mue_CODE`) from every MUE table read from a file; how
  /// many. `inheritedOnly`: from the tables of the extended ruleset only.
  std::size_t removeTableRows(const std::string& id, bool inheritedOnly = false);
  /// Sets, rule ids and table-row id prefixes (`ptp_`) declared with errors.
  std::set<std::string> poisonedSets_;
  std::set<std::string> poisonedIds_;
  std::set<std::string> poisonedPrefixes_;
  /// The members of the set `name` in `sets` (places or diagnoses), marking
  /// it used; or reports why not (`kind`: "places of service").
  std::optional<std::vector<std::string>> textSet(
      const std::map<std::string, std::vector<std::string>>& sets, const ast::Word& name,
      const std::string& kind, std::optional<std::string> help);
  /// Reports a name that no set of `kind` has, with the nearest that does.
  void unknownSet(const ast::Word& name, const std::string& kind,
                  const std::vector<std::string>& known, std::optional<std::string> help);
  /// Whether `name` is taken by a set of any kind, or by a built-in set.
  [[nodiscard]] bool setNameTaken(const std::string& name) const;
  /// Sets declared in this file, with where, and whether anything used them.
  std::map<std::string, std::pair<source::Span, bool>> declaredHere_;
  void markUsed(const std::string& name);
};

/// Checks one `pair` statement; adds its row when valid.
void checkPair(CheckContext& cx, const ast::PairDecl& pair);
/// Loads and checks a `pairs from` table; adds it when valid.
void checkPairsFrom(CheckContext& cx, const ast::PairsFromDecl& decl);
/// Reports rows of the same pair whose dates overlap and ids shared by different rules.
void checkRuleConflicts(CheckContext& cx);
/// Checks a `test` block; adds it when valid.
void checkTest(CheckContext& cx, const ast::TestDecl& test);
/// Checks that the rule ids the tests name exist (after all rules are known).
void checkTestRuleIds(CheckContext& cx, const std::vector<const ast::TestDecl*>& tests);
/// Checks a `rule` statement; adds it when valid.
void checkRule(CheckContext& cx, const ast::RuleDecl& rule);
/// Checks a `require`/`forbid modifier` statement; adds it when valid.
void checkModifierRule(CheckContext& cx, const ast::ModifierRule& rule);
/// The modify rule of a statement about a set of codes (`units`, a frequency
/// limit): it holds for lines with a code of codeSets[`set`]; its reason is
/// the clause's or `reason`, its message the clause's (or the evaluator's
/// wording of unit edits); the caller adds its units.
CheckedRule codesRule(CheckContext& cx, const std::string& id, std::uint32_t set,
                      const ast::RuleClauses& clauses, const char* reason,
                      const source::Span& span);
/// Checks a `units` statement (timed or untimed codes); adds its rule when valid.
void checkUnits(CheckContext& cx, const ast::UnitsDecl& decl);
/// Checks a `limit` statement; adds its one-row MUE table when valid.
void checkLimit(CheckContext& cx, const ast::LimitDecl& decl);
/// The maximum of a `limit` (`max N`): a whole number, or reports E0106
/// with `example` as the way to write it.
std::optional<std::int32_t> limitValue(CheckContext& cx, const ast::Word& word,
                                       std::string_view example);
/// Checks a frequency limit (`limit CODES max N per 30 days`); adds its rule when valid.
void checkFrequency(CheckContext& cx, const ast::FrequencyDecl& decl);
/// A window of dates as the IR holds it (a number of days, or
/// ir::kCalendarYear); nullopt after reporting why not (E0112, E0113).
std::optional<std::int64_t> checkWindow(CheckContext& cx, const ast::Window& window);
/// Loads and checks a `limits from` MUE table; adds it when valid.
void checkLimitsFrom(CheckContext& cx, const ast::LimitsFromDecl& decl);
/// Reports codes under two `units` statements and codes limited twice.
void checkUnitConflicts(CheckContext& cx);
/// Warns about pairs written both ways round; an inherited one that this
/// ruleset reverses gives way to it (check_reversed_pairs.cpp).
void checkReversedPairs(CheckContext& cx);

/// Fills the code index of `rule` and warns when no code can satisfy it.
void indexRule(CheckContext& cx, CheckedRule& rule);
/// Checks the placeholders of a message template; `timing` allows `{timing}`
/// (`units ... by` rules only).
bool checkMessage(CheckContext& cx, const ast::Word& message, bool onClaim, bool modifies,
                  bool timing = false);

}  // namespace edict::check
