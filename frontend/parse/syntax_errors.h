// Turns ANTLR's syntax error callbacks into edict diagnostics: plain words
// instead of token names, and "did you mean" for misspelt keywords.
#pragma once

#include <antlr4-runtime.h>

#include "frontend/diag/diagnostic_sink.h"

namespace edict::parse {

/// An ANTLR error listener that reports into a DiagnosticSink.
class SyntaxErrorListener final : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(std::string file, diag::DiagnosticSink& sink)
      : file_(std::move(file)), sink_(sink) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offendingSymbol, size_t line,
                   size_t charPositionInLine, const std::string& msg,
                   std::exception_ptr e) override;

  [[nodiscard]] std::size_t count() const { return count_; }

 private:
  std::string file_;
  diag::DiagnosticSink& sink_;
  std::size_t count_ = 0;
};

}  // namespace edict::parse
