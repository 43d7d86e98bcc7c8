// What a word or string under the cursor refers to, for hover and
// go-to-definition alike: a set, a rule (by its id, or by the statement the
// cursor is on), a ruleset file named by `extends` or `include`, or a table
// named by `pairs from` or `limits from`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "editor/lsp/analysis/analysis.h"
#include "editor/lsp/features/cursor.h"

namespace edict::lsp {

/// The thing under the cursor.
struct Referent {
  enum class Kind { None, Set, BuiltinSet, Rule, RulesetFile, Table };
  Kind kind = Kind::None;
  /// Set and BuiltinSet: its name.
  std::string name;
  const SetInfo* set = nullptr;
  /// Rule: every definition of the id, and the one the cursor is on, if any.
  const std::vector<RuleInfo>* definitions = nullptr;
  const RuleInfo* here = nullptr;
  /// RulesetFile and Table: the file's path; Table: its rule too (`here`).
  std::string path;
};

/// What the cursor in `file` (the document's path) points at.
Referent referentAt(const Analysis& analysis, const std::string& file, const Cursor& cursor);

/// Whether `span` covers the cursor at 1-based `line`, byte `column` of the
/// line's `text` (the span counts code points, the cursor bytes).
bool spanContains(const source::Span& span, std::uint32_t line, std::string_view text,
                  std::size_t column);

}  // namespace edict::lsp
