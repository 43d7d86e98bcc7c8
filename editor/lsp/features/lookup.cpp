#include "editor/lsp/features/lookup.h"

#include <filesystem>

#include "editor/lsp/document/position.h"

namespace edict::lsp {

namespace {

using Kind = OutlineEntry::Kind;

/// The code-point column (1-based) of byte `column` of `text`.
std::uint32_t codePointColumn(std::string_view text, std::size_t column) {
  std::uint32_t points = 1;
  for (std::size_t at = 0; at < column && at < text.size(); ++points)
    at += utf8Length(static_cast<unsigned char>(text[at]));
  return points;
}

}  // namespace

bool spanContains(const source::Span& span, std::uint32_t line, std::string_view text,
                  std::size_t column) {
  if (span.line != line) return false;
  const std::uint32_t at = codePointColumn(text, column);
  return span.column <= at && at <= span.column + span.length;
}

Referent referentAt(const Analysis& analysis, const std::string& file, const Cursor& cursor) {
  Referent r;
  const LineToken& token = cursor.token;
  if (token.kind == LineToken::Kind::None) return r;
  const FileOutline* outline = analysis.outline(file);
  const OutlineEntry* entry = analysis.statementAt(file, cursor.line);

  if (token.kind == LineToken::Kind::String) {
    if (outline != nullptr)
      for (const auto& [word, path] : outline->layers)
        if (word.span.line == cursor.line && word.text == token.text) {
          r.kind = Referent::Kind::RulesetFile;
          r.path = path;
          return r;
        }
    if (entry != nullptr && (entry->kind == Kind::PairsFrom || entry->kind == Kind::LimitsFrom) &&
        entry->nameSpan.line == cursor.line) {
      r.kind = Referent::Kind::Table;
      r.path = (std::filesystem::path(file).parent_path() / token.text).lexically_normal().string();
      r.here = analysis.ruleAt(file, entry->start);
      if (r.here != nullptr) r.definitions = analysis.rule(r.here->id);
    }
    return r;
  }

  if (auto set = analysis.sets.find(token.text); set != analysis.sets.end()) {
    r.kind = Referent::Kind::Set;
    r.name = token.text;
    r.set = &set->second;
    return r;
  }
  if (token.text == "ncci" || token.text == "anatomic") {
    r.kind = Referent::Kind::BuiltinSet;
    r.name = token.text;
    return r;
  }
  if (const auto* definitions = analysis.rule(token.text)) {
    r.kind = Referent::Kind::Rule;
    r.definitions = definitions;
    for (const RuleInfo& d : *definitions)
      if (d.file == file && spanContains(d.nameSpan, cursor.line, cursor.text, cursor.column))
        r.here = &d;
    return r;
  }
  // Any other word of a statement's first line (its keyword, a pair's
  // codes, `override`) stands for the statement's rule.
  if (entry != nullptr && entry->firstLine == cursor.line && !entry->ids.empty()) {
    r.here = analysis.ruleAt(file, entry->start);
    if (r.here != nullptr) {
      r.kind = Referent::Kind::Rule;
      r.definitions = analysis.rule(r.here->id);
    }
  }
  return r;
}

}  // namespace edict::lsp
