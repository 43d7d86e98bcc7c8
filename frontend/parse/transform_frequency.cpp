// Transformer: frequency limits (`limit CODES max N [units] per 30 days`)
// and the windows of dates they and the history functions count over.
#include "frontend/parse/transform.h"

namespace edict::parse {

using grammar::EdictParser;

namespace {

/// The span from `first` through `last`, on `first`'s line.
source::Span through(const antlr4::Token* first, const antlr4::Token* last) {
  source::Span span = spanOf(first);
  const source::Span end = spanOf(last);
  if (end.line == span.line && end.column + end.length > span.column)
    span.length = end.column + end.length - span.column;
  return span;
}

/// `per|within [-]N days` (a `Days` context) or `per|within calendar
/// PERIOD` (a `Calendar` one): one shape under two keywords.
template <typename Days, typename Calendar>
ast::Window windowOf(antlr4::ParserRuleContext& ctx) {
  ast::Window window;
  window.span = through(ctx.getStart(), ctx.getStop());
  if (auto* days = dynamic_cast<Days*>(&ctx)) {
    window.kind = ast::Window::Kind::Days;
    window.amount = wordOf(days->days);
    window.negative = days->minus != nullptr;
  } else {
    window.kind = ast::Window::Kind::Calendar;
    window.amount = wordOf(dynamic_cast<Calendar&>(ctx).period);
  }
  return window;
}

}  // namespace

ast::Window Transformer::transformWindow(EdictParser::WindowContext& ctx) {
  return windowOf<EdictParser::PerDaysContext, EdictParser::PerCalendarContext>(ctx);
}

ast::Window Transformer::transformWithin(EdictParser::WithinContext& ctx) {
  return windowOf<EdictParser::WithinDaysContext, EdictParser::WithinCalendarContext>(ctx);
}

ast::FrequencyDecl Transformer::transformFrequency(EdictParser::FrequencyDeclContext& ctx) {
  ast::FrequencyDecl decl;
  decl.span = spanOf(ctx.getStart());
  decl.codes = transformCodeItems(ctx.codeItem());
  decl.value = wordOf(ctx.value);
  decl.countsUnits = ctx.counted != nullptr;
  decl.window = transformWindow(*ctx.window());
  for (auto* clause : ctx.ruleClause()) transformRuleClause(*clause, decl.clauses);
  return decl;
}

}  // namespace edict::parse
