// The outline of one ruleset file: its statements in order, each with the
// lines it covers, the word that names it and the rule ids the checker gave
// it. Built from the AST, so it needs only a file that parses; it serves the
// document symbols, finds the statement under the cursor, and gives the text
// that hover shows for a rule.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "frontend/ast/ruleset.h"
#include "frontend/source/source_file.h"

namespace edict::lsp {

/// One top-level statement of a ruleset file.
struct OutlineEntry {
  enum class Kind {
    CodeSet,
    ModifierSet,
    PlaceSet,
    DiagnosisSet,
    Pair,
    PairsFrom,
    Rule,
    ModifierRule,
    Units,
    Limit,
    LimitsFrom,
    Disable,
    Test
  };
  Kind kind = Kind::Rule;
  /// What the outline shows: the set's name, the rule's id, the table's
  /// path, the test's name; replaced by the checked id where there is one.
  std::string name;
  /// The word that names it (the set's name, the rule's id), or its keyword.
  source::Span nameSpan;
  /// Where the statement starts: how the checker's items are matched to it.
  source::Span start;
  /// 1-based first and last line, trailing comments and blank lines left out.
  std::uint32_t firstLine = 0;
  std::uint32_t lastLine = 0;
  bool isOverride = false;
  /// The ids of the checker's items made from it (a pair, a rule, a table).
  std::vector<std::string> ids;
};

/// The statements of `ast`, in order, with their lines in `file`.
std::vector<OutlineEntry> outlineOf(const ast::Ruleset& ast, const source::SourceFile& file);

/// The text of lines `first`..`last` of `file` (1-based), joined by `\n`.
std::string linesOf(const source::SourceFile& file, std::uint32_t first, std::uint32_t last);

/// A word for the kind of a statement, as the analyst writes it (`pair`,
/// `rule`, `codes`...).
std::string_view keywordOf(OutlineEntry::Kind kind);

}  // namespace edict::lsp
