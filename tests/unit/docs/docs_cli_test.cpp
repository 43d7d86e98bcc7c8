// docs/cli.md documents every verb of `edict` and every option of each.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string helpOf(const std::string& verb) {
  const std::string command = std::string(EDICT_BINARY) + " " + verb + " --help";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buffer{};
  while (pipe && std::fgets(buffer.data(), buffer.size(), pipe.get()) != nullptr)
    out += buffer.data();
  return out;
}

}  // namespace

TEST_CASE("docs/cli.md covers every verb and every option of its --help", "[docs][cli]") {
  const std::string doc = readFile(std::string(EDICT_SOURCE_DIR) + "/docs/cli.md");
  for (const char* verb : {"check", "compile", "run", "serve", "test", "fmt", "explain", "import",
                           "import ptp", "import mue"}) {
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
