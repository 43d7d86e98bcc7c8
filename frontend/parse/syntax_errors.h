// Turns ANTLR's syntax error callbacks into edict diagnostics: plain words
// instead of token names, and "did you mean" for misspelt keywords. A
// misspelt keyword is also remembered as a substitution, so that the parser
// can read the file again as if it were spelt right and find the next error
// of the same line instead of skipping to the next statement.
#pragma once

#include <antlr4-runtime.h>

#include <vector>

#include "frontend/diag/diagnostic.h"

namespace edict::parse {

/// An ANTLR error listener that collects diagnostics of one parse.
class SyntaxErrorListener final : public antlr4::BaseErrorListener {
 public:
  /// A word the parser met where a keyword it resembles belongs.
  struct Substitution {
    /// Where the word is in the token stream.
    std::size_t tokenIndex;
    /// The token type of the keyword it was probably meant to be.
    std::size_t keywordType;
    /// Its diagnostic (also among diagnostics()).
    diag::Diagnostic diagnostic;
  };

  explicit SyntaxErrorListener(std::string file) : file_(std::move(file)) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string& msg,
                   std::exception_ptr e) override;

  /// The diagnostics since the last clear(), in the order found.
  [[nodiscard]] const std::vector<diag::Diagnostic>& diagnostics() const { return diagnostics_; }
  /// The misspelt keywords among them (each also has its diagnostic).
  [[nodiscard]] const std::vector<Substitution>& substitutions() const { return substitutions_; }
  /// Forgets what was collected, before another parse.
  void clear() {
    diagnostics_.clear();
    substitutions_.clear();
  }

 private:
  std::string file_;
  std::vector<diag::Diagnostic> diagnostics_;
  std::vector<Substitution> substitutions_;
};

}  // namespace edict::parse
