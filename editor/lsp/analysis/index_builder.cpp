#include "editor/lsp/analysis/index_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "core/model/date.h"
#include "core/model/edit.h"

namespace edict::lsp {

namespace {

using Kind = OutlineEntry::Kind;

std::string rangesText(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ranges) {
  std::string text;
  for (const auto& [lo, hi] : ranges) {
    if (!text.empty()) text += ' ';
    text += model::Code{lo}.text();
    if (hi != lo) {
      text += "..";
      text += model::Code{hi}.text();
    }
  }
  return text;
}

std::string modifiersText(const std::vector<model::Modifier>& modifiers) {
  std::string text;
  for (model::Modifier m : modifiers) {
    if (!text.empty()) text += ' ';
    text += m.text();
  }
  return text;
}

std::string_view indicatorText(ast::Indicator indicator) {
  switch (indicator) {
    case ast::Indicator::NotAllowed: return "0 (modifier not allowed: never bypassed)";
    case ast::Indicator::Allowed: return "1 (modifier allowed: bypassed by a modifier)";
    case ast::Indicator::NotApplicable: return "9 (not applicable: never fires)";
  }
  return "";
}

std::string_view mueIndicatorText(std::uint8_t indicator) {
  switch (indicator) {
    case 1: return "per line (MUE indicator 1)";
    case 2: return "per day, policy (MUE indicator 2)";
    case 3: return "per day, clinical (MUE indicator 3)";
    default: return "indicator ?";
  }
}

std::string summaryOf(const check::PairRow& row) {
  std::string s = fmt::format(
      "column 1 `{}` is paid, column 2 `{}` is denied (`{}`)  \nindicator {}  \n"
      "in force from {} ",
      row.column1.text(), row.column2.text(), row.reason, indicatorText(row.indicator),
      row.since.iso());
  s += row.until == model::kEndOfTime ? std::string("with no deletion date")
                                      : fmt::format("to {} (its deletion date)", row.until.iso());
  if (!row.rationale.empty()) s += fmt::format("  \nrationale: {}", row.rationale);
  if (row.indicator == ast::Indicator::Allowed)
    s += fmt::format("  \nbypassed by: {}", modifiersText(row.bypass));
  return s;
}

std::string summaryOf(const check::CheckedRule& rule) {
  std::string s =
      fmt::format("`{}` the {}", model::actionName(rule.action), rule.onClaim ? "claim" : "line");
  if (!rule.reason.empty()) s += fmt::format(", reason `{}`", rule.reason);
  if (!rule.message.empty()) s += fmt::format("  \nmessage: {}", rule.message);
  if (!rule.detail.empty()) s += "  \n" + rule.detail;
  return s;
}

std::string summaryOf(const check::PairTableItem& table) {
  return fmt::format("pair table: {} rows from `{}`  \ndenied with `{}` unless bypassed by: {}",
                     table.table.rows.size(), table.table.source, table.reason,
                     modifiersText(table.bypass));
}

std::string summaryOf(const check::MueTableItem& mue) {
  if (mue.table.source.empty() && mue.table.rows.size() == 1) {
    const auto& row = mue.table.rows.front();
    return fmt::format("at most {} units of `{}` {}, reason `{}`", row.value,
                       model::Code{row.code}.text(), mueIndicatorText(row.indicator), mue.reason);
  }
  return fmt::format("MUE table: {} rows from `{}`, reason `{}`", mue.table.rows.size(),
                     mue.table.source, mue.reason);
}

/// The outline entry of `file` whose statement starts at `start`.
OutlineEntry* entryAt(std::vector<OutlineEntry>& entries, const source::Span& start) {
  for (OutlineEntry& e : entries)
    if (e.start.line == start.line && e.start.column == start.column) return &e;
  return nullptr;
}

void addSets(Analysis& analysis, const source::SourceFile& file, const FileOutline& outline,
             const check::CheckedRuleset& checked) {
  for (const OutlineEntry& e : outline.entries) {
    SetInfo set;
    set.name = e.name;
    set.kind = e.kind;
    set.file = file.path();
    set.nameSpan = e.nameSpan;
    set.text = linesOf(file, e.firstLine, e.lastLine);
    // A set missing from the checked ruleset had errors: nothing to show.
    if (e.kind == Kind::CodeSet) {
      auto found = checked.codeSets.find(e.name);
      if (found == checked.codeSets.end()) continue;
      set.members = rangesText(found->second);
      set.count = found->second.size();
    } else if (e.kind == Kind::ModifierSet) {
      auto found = checked.modifierSets.find(e.name);
      if (found == checked.modifierSets.end()) continue;
      set.members = modifiersText(found->second);
      set.count = found->second.size();
    } else if (e.kind == Kind::PlaceSet || e.kind == Kind::DiagnosisSet) {
      const auto& sets = e.kind == Kind::PlaceSet ? checked.placeSets : checked.diagnosisSets;
      auto found = sets.find(e.name);
      if (found == sets.end()) continue;
      set.members = fmt::format("{}", fmt::join(found->second, " "));
      set.count = found->second.size();
    } else {
      continue;
    }
    analysis.sets[set.name] = std::move(set);
  }
}

}  // namespace

void indexFile(Analysis& analysis, const source::SourceFile& file, const ast::Ruleset& ast,
               const check::CheckedRuleset& checked) {
  FileOutline outline;
  outline.entries = outlineOf(ast, file);
  const auto dir = std::filesystem::path(file.path()).parent_path();
  auto layer = [&](const ast::Word& word) {
    outline.layers.emplace_back(word, (dir / word.text).lexically_normal().string());
  };
  if (ast.header.extends) layer(*ast.header.extends);
  for (const ast::Word& include : ast.header.includes) layer(include);

  for (const check::Item& item : checked.items) {
    std::visit(
        [&](const auto& i) {
          if (!i.reason.empty()) analysis.reasons.insert(i.reason);
          if (i.file != file.path()) return;  // indexed with its own file
          OutlineEntry* entry = entryAt(outline.entries, i.span);
          RuleInfo info;
          info.id = i.id;
          info.file = i.file;
          info.start = i.span;
          info.summary = summaryOf(i);
          if (entry != nullptr) {
            if (std::find(entry->ids.begin(), entry->ids.end(), i.id) == entry->ids.end())
              entry->ids.push_back(i.id);
            info.kind = entry->kind;
            info.nameSpan = entry->nameSpan;
            info.text = linesOf(file, entry->firstLine, entry->lastLine);
          }
          using I = std::decay_t<decltype(i)>;
          if constexpr (std::is_same_v<I, check::PairTableItem> ||
                        std::is_same_v<I, check::MueTableItem>)
            info.tablePath = i.table.source;
          auto& definitions = analysis.rules[i.id];
          const bool known =
              std::any_of(definitions.begin(), definitions.end(), [&](const auto& d) {
                return d.file == info.file && d.start.line == info.start.line &&
                       d.start.column == info.start.column;
              });
          if (!known) definitions.push_back(std::move(info));
        },
        item);
  }
  // A statement with one id is named by it in the outline.
  for (OutlineEntry& e : outline.entries)
    if (e.ids.size() == 1 && e.kind != Kind::PairsFrom && e.kind != Kind::LimitsFrom)
      e.name = e.ids.front();
  addSets(analysis, file, outline, checked);
  analysis.files[file.path()] = std::move(outline);
}

}  // namespace edict::lsp
