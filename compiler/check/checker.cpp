#include "check/checker.h"

#include <fmt/format.h>

#include "check/check_context.h"

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

}  // namespace

std::optional<CheckedRuleset> checkRuleset(const ast::Ruleset& ruleset,
                                           diag::DiagnosticSink& sink) {
  const std::size_t errorsBefore = sink.errorCount();
  CheckContext cx(ruleset.file, sink);
  CheckedRuleset out;
  checkHeader(cx, ruleset.header, out);

  for (const ast::Statement& statement : ruleset.statements) {
    if (sink.full()) break;
    if (const auto* set = std::get_if<ast::ModifierSetDecl>(&statement)) {
      if (auto members = cx.modifiers(set->items)) cx.declareModifierSet(set->name, *members);
    } else if (const auto* pair = std::get_if<ast::PairDecl>(&statement)) {
      checkPair(cx, *pair, out.pairs);
    }
  }
  checkPairConflicts(cx, out.pairs);
  out.modifierSets = cx.declaredSets();
  if (sink.errorCount() > errorsBefore) return std::nullopt;
  return out;
}

}  // namespace edict::check
