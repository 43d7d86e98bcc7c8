// docs/cli.md documents every verb of `edict` and every option of each.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "support/scratch.h"

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string helpOf(const std::string& verb) {
  return edict::testing::commandOutput(std::string(EDICT_BINARY) + " " + verb + " --help");
}

}  // namespace

TEST_CASE("docs/cli.md covers every verb and every option of its --help", "[docs][cli]") {
  const std::string doc = readFile(std::string(EDICT_SOURCE_DIR) + "/docs/cli.md");
  for (const char* verb : {"check",
                           "compile",
                           "run",
                           "serve",
                           "worker",
                           "submit",
                           "collect",
                           "reload-workers",
                           "test",
                           "fmt",
                           "explain",
                           "import",
                           "import ptp",
                           "import mue",
                           "lsp",
                           "playground",
                           "history",
                           "history migrate",
                           "history import",
                           "history export",
                           "history stats"}) {
    INFO(verb);
    CHECK(doc.find(std::string("edict ") + verb) != std::string::npos);
    const std::string help = helpOf(verb);
    REQUIRE_FALSE(help.empty());
    // Every long option of the verb's --help appears in the docs.
    const std::regex option("--[a-z][a-z-]+");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it) {
      const std::string name = it->str();
      if (name == "--help") continue;
      INFO(name);
      CHECK(doc.find(name) != std::string::npos);
    }
  }
}
