// The typed AST of one ruleset file, built from the parse tree by
// parse/transform_*.cpp. The parse tree never leaves frontend/parse; every
// later phase sees only these types. Values stay as written (words with
// spans): the checker decides whether a word is a code, a modifier or a name.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "frontend/ast/expr.h"
#include "frontend/source/source_file.h"

namespace edict::ast {

/// An item of a code set: a code, a range `first..last`, or a set name.
struct CodeItem {
  Word first;
  std::optional<Word> last;
};

/// `codes NAME = ITEM... [except ITEM...]`
struct CodeSetDecl {
  Word name;
  std::vector<CodeItem> items;
  std::vector<CodeItem> excluded;
};

/// `modifiers NAME = ITEM... [except ITEM...]`; each item is a modifier or a set name.
struct ModifierSetDecl {
  Word name;
  std::vector<Word> items;
  std::vector<Word> excluded;
};

/// An item of a set of places of service or of diagnoses: quoted text (a
/// place, a diagnosis pattern) or a word (a place such as 12, or a set name).
struct TextItem {
  Word word;
  bool quoted = false;
};

/// `places NAME = ITEM... [except ITEM...]`: places of service, such as "12".
struct PlaceSetDecl {
  Word name;
  std::vector<TextItem> items;
  std::vector<TextItem> excluded;
};

/// `diagnoses NAME = "M54.5*" ...`: ICD-10 codes and prefix patterns.
struct DiagnosisSetDecl {
  Word name;
  std::vector<TextItem> items;
};

/// NCCI modifier indicator: 0 never bypassed, 1 bypassed by a modifier, 9 not applicable.
enum class Indicator { NotAllowed = 0, Allowed = 1, NotApplicable = 9 };

/// The indicator as written: a keyword form, or `indicator N` to be checked.
struct IndicatorSpec {
  std::optional<Indicator> value;
  /// The number of `indicator N`; empty for the keyword forms.
  std::optional<Word> number;
  source::Span span;
};

/// `pair COLUMN1 COLUMN2 INDICATOR ["rationale"] since DATE [until DATE] ...`
struct PairDecl {
  Word column1;
  Word column2;
  IndicatorSpec indicator;
  std::optional<std::string> rationale;
  std::optional<Word> since;
  std::optional<Word> until;
  /// `bypass M... end`: the modifiers that bypass this pair (default: NCCI's).
  std::optional<std::vector<Word>> bypass;
  std::optional<Word> reason;
  std::optional<Word> id;
  /// The `pair` keyword: where the statement starts.
  source::Span span;
  /// Written `override pair ...`: replaces an inherited pair of the same id,
  /// or the inherited pair of the same codes the other way round.
  bool isOverride = false;
  /// `keep reverse`: the pair of the same codes the other way round stays
  /// in force too (both lines of a claim may then be denied).
  bool keepReverse = false;
};

/// `pairs from "file" [format F] [bypass M...] [reason CARC]`: a table of
/// pair rows (CMS NCCI layout, edict's TSV, or a hand-written CSV).
struct PairsFromDecl {
  Word path;
  std::optional<Word> format;
  std::optional<std::vector<Word>> bypass;
  std::optional<Word> reason;
  source::Span span;
};

/// `reason`, `message` and `id` clauses of a rule.
struct RuleClauses {
  std::optional<Word> reason;
  /// The message template, unquoted; `{line.units}` quotes a claim value.
  std::optional<Word> message;
  std::optional<Word> id;
};

/// What a rule does when its condition holds.
enum class Verb { Deny, Review, Flag, Modify };

/// `rule ID ["title"]: when CONDITION (deny|review|flag) (line|claim) ...`
/// or `... modify line units EXPR ...`
struct RuleDecl {
  Word id;
  std::optional<std::string> title;
  ExprPtr condition;
  Verb verb = Verb::Deny;
  /// True for `... claim`: the rule is judged once per claim.
  bool onClaim = false;
  /// With `modify`: the allowed units.
  ExprPtr units;
  RuleClauses clauses;
  source::Span span;
  /// Where the action starts, for diagnostics about it.
  source::Span actionSpan;
  bool isOverride = false;
};

/// `require modifier M... on CODES [when COND]` (or `forbid`).
struct ModifierRule {
  bool require = true;
  std::vector<Word> modifiers;
  std::vector<CodeItem> codes;
  ExprPtr condition;
  RuleClauses clauses;
  source::Span span;
  bool isOverride = false;
};

/// `units CODES by METHOD` (timed codes: minutes become units) or
/// `units CODES one per day` (untimed codes).
struct UnitsDecl {
  std::vector<CodeItem> codes;
  /// The method as written (`total_time`, `per_code`, `nearest_15`); empty
  /// for `one per day`.
  std::optional<Word> method;
  RuleClauses clauses;
  source::Span span;
  bool isOverride = false;
};

/// How a `limit` counts units, as written.
struct LimitScope {
  enum class Kind { PerLine, PerDay, Indicator };
  Kind kind = Kind::PerLine;
  /// `per day policy|clinical`: the word; `indicator N`: the number.
  std::optional<Word> word;
  source::Span span;
};

/// `limit CODE max N per line|per day [policy|clinical]|indicator N ["rationale"] ...`
struct LimitDecl {
  Word code;
  Word value;
  LimitScope scope;
  std::optional<std::string> rationale;
  /// The first and last dates of service the limit applies to (every date
  /// when not given).
  std::optional<Word> since;
  std::optional<Word> until;
  RuleClauses clauses;
  source::Span span;
  bool isOverride = false;
};

/// `limit CODES max N [units] per N days|per calendar year [reason CARC]
/// [message "..."] [id NAME]`: how often the codes are paid to
/// one patient, counting the claims paid before (a frequency limit).
struct FrequencyDecl {
  std::vector<CodeItem> codes;
  Word value;
  /// `max N units`: units are counted; else services (lines).
  bool countsUnits = false;
  Window window;
  RuleClauses clauses;
  source::Span span;
  bool isOverride = false;
};

/// `limits from "file" [format F] [reason CARC] [since DATE]`: an MUE table
/// (the CMS file or edict's TSV).
struct LimitsFromDecl {
  Word path;
  std::optional<Word> format;
  std::optional<Word> reason;
  std::optional<Word> since;
  source::Span span;
};

/// `disable ID`: removes an inherited rule.
struct DisableStmt {
  Word id;
};

/// A line of a test claim: `97110 GP units 2 minutes 30`.
struct TestLine {
  Word code;
  std::vector<Word> modifiers;
  std::optional<Word> units;
  std::optional<Word> minutes;
  std::optional<Word> date;
  std::optional<Word> place;
  std::optional<Word> provider;
  std::optional<Word> charge;
  /// `allowed N`: on a line of a prior claim, the units it was paid (0:
  /// denied); its billed units when not given.
  std::optional<Word> allowed;
};

/// The claim of a test: `claim date D payer "P" age 70 { LINES }`. Without
/// `age` or `born` the patient's birth date is absent.
struct TestClaim {
  std::optional<Word> date;
  std::optional<Word> payer;
  std::optional<Word> place;
  std::optional<Word> provider;
  /// `patient "ID"`: the patient's id.
  std::optional<Word> patient;
  std::optional<Word> age;
  /// `born DATE`: the patient's birth date.
  std::optional<Word> born;
  std::optional<Word> sex;
  std::vector<Word> diagnoses;
  std::vector<TestLine> lines;
};

/// One `expect`.
struct Expectation {
  enum class Kind { Nothing, LineNothing, NoRule, Edit };
  Kind kind = Kind::Edit;
  /// `line` (with `line` number) or `claim` for Edit; the line for LineNothing.
  bool onClaim = false;
  std::optional<Word> line;
  Verb verb = Verb::Deny;
  /// `expect claim reject`: the claim is rejected (no rule's verb; `verb`
  /// is then not used).
  bool reject = false;
  std::optional<Word> rule;
  std::optional<Word> reason;
  std::optional<Word> units;
  source::Span span;
};

/// A claim of a test's `history` block: `claim ID [items] { LINES }`.
struct PriorClaim {
  Word id;
  TestClaim claim;
  source::Span span;
};

/// `test "name" { [history { claim ID ... }] claim ... expect ... }`
struct TestDecl {
  std::string name;
  /// The claims paid before the test claim; absent without `history`.
  std::optional<std::vector<PriorClaim>> history;
  TestClaim claim;
  std::vector<Expectation> expectations;
  source::Span span;
};

/// One top-level statement.
using Statement = std::variant<CodeSetDecl, ModifierSetDecl, PlaceSetDecl, DiagnosisSetDecl,
                               PairDecl, PairsFromDecl, RuleDecl, ModifierRule, UnitsDecl,
                               LimitDecl, FrequencyDecl, LimitsFromDecl, DisableStmt, TestDecl>;

/// `ruleset NAME ["title"] [version "V"] [effective DATE [until DATE]]`
struct Header {
  Word name;
  std::optional<std::string> title;
  std::optional<std::string> version;
  std::optional<Word> effectiveFrom;
  std::optional<Word> effectiveUntil;
  /// `extends "path"`: the ruleset this one starts from (path as written).
  std::optional<Word> extends;
  /// `include "path"`: files whose sets and rules are taken in as written here.
  std::vector<Word> includes;
};

/// A whole ruleset file.
struct Ruleset {
  std::string file;
  Header header;
  std::vector<Statement> statements;
};

}  // namespace edict::ast
