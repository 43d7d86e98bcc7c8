// The TextMate grammar for editors (tools/editors/vscode) against the real
// lexer: on every shipped ruleset, each keyword, string, date, reason code
// and comment the lexer sees is coloured as one by the grammar, and the
// grammar knows every keyword of grammar/Edict.g4.
#include <catch2/catch.hpp>

#include <antlr4-runtime.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "EdictLexer.h"

namespace fs = std::filesystem;

namespace {

struct Pattern {
  std::string scope;  // for match patterns; for begin/end, the scope of the whole span
  std::regex match;
  std::optional<std::regex> end;
  std::map<int, std::string> captures;
};

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<Pattern> loadGrammar(const fs::path& path) {
  static simdjson::dom::parser parser;
  const simdjson::padded_string json(readFile(path));
  simdjson::dom::element root = parser.parse(json);
  std::vector<Pattern> patterns;
  for (simdjson::dom::element include : root["patterns"].get_array()) {
    std::string_view ref = include["include"].get_string();
    simdjson::dom::element rule = root["repository"][ref.substr(1)];
    Pattern p;
    std::string_view name;
    if (rule["name"].get(name) == simdjson::SUCCESS) p.scope = std::string(name);
    std::string_view match;
    if (rule["match"].get(match) == simdjson::SUCCESS) {
      p.match = std::regex(std::string(match));
    } else {
      p.match = std::regex(std::string(rule["begin"].get_string().value()));
      p.end = std::regex(std::string(rule["end"].get_string().value()));
    }
    simdjson::dom::object captures;
    if (rule["captures"].get(captures) == simdjson::SUCCESS)
      for (auto [key, value] : captures)
        p.captures[std::stoi(std::string(key))] = std::string(value["name"].get_string().value());
    patterns.push_back(std::move(p));
  }
  return patterns;
}

/// The scope of each character of `line`, by TextMate's rule: at each point,
/// the pattern matching earliest wins, ties to the first listed.
std::vector<std::string> scopesOf(const std::string& line, const std::vector<Pattern>& patterns) {
  std::vector<std::string> scopes(line.size());
  std::size_t pos = 0;
  while (pos < line.size()) {
    const Pattern* best = nullptr;
    std::smatch bestMatch;
    for (const Pattern& p : patterns) {
      std::smatch m;
      if (!std::regex_search(line.cbegin() + static_cast<std::ptrdiff_t>(pos), line.cend(), m,
                             p.match))
        continue;
      if (m.length(0) == 0) continue;
      if (best == nullptr || m.position(0) < bestMatch.position(0)) {
        best = &p;
        bestMatch = m;
      }
    }
    if (best == nullptr) break;
    const std::size_t start = pos + static_cast<std::size_t>(bestMatch.position(0));
    std::size_t stop = start + static_cast<std::size_t>(bestMatch.length(0));
    if (best->end) {
      std::smatch e;
      const bool closed = std::regex_search(line.cbegin() + static_cast<std::ptrdiff_t>(stop),
                                            line.cend(), e, *best->end);
      stop = closed ? stop + static_cast<std::size_t>(e.position(0) + e.length(0)) : line.size();
    }
    for (std::size_t i = start; i < stop; ++i) scopes[i] = best->scope;
    for (const auto& [group, scope] : best->captures)
      if (bestMatch[group].matched)
        for (std::size_t i = 0; i < static_cast<std::size_t>(bestMatch.length(group)); ++i)
          scopes[pos + static_cast<std::size_t>(bestMatch.position(group)) + i] = scope;
    pos = std::max(stop, start + 1);
  }
  return scopes;
}

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("the TextMate grammar colours the shipped rulesets as the lexer reads them",
          "[editors]") {
  const fs::path root(EDICT_SOURCE_DIR);
  const auto patterns = loadGrammar(root / "tools/editors/vscode/syntaxes/edict.tmLanguage.json");
  using edict::grammar::EdictLexer;
  std::size_t checked = 0;
  for (const char* file :
       {"rulesets/cms/therapy.edict", "rulesets/examples/acme_commercial.edict",
        "tests/e2e/data/failing_test.edict", "docs/../tests/data/tables/table_layered.edict"}) {
    const std::string text = readFile(root / file);
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    antlr4::ANTLRInputStream input(text);
    EdictLexer lexer(&input);
    for (auto& token : lexer.getAllTokens()) {
      if (token->getType() == EdictLexer::WS) continue;
      const std::string& line = lines.at(token->getLine() - 1);
      const auto scopes = scopesOf(line, patterns);
      const std::string& scope = scopes.at(token->getCharPositionInLine());
      const std::string literal = lexer.getVocabulary().getLiteralName(token->getType());
      INFO(file << ":" << token->getLine() << " `" << token->getText() << "` has scope `" << scope
                << "`");
      const bool keyword =
          literal.size() > 2 && std::isalpha(static_cast<unsigned char>(literal[1]));
      if (keyword) {
        // A keyword inside a field path (`line.units`) is part of the field.
        CHECK((startsWith(scope, "keyword.") || startsWith(scope, "variable.other.member")));
      } else if (token->getType() == EdictLexer::STRING) {
        CHECK(startsWith(scope, "string."));
      } else if (token->getType() == EdictLexer::DATE) {
        CHECK(scope == "constant.numeric.date.edict");
      } else if (token->getType() == EdictLexer::REASON) {
        CHECK(scope == "constant.other.reason.edict");
      } else if (token->getType() == EdictLexer::COMMENT) {
        CHECK(startsWith(scope, "comment."));
      } else {
        continue;
      }
      ++checked;
    }
  }
  CHECK(checked > 300);
}

TEST_CASE("the TextMate grammar knows every keyword of the language", "[editors]") {
  const std::string grammar =
      readFile(fs::path(EDICT_SOURCE_DIR) / "tools/editors/vscode/syntaxes/edict.tmLanguage.json");
  antlr4::ANTLRInputStream input("");
  edict::grammar::EdictLexer lexer(&input);
  const auto& vocabulary = lexer.getVocabulary();
  for (std::size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
    const std::string literal = vocabulary.getLiteralName(type);
    if (literal.size() < 3 || !std::isalpha(static_cast<unsigned char>(literal[1]))) continue;
    const std::string word = literal.substr(1, literal.size() - 2);
    INFO(word);
    const bool listed = grammar.find("|" + word + "|") != std::string::npos ||
                        grammar.find("(?:" + word + "|") != std::string::npos ||
                        grammar.find("|" + word + ")") != std::string::npos;
    CHECK(listed);
  }
}
