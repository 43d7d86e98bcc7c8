// The playground's colours (playground/assets/highlight.js) keep to the
// TextMate grammar of the editors (tools/editors/vscode): the page knows
// the same keywords, so a word coloured as a keyword in VS Code is one on
// the page too.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "support/scratch.h"

namespace {

std::set<std::string> words(const std::string& alternatives) {
  std::set<std::string> out;
  std::stringstream in(alternatives);
  for (std::string word; std::getline(in, word, '|');) out.insert(word);
  return out;
}

}  // namespace

TEST_CASE("the playground's highlighter knows the TextMate grammar's keywords", "[playground]") {
  const std::string grammar = edict::testing::fileText(
      std::string(EDICT_SOURCE_DIR) + "/tools/editors/vscode/syntaxes/edict.tmLanguage.json");
  std::smatch match;
  REQUIRE(std::regex_search(grammar, match,
                            std::regex(R"re("\\\\b\(\?:(applicable[a-z_|]*)\)\\\\b")re")));
  const std::set<std::string> expected = words(match[1]);

  const std::string script =
      edict::testing::fileText(std::string(EDICT_SOURCE_DIR) + "/playground/assets/highlight.js");
  const std::size_t begin = script.find("const KEYWORDS =");
  REQUIRE(begin != std::string::npos);
  const std::string declaration = script.substr(begin, script.find(';', begin) - begin);
  std::string joined;
  const std::regex quoted("\"([a-z_|]*)\"");
  for (auto it = std::sregex_iterator(declaration.begin(), declaration.end(), quoted);
       it != std::sregex_iterator(); ++it)
    joined += (*it)[1];
  CHECK(words(joined) == expected);
  CHECK(expected.size() > 50);
}
