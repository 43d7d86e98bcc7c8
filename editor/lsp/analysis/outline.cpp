#include "editor/lsp/analysis/outline.h"

#include <fmt/format.h>

#include <algorithm>

namespace edict::lsp {

namespace {

using Kind = OutlineEntry::Kind;

OutlineEntry entryOf(const ast::Statement& statement) {
  OutlineEntry e;
  std::visit(
      [&e](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, ast::CodeSetDecl> ||
                      std::is_same_v<S, ast::ModifierSetDecl> ||
                      std::is_same_v<S, ast::PlaceSetDecl> ||
                      std::is_same_v<S, ast::DiagnosisSetDecl>) {
          e.kind = std::is_same_v<S, ast::CodeSetDecl>       ? Kind::CodeSet
                   : std::is_same_v<S, ast::ModifierSetDecl> ? Kind::ModifierSet
                   : std::is_same_v<S, ast::PlaceSetDecl>    ? Kind::PlaceSet
                                                             : Kind::DiagnosisSet;
          e.name = s.name.text;
          e.nameSpan = e.start = s.name.span;
        } else if constexpr (std::is_same_v<S, ast::PairDecl>) {
          e.kind = Kind::Pair;
          e.name = "pair " + s.column1.text + " " + s.column2.text;
          e.nameSpan = s.id ? s.id->span : s.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::PairsFromDecl> ||
                             std::is_same_v<S, ast::LimitsFromDecl>) {
          e.kind = std::is_same_v<S, ast::PairsFromDecl> ? Kind::PairsFrom : Kind::LimitsFrom;
          e.name = s.path.text;
          e.nameSpan = s.path.span;
          e.start = s.span;
        } else if constexpr (std::is_same_v<S, ast::RuleDecl>) {
          e.kind = Kind::Rule;
          e.name = s.id.text;
          e.nameSpan = s.id.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::ModifierRule>) {
          e.kind = Kind::ModifierRule;
          e.name = s.clauses.id ? s.clauses.id->text
                                : std::string(s.require ? "require" : "forbid") + " modifier";
          e.nameSpan = s.clauses.id ? s.clauses.id->span : s.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::UnitsDecl>) {
          e.kind = Kind::Units;
          e.name = s.clauses.id
                       ? s.clauses.id->text
                       : fmt::format("units {}", s.codes.empty() ? "" : s.codes[0].first.text);
          e.nameSpan = s.clauses.id ? s.clauses.id->span : s.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::LimitDecl>) {
          e.kind = Kind::Limit;
          e.name = s.clauses.id ? s.clauses.id->text : "limit " + s.code.text;
          e.nameSpan = s.clauses.id ? s.clauses.id->span : s.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::FrequencyDecl>) {
          e.kind = Kind::Limit;
          e.name = s.clauses.id ? s.clauses.id->text : "limit " + s.codes.front().first.text;
          e.nameSpan = s.clauses.id ? s.clauses.id->span : s.span;
          e.start = s.span;
          e.isOverride = s.isOverride;
        } else if constexpr (std::is_same_v<S, ast::DisableStmt>) {
          e.kind = Kind::Disable;
          e.name = "disable " + s.id.text;
          e.nameSpan = e.start = s.id.span;
        } else {
          e.kind = Kind::Test;
          e.name = s.name;
          e.nameSpan = e.start = s.span;
        }
      },
      statement);
  e.firstLine = e.start.line;
  return e;
}

/// Whether a line holds nothing but a comment or blanks.
bool isBlankOrComment(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::vector<OutlineEntry> outlineOf(const ast::Ruleset& ast, const source::SourceFile& file) {
  std::vector<OutlineEntry> entries;
  entries.reserve(ast.statements.size());
  for (const ast::Statement& statement : ast.statements) entries.push_back(entryOf(statement));
  // The checker may see statements out of order only if the parser does;
  // lines are what the outline is read by.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.firstLine < b.firstLine; });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::uint32_t last = i + 1 < entries.size()
                             ? std::max(entries[i + 1].firstLine, entries[i].firstLine + 1) - 1
                             : file.lineCount();
    // A comment above the next statement belongs to it.
    while (last > entries[i].firstLine && isBlankOrComment(file.lineText(last))) --last;
    entries[i].lastLine = std::max(last, entries[i].firstLine);
  }
  return entries;
}

std::string linesOf(const source::SourceFile& file, std::uint32_t first, std::uint32_t last) {
  std::string text;
  for (std::uint32_t line = first; line <= last && line <= file.lineCount(); ++line) {
    if (line > first) text += '\n';
    text += file.lineText(line);
  }
  return text;
}

std::string_view keywordOf(OutlineEntry::Kind kind) {
  switch (kind) {
    case Kind::CodeSet: return "codes";
    case Kind::ModifierSet: return "modifiers";
    case Kind::PlaceSet: return "places";
    case Kind::DiagnosisSet: return "diagnoses";
    case Kind::Pair: return "pair";
    case Kind::PairsFrom: return "pairs from";
    case Kind::Rule: return "rule";
    case Kind::ModifierRule: return "require/forbid modifier";
    case Kind::Units: return "units";
    case Kind::Limit: return "limit";
    case Kind::LimitsFrom: return "limits from";
    case Kind::Disable: return "disable";
    case Kind::Test: return "test";
  }
  return "";
}

}  // namespace edict::lsp
