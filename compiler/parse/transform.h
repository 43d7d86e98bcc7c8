// The hand-written transformer from ANTLR's parse tree to the typed AST.
// One member function per grammar construct, split over transform_*.cpp by
// grammar area. Only called on trees without syntax errors.
#pragma once

#include <string>

#include "EdictParser.h"
#include "ast/ruleset.h"
#include "diag/diagnostic_sink.h"

namespace edict::parse {

/// Builds ast::Ruleset from a parse tree, reporting clause-level problems
/// (a clause given twice) that the grammar does not rule out.
class Transformer {
 public:
  Transformer(std::string file, diag::DiagnosticSink& sink) : file_(std::move(file)), sink_(sink) {}

  ast::Ruleset transformFile(grammar::EdictParser::FileContext& ctx);

 private:
  ast::Header transformHeader(grammar::EdictParser::HeaderContext& ctx);
  ast::Statement transformStatement(grammar::EdictParser::StatementContext& ctx);
  ast::ModifierSetDecl transformModifierSet(grammar::EdictParser::ModifierSetDeclContext& ctx);
  ast::PairDecl transformPair(grammar::EdictParser::PairDeclContext& ctx);
  ast::IndicatorSpec transformIndicator(grammar::EdictParser::IndicatorContext& ctx);
  void transformPairClause(grammar::EdictParser::PairClauseContext& ctx, ast::PairDecl& pair);

  /// Stores `value` into `slot`, or reports a duplicate clause at `where`.
  template <typename T>
  void setOnce(std::optional<T>& slot, T value, const source::Span& where, std::string_view what);

  std::string file_;
  diag::DiagnosticSink& sink_;
};

/// The span of a token.
source::Span spanOf(const antlr4::Token* token);
/// The span from a construct's first token to its last, clipped to the first line.
source::Span spanOf(antlr4::ParserRuleContext& ctx);
/// A token as an AST word.
ast::Word wordOf(const antlr4::Token* token);
/// The content of a STRING token, quotes removed and escapes resolved.
std::string unquote(const std::string& literal);

}  // namespace edict::parse
