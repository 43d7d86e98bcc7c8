// What the language server knows about one open document after running the
// front end on it: the diagnostics of every file involved, each file's
// outline, and an index of the sets and rules the document can see (its own
// and those of the files it extends or includes) with where each is written
// and what it means. Hover, go-to-definition, completion, code actions and
// document symbols (editor/lsp/features) all read an Analysis; none runs the
// front end itself.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "editor/lsp/analysis/outline.h"
#include "frontend/ast/ruleset.h"
#include "frontend/diag/diagnostic.h"
#include "frontend/source/source_file.h"

namespace edict::lsp {

/// A named set (of codes, modifiers, places of service or diagnoses), where
/// it is declared and what is in it.
struct SetInfo {
  std::string name;
  /// Which of the four kinds of set: CodeSet, ModifierSet, PlaceSet or
  /// DiagnosisSet.
  OutlineEntry::Kind kind = OutlineEntry::Kind::CodeSet;
  std::string file;
  source::Span nameSpan;
  /// The declaration as written.
  std::string text;
  /// The members, resolved: ranges `97010..97799`, modifiers, places or
  /// diagnosis patterns, in order.
  std::string members;
  /// How many items `members` lists (ranges count as one).
  std::size_t count = 0;
};

/// A rule of the checked ruleset (a pair, a rule, a limit, a table).
struct RuleInfo {
  std::string id;
  std::string file;
  OutlineEntry::Kind kind = OutlineEntry::Kind::Rule;
  /// Where its statement starts, and where its naming word is.
  source::Span start;
  source::Span nameSpan;
  /// The statement as written.
  std::string text;
  /// What it does, resolved, in Markdown lines: a pair's indicator and
  /// dates, a rule's action and reason, a table's row count and source.
  std::string summary;
  /// A table's file, for going to it.
  std::string tablePath;
};

/// One file the document's analysis read, with its outline when it parsed.
struct FileOutline {
  std::shared_ptr<const source::SourceFile> file;
  std::vector<OutlineEntry> entries;
  /// The header's `extends` and `include` paths, as written, with spans,
  /// and the paths they name.
  std::vector<std::pair<ast::Word, std::string>> layers;
};

/// The front end's view of one document.
struct Analysis {
  /// The document's path and the version analysed.
  std::string path;
  std::int64_t version = 0;
  /// Whether the document itself parsed: if not, only `diagnostics` are of
  /// this version, and the server keeps the last analysis that parsed for
  /// everything else.
  bool parsed = false;
  /// Every diagnostic, in report order, of every file read.
  std::vector<diag::Diagnostic> diagnostics;
  /// Each file that parsed, by path.
  std::map<std::string, FileOutline> files;
  /// The sets the document can use, by name.
  std::map<std::string, SetInfo> sets;
  /// The rules by id: every definition, in the order checked (a base's
  /// before the override that replaced it).
  std::map<std::string, std::vector<RuleInfo>> rules;
  /// The reason codes the rules use.
  std::set<std::string> reasons;
  /// Every ruleset file read (also those that did not parse), by path.
  std::map<std::string, std::shared_ptr<const source::SourceFile>> sources;

  /// The outline of `path`, or null when it did not parse.
  [[nodiscard]] const FileOutline* outline(const std::string& file) const;
  /// The statement of `file` that covers 1-based `line`, or null.
  [[nodiscard]] const OutlineEntry* statementAt(const std::string& file, std::uint32_t line) const;
  /// The definitions of rule `id`, or null.
  [[nodiscard]] const std::vector<RuleInfo>* rule(const std::string& id) const;
  /// The rule of `file` whose statement starts at `start`, or null.
  [[nodiscard]] const RuleInfo* ruleAt(const std::string& file, const source::Span& start) const;
};

}  // namespace edict::lsp
