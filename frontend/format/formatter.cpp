#include "frontend/format/formatter.h"

#include <antlr4-runtime.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "EdictLexer.h"
#include "EdictParser.h"
#include "frontend/parse/parser.h"

namespace edict::format {

namespace {

using grammar::EdictParser;

/// Token indices where a new line must start, and the brace depth there.
struct Layout {
  std::set<std::size_t> lineStarts;
};

void collectLineStarts(EdictParser::FileContext& file, Layout& layout) {
  auto* header = file.header();
  layout.lineStarts.insert(header->getStart()->getTokenIndex());
  for (auto* item : header->headerItem())
    layout.lineStarts.insert(item->getStart()->getTokenIndex());
  for (auto* statement : file.statement()) {
    layout.lineStarts.insert(statement->getStart()->getTokenIndex());
    auto* test = dynamic_cast<EdictParser::TestStmtContext*>(statement);
    if (test == nullptr) continue;
    auto* decl = test->testDecl();
    if (auto* history = decl->testHistory()) {
      // `history {` on a line, each prior claim on its own, `}` alone.
      layout.lineStarts.insert(history->getStart()->getTokenIndex());
      for (auto* prior : history->priorClaim())
        layout.lineStarts.insert(prior->getStart()->getTokenIndex());
      layout.lineStarts.insert(history->getStop()->getTokenIndex());
    }
    layout.lineStarts.insert(decl->testClaim()->getStart()->getTokenIndex());
    for (auto* e : decl->expectation()) layout.lineStarts.insert(e->getStart()->getTokenIndex());
    layout.lineStarts.insert(decl->getStop()->getTokenIndex());  // the closing brace
  }
}

bool noSpaceBefore(const std::string& t) {
  return t == "," || t == ";" || t == ")" || t == "." || t == ".." || t == ":";
}
bool noSpaceAfter(const std::string& t) {
  return t == "(" || t == "." || t == "..";
}

std::size_t newlinesIn(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

class Printer {
 public:
  explicit Printer(const Layout& layout) : layout_(layout) {}

  std::string print(const std::vector<antlr4::Token*>& tokens) {
    std::size_t pendingNewlines = 0;  // newlines in the original since the last token
    std::string previous;             // the last default-channel token's text
    std::string beforePrevious;       // and the one before it
    bool lineOpen = false;
    for (antlr4::Token* token : tokens) {
      if (token->getType() == antlr4::Token::EOF) break;
      const std::string text = token->getText();
      if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) {
        if (text[0] != '#') {
          pendingNewlines += newlinesIn(text);
          continue;
        }
        // A comment: trailing when it shares the line of the last token.
        if (lineOpen && pendingNewlines == 0) {
          out_ += "  " + text;
        } else {
          startLine(pendingNewlines, commentIndent());
          out_ += text;
        }
        lineOpen = true;
        mustBreak_ = true;
        pendingNewlines = 0;
        continue;
      }
      const std::size_t index = token->getTokenIndex();
      const bool statementStart = layout_.lineStarts.count(index) > 0;
      if (closeBraces_.count(index) > 0) --depth_;
      if (statementStart || mustBreak_ || (pendingNewlines > 0 && lineOpen)) {
        const int indent = statementStart ? depth_ * 2 : depth_ * 2 + 2;
        startLine(lineOpen ? pendingNewlines : 0, indent);
      } else if (lineOpen && !noSpaceBefore(text) && !noSpaceAfter(previous) &&
                 !(text == "(" && isCall(beforePrevious, previous))) {
        out_ += ' ';
      }
      out_ += text;
      if (openBraces_.count(index) > 0) ++depth_;
      lineOpen = true;
      mustBreak_ = false;
      pendingNewlines = 0;
      beforePrevious = previous;
      previous = text;
    }
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
    return out_;
  }

  /// The braces that open and close test bodies (indented), by token index.
  void setTestBraces(std::set<std::size_t> open, std::set<std::size_t> close) {
    openBraces_ = std::move(open);
    closeBraces_ = std::move(close);
  }

 private:
  /// `same_day.has(`: a `(` right after the last word of a dotted path opens
  /// a call's arguments; after a keyword (`in (`, `and (`) it groups.
  static bool isCall(const std::string& beforePrevious, const std::string& previous) {
    return beforePrevious == "." && isWordLike(previous);
  }

  static bool isWordLike(const std::string& t) {
    return !t.empty() &&
           (std::isalnum(static_cast<unsigned char>(t.back())) != 0 || t.back() == '_');
  }

  int commentIndent() const { return depth_ * 2; }

  /// Ends the current line; keeps one blank line where the original had one or more.
  void startLine(std::size_t originalNewlines, int indent) {
    if (!out_.empty()) {
      out_ += '\n';
      if (originalNewlines >= 2) out_ += '\n';
    }
    out_.append(static_cast<std::size_t>(indent), ' ');
  }

  const Layout& layout_;
  std::set<std::size_t> openBraces_;
  std::set<std::size_t> closeBraces_;
  std::string out_;
  int depth_ = 0;
  bool mustBreak_ = false;
};

}  // namespace

std::optional<std::string> formatRuleset(const source::SourceFile& file,
                                         diag::DiagnosticSink& sink) {
  // Parse first: a file with syntax errors is reported, never re-laid.
  if (!parse::parseRuleset(file, sink)) return std::nullopt;

  antlr4::ANTLRInputStream input(file.text());
  grammar::EdictLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  EdictParser parser(&tokens);
  parser.removeErrorListeners();
  EdictParser::FileContext* tree = parser.file();

  Layout layout;
  collectLineStarts(*tree, layout);
  std::set<std::size_t> open;
  std::set<std::size_t> close;
  for (auto* statement : tree->statement()) {
    auto* test = dynamic_cast<EdictParser::TestStmtContext*>(statement);
    if (test == nullptr) continue;
    // The test's own braces are its first `{` child and its last token.
    for (auto* child : test->testDecl()->children)
      if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
          terminal != nullptr && terminal->getText() == "{") {
        open.insert(terminal->getSymbol()->getTokenIndex());
        break;
      }
    close.insert(test->testDecl()->getStop()->getTokenIndex());
    // A history block's braces indent its claims one step further.
    if (auto* history = test->testDecl()->testHistory()) {
      for (auto* child : history->children)
        if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
            terminal != nullptr && terminal->getText() == "{") {
          open.insert(terminal->getSymbol()->getTokenIndex());
          break;
        }
      close.insert(history->getStop()->getTokenIndex());
    }
  }
  tokens.fill();
  Printer printer(layout);
  printer.setTestBraces(std::move(open), std::move(close));
  return printer.print(tokens.getTokens());
}

}  // namespace edict::format
