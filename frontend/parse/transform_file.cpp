// Transformer: the file, its header, statements and set declarations.
#include <fmt/format.h>

#include <algorithm>

#include "frontend/parse/transform.h"

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

ast::Word wordOf(const antlr4::Token* token) {
  return ast::Word{token->getText(), spanOf(token)};
}

ast::Word wordOf(antlr4::ParserRuleContext* ctx) {
  return ast::Word{ctx->getText(), spanOf(*ctx)};
}

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
                  fmt::format("`{}` is given twice in this statement", what), "keep one of them"});
    return;
  }
  slot = std::move(value);
}

template void Transformer::setOnce(std::optional<ast::Word>&, ast::Word, const source::Span&,
                                   std::string_view);
template void Transformer::setOnce(std::optional<std::string>&, std::string, const source::Span&,
                                   std::string_view);
template void Transformer::setOnce(std::optional<std::vector<ast::Word>>&, std::vector<ast::Word>,
                                   const source::Span&, std::string_view);

ast::Ruleset Transformer::transformFile(EdictParser::FileContext& ctx) {
  ast::Ruleset ruleset;
  ruleset.file = file_;
  ruleset.header = transformHeader(*ctx.header());
  for (auto* statement : ctx.statement())
    ruleset.statements.push_back(transformStatement(*statement));
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
    } else if (auto* extends = dynamic_cast<EdictParser::ExtendsItemContext*>(item)) {
      const auto* token = extends->STRING()->getSymbol();
      setOnce(header.extends, ast::Word{unquote(token->getText()), spanOf(token)},
              spanOf(extends->getStart()), "extends");
    } else if (auto* include = dynamic_cast<EdictParser::IncludeItemContext*>(item)) {
      const auto* token = include->STRING()->getSymbol();
      header.includes.push_back(ast::Word{unquote(token->getText()), spanOf(token)});
    }
  }
  return header;
}

ast::Statement Transformer::transformStatement(EdictParser::StatementContext& ctx) {
  if (auto* codes = dynamic_cast<EdictParser::CodeSetDeclContext*>(&ctx))
    return transformCodeSet(*codes);
  if (auto* modifiers = dynamic_cast<EdictParser::ModifierSetDeclContext*>(&ctx))
    return transformModifierSet(*modifiers);
  if (auto* places = dynamic_cast<EdictParser::PlaceSetDeclContext*>(&ctx))
    return transformPlaceSet(*places);
  if (auto* diagnoses = dynamic_cast<EdictParser::DiagnosisSetDeclContext*>(&ctx))
    return transformDiagnosisSet(*diagnoses);
  if (auto* pair = dynamic_cast<EdictParser::PairStmtContext*>(&ctx)) {
    ast::PairDecl decl = transformPair(*pair->pairDecl());
    decl.isOverride = pair->override != nullptr;
    return decl;
  }
  if (auto* table = dynamic_cast<EdictParser::PairsFromStmtContext*>(&ctx)) {
    ast::PairsFromDecl decl;
    decl.path = ast::Word{unquote(table->table->getText()), spanOf(table->table)};
    decl.span = spanOf(table->getStart());
    if (table->format != nullptr) decl.format = wordOf(table->format);
    for (auto* clause : table->pairsClause()) {
      const source::Span where = spanOf(clause->getStart());
      if (auto* bypass = dynamic_cast<EdictParser::TableBypassContext*>(clause))
        setOnce(decl.bypass, transformModifierItems(bypass->modifierItem()), where, "bypass");
      else if (auto* reason = dynamic_cast<EdictParser::TableReasonContext*>(clause))
        setOnce(decl.reason, wordOf(reason->REASON()->getSymbol()), where, "reason");
    }
    return decl;
  }
  if (auto* rule = dynamic_cast<EdictParser::RuleStmtContext*>(&ctx)) {
    ast::RuleDecl decl = transformRule(*rule->ruleDecl());
    decl.isOverride = rule->override != nullptr;
    return decl;
  }
  if (auto* modifierRule = dynamic_cast<EdictParser::ModifierRuleStmtContext*>(&ctx)) {
    ast::ModifierRule decl = transformModifierRule(*modifierRule->modifierRule());
    decl.isOverride = modifierRule->override != nullptr;
    return decl;
  }
  if (auto* units = dynamic_cast<EdictParser::UnitsStmtContext*>(&ctx)) {
    ast::UnitsDecl decl = transformUnits(*units->unitsDecl());
    decl.isOverride = units->override != nullptr;
    return decl;
  }
  if (auto* limit = dynamic_cast<EdictParser::LimitStmtContext*>(&ctx)) {
    ast::LimitDecl decl = transformLimit(*limit->limitDecl());
    decl.isOverride = limit->override != nullptr;
    return decl;
  }
  if (auto* frequency = dynamic_cast<EdictParser::FrequencyStmtContext*>(&ctx)) {
    ast::FrequencyDecl decl = transformFrequency(*frequency->frequencyDecl());
    decl.isOverride = frequency->override != nullptr;
    return decl;
  }
  if (auto* limits = dynamic_cast<EdictParser::LimitsFromStmtContext*>(&ctx))
    return transformLimitsFrom(*limits);
  if (auto* test = dynamic_cast<EdictParser::TestStmtContext*>(&ctx))
    return transformTest(*test->testDecl());
  auto& disable = dynamic_cast<EdictParser::DisableStmtContext&>(ctx);
  return ast::DisableStmt{wordOf(disable.softWord())};
}

std::vector<ast::CodeItem> Transformer::transformCodeItems(
    const std::vector<EdictParser::CodeItemContext*>& items) {
  std::vector<ast::CodeItem> out;
  for (auto* item : items) {
    ast::CodeItem codeItem{wordOf(item->first), std::nullopt};
    if (item->last != nullptr) codeItem.last = wordOf(item->last);
    out.push_back(std::move(codeItem));
  }
  return out;
}

std::vector<ast::Word> Transformer::transformModifierItems(
    const std::vector<EdictParser::ModifierItemContext*>& items) {
  std::vector<ast::Word> out;
  for (auto* item : items) out.push_back(wordOf(item->softWord()));
  return out;
}

ast::CodeSetDecl Transformer::transformCodeSet(EdictParser::CodeSetDeclContext& ctx) {
  // The grammar collects `except` items into their own list; codeItem()
  // returns all of them, so the included ones are those not excluded.
  std::vector<EdictParser::CodeItemContext*> included;
  for (auto* item : ctx.codeItem())
    if (std::find(ctx.excluded.begin(), ctx.excluded.end(), item) == ctx.excluded.end())
      included.push_back(item);
  return ast::CodeSetDecl{wordOf(ctx.name), transformCodeItems(included),
                          transformCodeItems(ctx.excluded)};
}

ast::ModifierSetDecl Transformer::transformModifierSet(EdictParser::ModifierSetDeclContext& ctx) {
  std::vector<EdictParser::ModifierItemContext*> included;
  for (auto* item : ctx.modifierItem())
    if (std::find(ctx.excludedMods.begin(), ctx.excludedMods.end(), item) == ctx.excludedMods.end())
      included.push_back(item);
  return ast::ModifierSetDecl{wordOf(ctx.name), transformModifierItems(included),
                              transformModifierItems(ctx.excludedMods)};
}

namespace {

/// A quoted text of a set of places or diagnoses: its text without quotes.
ast::TextItem quotedItem(antlr4::tree::TerminalNode& text) {
  return ast::TextItem{ast::Word{unquote(text.getText()), spanOf(text.getSymbol())}, true};
}

/// A word of a set of places or diagnoses (a place such as 12, or a set name).
ast::TextItem wordItem(EdictParser::SoftWordContext& word) {
  return ast::TextItem{wordOf(&word), false};
}

ast::TextItem placeItem(EdictParser::PlaceItemContext* item) {
  if (auto* text = dynamic_cast<EdictParser::PlaceTextContext*>(item))
    return quotedItem(*text->STRING());
  return wordItem(*dynamic_cast<EdictParser::PlaceWordContext&>(*item).softWord());
}

}  // namespace

ast::PlaceSetDecl Transformer::transformPlaceSet(EdictParser::PlaceSetDeclContext& ctx) {
  ast::PlaceSetDecl decl{wordOf(ctx.name), {}, {}};
  for (auto* item : ctx.placeItem()) {
    const bool excluded = std::find(ctx.excludedPlaces.begin(), ctx.excludedPlaces.end(), item) !=
                          ctx.excludedPlaces.end();
    (excluded ? decl.excluded : decl.items).push_back(placeItem(item));
  }
  return decl;
}

ast::DiagnosisSetDecl Transformer::transformDiagnosisSet(
    EdictParser::DiagnosisSetDeclContext& ctx) {
  ast::DiagnosisSetDecl decl{wordOf(ctx.name), {}};
  for (auto* item : ctx.diagnosisItem()) {
    if (auto* text = dynamic_cast<EdictParser::DiagnosisTextContext*>(item))
      decl.items.push_back(quotedItem(*text->STRING()));
    else
      decl.items.push_back(
          wordItem(*dynamic_cast<EdictParser::DiagnosisWordContext&>(*item).softWord()));
  }
  return decl;
}

}  // namespace edict::parse
