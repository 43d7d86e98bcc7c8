#include "frontend/parse/parser.h"

#include <antlr4-runtime.h>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

#include "EdictLexer.h"
#include "EdictParser.h"
#include "frontend/parse/syntax_errors.h"
#include "frontend/parse/transform.h"

namespace edict::parse {

namespace {

/// Checks that `text` is UTF-8 without NUL bytes; reports the first bad
/// byte's position otherwise. ANTLR's UTF-8 decoder must never see bad input.
bool checkText(const source::SourceFile& file, diag::DiagnosticSink& sink) {
  const std::string& text = file.text();
  // The likeliest binary file to be given here is one of edict's own
  // (backends/artifact/artifact_file.h's magic; the parser does not link it).
  if (text.rfind("EDICTART", 0) == 0) {
    sink.report({diag::Kind::NotText, file.path(), source::Span{1, 1, 8},
                 "this is a compiled artifact (from `edict compile`), not ruleset text",
                 "give the .edict file it was compiled from; `edict run` and `edict explain` "
                 "take artifacts"});
    return false;
  }
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    if (byte == 0)
      length = 0;
    else if (byte < 0x80)
      length = 1;
    else if ((byte & 0xE0) == 0xC0 && byte >= 0xC2)
      length = 2;
    else if ((byte & 0xF0) == 0xE0)
      length = 3;
    else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4)
      length = 4;
    bool ok = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && length == 3) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      ok = !(byte == 0xE0 && next < 0xA0) && !(byte == 0xED && next >= 0xA0);
    }
    if (ok && length == 4) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      ok = !(byte == 0xF0 && next < 0x90) && !(byte == 0xF4 && next >= 0x90);
    }
    if (!ok) {
      sink.report({diag::Kind::NotText, file.path(), source::Span{line, column, 1},
                   fmt::format("byte 0x{:02X} at offset {} is not UTF-8 text", byte, i),
                   "rulesets are UTF-8 text files; is this the right file?"});
      return false;
    }
    if (byte == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return true;
}

/// Refuses parentheses nested deeper than kMaxParenDepth before the parser
/// sees them: ANTLR's parser recurses once per level.
bool checkNesting(const source::SourceFile& file, antlr4::CommonTokenStream& tokens,
                  diag::DiagnosticSink& sink) {
  tokens.fill();
  int depth = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    const std::string text = token->getType() == antlr4::Token::EOF ? "" : token->getText();
    if (text == "(") ++depth;
    if (text == ")") --depth;
    if (depth > kMaxParenDepth) {
      sink.report({diag::Kind::NestingTooDeep, file.path(),
                   source::Span{static_cast<std::uint32_t>(token->getLine()),
                                static_cast<std::uint32_t>(token->getCharPositionInLine() + 1), 1},
                   fmt::format("parentheses nest deeper than {} levels", kMaxParenDepth),
                   std::string("split the condition into several rules or named sets")});
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<ast::Ruleset> parseRuleset(const source::SourceFile& file,
                                         diag::DiagnosticSink& sink) {
  if (file.text().size() > kMaxSourceBytes) {
    sink.report({diag::Kind::FileTooLarge,
                 file.path(),
                 {},
                 fmt::format("the file has {} bytes, more than the limit of {}", file.text().size(),
                             kMaxSourceBytes),
                 "split the ruleset, or import large tables with `pairs from`"});
    return std::nullopt;
  }
  if (!checkText(file, sink)) return std::nullopt;

  antlr4::ANTLRInputStream input(file.text());
  grammar::EdictLexer lexer(&input);
  SyntaxErrorListener listener(file.path());
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  if (!checkNesting(file, tokens, sink)) return std::nullopt;
  std::vector<diag::Diagnostic> errors = listener.diagnostics();
  listener.clear();

  // A misspelt keyword makes ANTLR skip the rest of its statement, so a
  // second mistake on the line would go unseen. Each misspelling found is
  // reported, the word is read as the keyword it resembles, and the file is
  // parsed again; the last parse reports the other errors, so none of them
  // is a consequence of a misspelling already reported.
  std::unique_ptr<grammar::EdictParser> parser;
  grammar::EdictParser::FileContext* tree = nullptr;
  std::set<std::size_t> substituted;
  for (int pass = 0;; ++pass) {
    tokens.seek(0);
    parser = std::make_unique<grammar::EdictParser>(&tokens);
    parser->removeErrorListeners();
    parser->addErrorListener(&listener);
    listener.clear();
    tree = parser->file();
    if (listener.substitutions().empty() || pass + 1 == kMaxRecoveryPasses) break;
    for (const SyntaxErrorListener::Substitution& s : listener.substitutions()) {
      auto* token = dynamic_cast<antlr4::CommonToken*>(tokens.get(s.tokenIndex));
      if (token == nullptr || !substituted.insert(s.tokenIndex).second) continue;
      token->setType(s.keywordType);
      errors.push_back(s.diagnostic);
    }
  }
  // A word read as a keyword that still does not fit has had its error.
  for (const diag::Diagnostic& d : listener.diagnostics()) {
    const bool atSubstitution =
        std::any_of(substituted.begin(), substituted.end(), [&](std::size_t index) {
          const antlr4::Token* token = tokens.get(index);
          return token->getLine() == d.span.line &&
                 token->getCharPositionInLine() + 1 == d.span.column;
        });
    if (!atSubstitution) errors.push_back(d);
  }
  for (diag::Diagnostic& d : errors) sink.report(std::move(d));
  if (!errors.empty()) return std::nullopt;
  const std::size_t errorsBefore = sink.errorCount();
  Transformer transformer(file.path(), sink);
  ast::Ruleset ruleset = transformer.transformFile(*tree);
  if (sink.errorCount() > errorsBefore) return std::nullopt;
  return ruleset;
}

}  // namespace edict::parse
