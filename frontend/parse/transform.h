// The hand-written transformer from ANTLR's parse tree to the typed AST.
// One member function per grammar construct, split over transform_*.cpp by
// grammar area. Only called on trees without syntax errors.
#pragma once

#include <string>

#include "EdictParser.h"
#include "frontend/ast/ruleset.h"
#include "frontend/diag/diagnostic_sink.h"

namespace edict::parse {

/// Builds ast::Ruleset from a parse tree, reporting problems the grammar does
/// not rule out (a clause given twice, `=` used for `==`).
class Transformer {
 public:
  using P = grammar::EdictParser;

  Transformer(std::string file, diag::DiagnosticSink& sink) : file_(std::move(file)), sink_(sink) {}

  ast::Ruleset transformFile(P::FileContext& ctx);

 private:
  // transform_file.cpp
  ast::Header transformHeader(P::HeaderContext& ctx);
  ast::Statement transformStatement(P::StatementContext& ctx);
  ast::CodeSetDecl transformCodeSet(P::CodeSetDeclContext& ctx);
  ast::ModifierSetDecl transformModifierSet(P::ModifierSetDeclContext& ctx);
  ast::PlaceSetDecl transformPlaceSet(P::PlaceSetDeclContext& ctx);
  ast::DiagnosisSetDecl transformDiagnosisSet(P::DiagnosisSetDeclContext& ctx);
  std::vector<ast::CodeItem> transformCodeItems(const std::vector<P::CodeItemContext*>& items);
  std::vector<ast::Word> transformModifierItems(const std::vector<P::ModifierItemContext*>& items);
  // transform_pair.cpp
  ast::PairDecl transformPair(P::PairDeclContext& ctx);
  ast::IndicatorSpec transformIndicator(P::IndicatorContext& ctx);
  void transformPairClause(P::PairClauseContext& ctx, ast::PairDecl& pair);
  // transform_rule.cpp
  ast::RuleDecl transformRule(P::RuleDeclContext& ctx);
  ast::ModifierRule transformModifierRule(P::ModifierRuleContext& ctx);
  void transformRuleClause(P::RuleClauseContext& ctx, ast::RuleClauses& clauses);
  // transform_units.cpp
  ast::UnitsDecl transformUnits(P::UnitsDeclContext& ctx);
  ast::LimitDecl transformLimit(P::LimitDeclContext& ctx);
  ast::LimitsFromDecl transformLimitsFrom(P::LimitsFromStmtContext& ctx);
  // transform_frequency.cpp
  ast::FrequencyDecl transformFrequency(P::FrequencyDeclContext& ctx);
  ast::Window transformWindow(P::WindowContext& ctx);
  ast::Window transformWithin(P::WithinContext& ctx);
  // transform_test.cpp
  ast::TestDecl transformTest(P::TestDeclContext& ctx);
  ast::TestLine transformTestLine(P::TestLineContext& ctx);
  ast::TestClaim transformTestClaim(const std::vector<P::ClaimItemContext*>& items,
                                    const std::vector<P::TestLineContext*>& lines);
  std::vector<ast::PriorClaim> transformHistory(P::TestHistoryContext& ctx);
  ast::Expectation transformExpectation(P::ExpectationContext& ctx);
  // transform_expr.cpp
  ast::ExprPtr transformExpr(P::ExprContext& ctx);
  ast::Argument transformArgument(P::ArgumentContext& ctx);
  std::vector<ast::Word> transformPath(P::PathContext& ctx);

  /// Stores `value` into `slot`, or reports a duplicate clause at `where`.
  template <typename T>
  void setOnce(std::optional<T>& slot, T value, const source::Span& where, std::string_view what);

  std::string file_;
  diag::DiagnosticSink& sink_;
  /// Current depth of transformExpr, bounded so a hostile file cannot
  /// exhaust the stack of this phase or of the later ones.
  int exprDepth_ = 0;
};

/// The deepest expression tree accepted (operators and calls, nested).
inline constexpr int kMaxExprDepth = 200;

/// The span of a token.
source::Span spanOf(const antlr4::Token* token);
/// The span from a construct's first token to its last, clipped to the first line.
source::Span spanOf(antlr4::ParserRuleContext& ctx);
/// A token as an AST word.
ast::Word wordOf(const antlr4::Token* token);
/// A one-token construct (a `softWord`) as an AST word.
ast::Word wordOf(antlr4::ParserRuleContext* ctx);
/// The content of a STRING token, quotes removed and escapes resolved.
std::string unquote(const std::string& literal);

}  // namespace edict::parse
