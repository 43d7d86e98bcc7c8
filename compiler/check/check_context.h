// State shared by the checker's passes over one ruleset: the sink, the file,
// and the modifier sets declared so far. Internal to compiler/check.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "ast/ruleset.h"
#include "check/checked_ruleset.h"
#include "diag/diagnostic_sink.h"

namespace edict::check {

/// The checker's working state for one file.
class CheckContext {
 public:
  CheckContext(const std::string& file, diag::DiagnosticSink& sink) : file_(file), sink_(sink) {}

  /// Reports a diagnostic in this file.
  void report(diag::Kind kind, const source::Span& span, std::string message,
              std::optional<std::string> help = std::nullopt);

  /// Parses a word as a procedure code, or reports E0101.
  std::optional<model::Code> code(const ast::Word& word);
  /// Parses a word as a date, or reports E0103.
  std::optional<model::Date> date(const ast::Word& word);
  /// Resolves modifier items (modifiers or set names) into a sorted set.
  std::optional<std::vector<model::Modifier>> modifiers(const std::vector<ast::Word>& items);

  /// Declares a modifier set; reports E0202 when the name is taken.
  void declareModifierSet(const ast::Word& name, std::vector<model::Modifier> members);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::vector<ModifierSetValue> declaredSets() const;

 private:
  const std::string& file_;
  diag::DiagnosticSink& sink_;
  std::map<std::string, std::vector<model::Modifier>> modifierSets_;
  std::vector<std::string> declarationOrder_;
};

/// Checks one `pair` statement; appends its row to `out` when valid.
void checkPair(CheckContext& cx, const ast::PairDecl& pair, std::vector<PairRow>& out);
/// Reports rows of the same pair whose date ranges overlap (E0205).
void checkPairConflicts(CheckContext& cx, const std::vector<PairRow>& rows);

}  // namespace edict::check
