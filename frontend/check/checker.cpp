#include "frontend/check/checker.h"

#include <fmt/format.h>

#include <algorithm>

#include "frontend/check/check_context.h"

namespace edict::check {

namespace {

void checkHeader(CheckContext& cx, const ast::Header& header, CheckedRuleset& out) {
  out.name = header.name.text;
  const auto& n = header.name.text;
  if (n.empty() || !((n[0] >= 'a' && n[0] <= 'z') || (n[0] >= 'A' && n[0] <= 'Z')))
    cx.report(diag::Kind::MalformedName, header.name.span,
              fmt::format("the ruleset name `{}` must start with a letter", n),
              "for example `ruleset acme_therapy`");
  out.title = header.title.value_or("");
  out.version = header.version.value_or("");
  if (header.effectiveFrom) out.effectiveFrom = cx.date(*header.effectiveFrom);
  if (header.effectiveUntil) out.effectiveUntil = cx.date(*header.effectiveUntil);
  if (out.effectiveFrom && out.effectiveUntil && *out.effectiveUntil < *out.effectiveFrom)
    cx.report(diag::Kind::InvertedDateRange, header.effectiveUntil->span,
              fmt::format("the ruleset ends on {} before it starts on {}",
                          out.effectiveUntil->iso(), out.effectiveFrom->iso()));
}

/// Takes in the rulesets the header extends and includes, base first.
void checkLayers(CheckContext& cx, const ast::Header& header, const RulesetResolver& resolve) {
  auto load = [&](const ast::Word& path, std::string_view why) -> std::optional<CheckedRuleset> {
    if (!resolve) {
      cx.report(diag::Kind::CannotLoad, path.span,
                fmt::format("cannot {} `{}` here: no file system", why, path.text));
      return std::nullopt;
    }
    return resolve(path, why);
  };
  if (header.extends)
    if (auto base = load(*header.extends, "extend"))
      cx.inherit(std::move(*base), true, header.extends->span);
  for (const ast::Word& include : header.includes)
    if (auto included = load(include, "include"))
      cx.inherit(std::move(*included), false, include.span);
}

void checkCodeSet(CheckContext& cx, const ast::CodeSetDecl& set) {
  auto included = cx.codeItems(set.items);
  auto excluded = cx.codeItems(set.excluded);
  if (!included || !excluded) return cx.poisonSet(set.name.text);
  CodeRanges result;
  for (auto [lo, hi] : *included) {
    // Subtract every excluded range from [lo, hi].
    for (const auto& [xlo, xhi] : *excluded) {
      if (xhi < lo || xlo > hi) continue;
      if (xlo > lo) result.emplace_back(lo, xlo - 1);
      if (xhi >= hi) {
        lo = hi + 1;
        break;
      }
      lo = xhi + 1;
    }
    if (lo <= hi) result.emplace_back(lo, hi);
  }
  if (result.empty()) {
    cx.report(diag::Kind::EmptySet, set.name.span,
              fmt::format("the code set `{}` is empty", set.name.text),
              "`except` removes every code it lists");
    return cx.poisonSet(set.name.text);
  }
  cx.declareCodeSet(set.name, std::move(result));
}

/// The members of `included` that `excluded` does not list, in order; an
/// empty result is reported (`kind`: "modifier set"; `members`: "modifier").
template <typename T>
std::optional<std::vector<T>> lessExcluded(CheckContext& cx, const ast::Word& name,
                                           const std::vector<T>& included,
                                           const std::vector<T>& excluded, const char* kind,
                                           const char* members) {
  std::vector<T> result;
  for (const T& m : included)
    if (std::find(excluded.begin(), excluded.end(), m) == excluded.end()) result.push_back(m);
  if (!result.empty()) return result;
  cx.report(diag::Kind::EmptySet, name.span, fmt::format("the {} `{}` is empty", kind, name.text),
            fmt::format("`except` removes every {} it lists", members));
  return std::nullopt;
}

void checkModifierSet(CheckContext& cx, const ast::ModifierSetDecl& set) {
  auto included = cx.modifiers(set.items);
  auto excluded = cx.modifiers(set.excluded);
  if (!included || !excluded) return cx.poisonSet(set.name.text);
  auto result = lessExcluded(cx, set.name, *included, *excluded, "modifier set", "modifier");
  if (!result) return cx.poisonSet(set.name.text);
  cx.declareModifierSet(set.name, std::move(*result));
}

void checkPlaceSet(CheckContext& cx, const ast::PlaceSetDecl& set) {
  auto included = cx.placeItems(set.items);
  auto excluded = cx.placeItems(set.excluded);
  if (!included || !excluded) return cx.poisonSet(set.name.text);
  auto result = lessExcluded(cx, set.name, *included, *excluded, "set of places", "place");
  if (!result) return cx.poisonSet(set.name.text);
  cx.declarePlaceSet(set.name, std::move(*result));
}

void checkDiagnosisSet(CheckContext& cx, const ast::DiagnosisSetDecl& set) {
  auto patterns = cx.diagnosisItems(set.items);
  if (!patterns) return cx.poisonSet(set.name.text);
  cx.declareDiagnosisSet(set.name, std::move(*patterns));
}

}  // namespace

std::optional<CheckedRuleset> checkRuleset(const ast::Ruleset& ruleset, diag::DiagnosticSink& sink,
                                           const RulesetResolver& resolve, TableCache* tables) {
  CheckedRuleset out;
  if (!checkRulesetInto(ruleset, sink, resolve, tables, out)) return std::nullopt;
  return out;
}

bool checkRulesetInto(const ast::Ruleset& ruleset, diag::DiagnosticSink& sink,
                      const RulesetResolver& resolve, TableCache* tables, CheckedRuleset& out) {
  const std::size_t errorsBefore = sink.errorCount();
  CheckContext cx(ruleset.file, sink, out, tables);
  checkLayers(cx, ruleset.header, resolve);
  checkHeader(cx, ruleset.header, out);
  std::vector<const ast::TestDecl*> tests;

  for (const ast::Statement& statement : ruleset.statements) {
    if (sink.full()) break;
    std::visit(
        [&](const auto& s) {
          using S = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<S, ast::CodeSetDecl>)
            checkCodeSet(cx, s);
          else if constexpr (std::is_same_v<S, ast::ModifierSetDecl>)
            checkModifierSet(cx, s);
          else if constexpr (std::is_same_v<S, ast::PlaceSetDecl>)
            checkPlaceSet(cx, s);
          else if constexpr (std::is_same_v<S, ast::DiagnosisSetDecl>)
            checkDiagnosisSet(cx, s);
          else if constexpr (std::is_same_v<S, ast::PairDecl>)
            checkPair(cx, s);
          else if constexpr (std::is_same_v<S, ast::PairsFromDecl>)
            checkPairsFrom(cx, s);
          else if constexpr (std::is_same_v<S, ast::RuleDecl>)
            checkRule(cx, s);
          else if constexpr (std::is_same_v<S, ast::ModifierRule>)
            checkModifierRule(cx, s);
          else if constexpr (std::is_same_v<S, ast::UnitsDecl>)
            checkUnits(cx, s);
          else if constexpr (std::is_same_v<S, ast::LimitDecl>)
            checkLimit(cx, s);
          else if constexpr (std::is_same_v<S, ast::FrequencyDecl>)
            checkFrequency(cx, s);
          else if constexpr (std::is_same_v<S, ast::LimitsFromDecl>)
            checkLimitsFrom(cx, s);
          else if constexpr (std::is_same_v<S, ast::TestDecl>) {
            checkTest(cx, s);
            tests.push_back(&s);
          } else
            cx.disable(s.id);
        },
        statement);
  }
  checkReversedPairs(cx);
  checkRuleConflicts(cx);
  checkUnitConflicts(cx);
  checkTestRuleIds(cx, tests);
  // An error may hide a set's use (a rule that failed to check), so unused
  // sets are reported once the file has no errors.
  if (sink.errorCount() == errorsBefore) cx.reportUnusedSets();
  return sink.errorCount() == errorsBefore;
}

}  // namespace edict::check
