#include "frontend/parse/syntax_errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "EdictLexer.h"
#include "frontend/diag/suggest.h"

namespace edict::parse {

namespace {

/// How a token type reads in a message: keywords quoted, others described.
std::string describeTokenType(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  using grammar::EdictLexer;
  switch (type) {
    case static_cast<size_t>(antlr4::Token::EOF): return "end of file";
    case EdictLexer::WORD: return "a code, modifier, number or name";
    case EdictLexer::DATE: return "a date (YYYY-MM-DD)";
    case EdictLexer::STRING: return "a \"quoted text\"";
    case EdictLexer::REASON: return "a reason code such as `CO-236`";
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'')
    return fmt::format("`{}`", literal.substr(1, literal.size() - 2));
  return vocabulary.getDisplayName(type);
}

std::string describeToken(const antlr4::Token* token) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) return "end of file";
  return fmt::format("`{}`", token->getText());
}

/// The keywords among the expected tokens, without quotes.
std::vector<std::string> expectedKeywords(const antlr4::dfa::Vocabulary& vocabulary,
                                          const std::vector<size_t>& expected) {
  std::vector<std::string> words;
  for (size_t type : expected) {
    std::string literal = vocabulary.getLiteralName(type);
    if (literal.size() >= 2 && literal.front() == '\'')
      words.push_back(literal.substr(1, literal.size() - 2));
  }
  return words;
}

}  // namespace

void SyntaxErrorListener::syntaxError(antlr4::Recognizer* recognizer,
                                      antlr4::Token* offendingSymbol, size_t line,
                                      size_t charPositionInLine, const std::string& /*msg*/,
                                      std::exception_ptr /*e*/) {
  diag::Diagnostic d{diag::Kind::SyntaxError, file_,
                     source::Span{static_cast<std::uint32_t>(line),
                                  static_cast<std::uint32_t>(charPositionInLine + 1), 1},
                     "", std::nullopt};
  if (offendingSymbol != nullptr && offendingSymbol->getType() != antlr4::Token::EOF) {
    const auto length = offendingSymbol->getStopIndex() - offendingSymbol->getStartIndex() + 1;
    d.span.length = static_cast<std::uint32_t>(std::max<size_t>(1, length));
  }

  if (offendingSymbol != nullptr &&
      offendingSymbol->getType() == grammar::EdictLexer::UNKNOWN_CHAR) {
    const std::string text = offendingSymbol->getText();
    if (text == "\"") {
      d.kind = diag::Kind::UnterminatedString;
      d.message = "this string has no closing quote on its line";
      d.help = "strings end with `\"` on the line where they start";
    } else {
      d.kind = diag::Kind::UnexpectedCharacter;
      d.message = fmt::format("`{}` is not part of the edict language", text);
      d.help = "comments start with `#`";
    }
    diagnostics_.push_back(std::move(d));
    return;
  }

  auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
  std::vector<size_t> expected;
  if (parser != nullptr)
    for (auto type : parser->getExpectedTokens().toList())
      if (type >= 0) expected.push_back(static_cast<size_t>(type));
  const auto& vocabulary = recognizer->getVocabulary();

  const bool wordExpected =
      std::find(expected.begin(), expected.end(), grammar::EdictLexer::WORD) != expected.end();
  if (wordExpected && offendingSymbol != nullptr) {
    const std::string literal = vocabulary.getLiteralName(offendingSymbol->getType());
    const bool isKeyword = literal.size() >= 3 && literal.front() == '\'' &&
                           std::all_of(literal.begin() + 1, literal.end() - 1,
                                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    if (isKeyword) {
      // A keyword where a name, code or number belongs: say so plainly.
      d.message = fmt::format("`{}` is a keyword of the language and cannot stand here as a name",
                              offendingSymbol->getText());
      d.help = fmt::format("choose another name, such as `{}_set`", offendingSymbol->getText());
      diagnostics_.push_back(std::move(d));
      return;
    }
  }
  d.message = fmt::format("unexpected {}", describeToken(offendingSymbol));
  if (!expected.empty()) {
    std::vector<std::string> names;
    for (size_t type : expected) names.push_back(describeTokenType(vocabulary, type));
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (names.size() > 16) names.resize(16);
    if (names.size() <= 2) {
      d.message += fmt::format(", expected {}", fmt::join(names, " or "));
    } else {
      const std::string last = names.back();
      names.pop_back();
      d.message += fmt::format(", expected one of {} or {}", fmt::join(names, ", "), last);
    }
  }
  if (offendingSymbol != nullptr && offendingSymbol->getType() == grammar::EdictLexer::WORD) {
    // A keyword that fits here first; else any keyword (`sinc` after a
    // pair's last clause, where the parser expects the next statement).
    std::vector<size_t> keywords = expected;
    auto guess =
        diag::closestMatch(offendingSymbol->getText(), expectedKeywords(vocabulary, keywords));
    if (!guess) {
      keywords.clear();
      for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) keywords.push_back(type);
      guess =
          diag::closestMatch(offendingSymbol->getText(), expectedKeywords(vocabulary, keywords));
    }
    if (guess) {
      d.help = fmt::format("did you mean `{}`?", *guess);
      for (size_t type : keywords)
        if (vocabulary.getLiteralName(type) == "'" + *guess + "'")
          substitutions_.push_back({offendingSymbol->getTokenIndex(), type, d});
    }
  }
  diagnostics_.push_back(std::move(d));
}

}  // namespace edict::parse
