// Transformer: the file, its header and modifier set declarations.
#include <fmt/format.h>

#include "parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

source::Span spanOf(const antlr4::Token* token) {
  if (token == nullptr) return {};
  const auto length = token->getStopIndex() >= token->getStartIndex()
                          ? token->getStopIndex() - token->getStartIndex() + 1
                          : 1;
  return source::Span{static_cast<std::uint32_t>(token->getLine()),
                      static_cast<std::uint32_t>(token->getCharPositionInLine() + 1),
                      static_cast<std::uint32_t>(length)};
}

source::Span spanOf(antlr4::ParserRuleContext& ctx) {
  source::Span span = spanOf(ctx.getStart());
  const antlr4::Token* stop = ctx.getStop();
  if (stop != nullptr && stop->getLine() == ctx.getStart()->getLine()) {
    const source::Span last = spanOf(stop);
    span.length = last.column + last.length - span.column;
  }
  return span;
}

ast::Word wordOf(const antlr4::Token* token) { return ast::Word{token->getText(), spanOf(token)}; }

std::string unquote(const std::string& literal) {
  std::string out;
  if (literal.size() < 2) return out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\' && i + 2 < literal.size()) ++i;
    out.push_back(literal[i]);
  }
  return out;
}

template <typename T>
void Transformer::setOnce(std::optional<T>& slot, T value, const source::Span& where,
                          std::string_view what) {
  if (slot) {
    sink_.report({diag::Kind::DuplicateClause, file_, where,
                  fmt::format("`{}` is given twice in this statement", what),
                  "keep one of them"});
    return;
  }
  slot = std::move(value);
}

template void Transformer::setOnce(std::optional<ast::Word>&, ast::Word, const source::Span&,
                                   std::string_view);
template void Transformer::setOnce(std::optional<std::string>&, std::string,
                                   const source::Span&, std::string_view);
template void Transformer::setOnce(std::optional<std::vector<ast::Word>>&,
                                   std::vector<ast::Word>, const source::Span&, std::string_view);

ast::Ruleset Transformer::transformFile(EdictParser::FileContext& ctx) {
  ast::Ruleset ruleset;
  ruleset.file = file_;
  ruleset.header = transformHeader(*ctx.header());
  for (auto* statement : ctx.statement()) ruleset.statements.push_back(transformStatement(*statement));
  return ruleset;
}

ast::Header Transformer::transformHeader(EdictParser::HeaderContext& ctx) {
  ast::Header header;
  header.name = wordOf(ctx.name);
  if (ctx.title != nullptr) header.title = unquote(ctx.title->getText());
  for (auto* item : ctx.headerItem()) {
    if (auto* version = dynamic_cast<EdictParser::VersionItemContext*>(item)) {
      setOnce(header.version, unquote(version->STRING()->getText()), spanOf(version->getStart()),
              "version");
    } else if (auto* effective = dynamic_cast<EdictParser::EffectiveItemContext*>(item)) {
      setOnce(header.effectiveFrom, wordOf(effective->from), spanOf(effective->getStart()),
              "effective");
      if (effective->until != nullptr) header.effectiveUntil = wordOf(effective->until);
    }
  }
  return header;
}

ast::Statement Transformer::transformStatement(EdictParser::StatementContext& ctx) {
  if (auto* modifiers = dynamic_cast<EdictParser::ModifierSetDeclContext*>(&ctx))
    return transformModifierSet(*modifiers);
  auto& pair = dynamic_cast<EdictParser::PairStmtContext&>(ctx);
  return transformPair(*pair.pairDecl());
}

ast::ModifierSetDecl Transformer::transformModifierSet(EdictParser::ModifierSetDeclContext& ctx) {
  ast::ModifierSetDecl decl;
  decl.name = wordOf(ctx.name);
  for (auto* item : ctx.modifierItem()) decl.items.push_back(wordOf(item->WORD()->getSymbol()));
  return decl;
}

}  // namespace edict::parse
