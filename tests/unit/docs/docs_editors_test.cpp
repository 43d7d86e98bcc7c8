// docs/editors.md: its table names every capability the language server
// announces; the Neovim configuration it shows works, run headless in
// Debian's Neovim against the real `edict lsp` (a diagnostic, a hover); and
// the VS Code extension it describes starts `edict lsp`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "editor/lsp/server/server.h"
#include "support/scratch.h"

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The first fenced block of `language` in `markdown`.
std::string fencedBlock(const std::string& markdown, const std::string& language) {
  const std::string open = "```" + language + "\n";
  const std::size_t begin = markdown.find(open);
  if (begin == std::string::npos) return {};
  const std::size_t end = markdown.find("\n```", begin + open.size());
  return markdown.substr(begin + open.size(), end - begin - open.size() + 1);
}

const std::string kDoc = std::string(EDICT_SOURCE_DIR) + "/docs/editors.md";

}  // namespace

TEST_CASE("docs/editors.md names every capability the server announces", "[docs][lsp]") {
  std::vector<edict::lsp::rpc::Json> sent;
  std::ostringstream log;
  edict::lsp::Server server([&](const edict::lsp::rpc::Json& m) { sent.push_back(m); }, log);
  server.handle(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  REQUIRE(sent.size() == 1);
  const std::string doc = readFile(kDoc);
  for (const auto& [name, value] : sent[0]["result"]["capabilities"].items()) {
    if (name == "positionEncoding") continue;  // said in prose: UTF-16
    INFO(name);
    CHECK(doc.find("| `" + name + "` |") != std::string::npos);
  }
  CHECK(doc.find("UTF-16") != std::string::npos);
}

TEST_CASE("the Neovim configuration of docs/editors.md works in Neovim", "[docs][lsp][nvim]") {
  const std::string config = fencedBlock(readFile(kDoc), "lua");
  REQUIRE(config.find("\"edict\", \"lsp\"") != std::string::npos);
  edict::testing::ScratchDir scratch("nvim");
  const fs::path& dir = scratch.path();
  std::ofstream(dir / "init.lua") << config;
  std::ofstream(dir / "typo.edict")
      << "ruleset t\ncodes timed = 97110\nrule r: when line.code in timd deny line reason CO-4\n"
         "rule s: when line.code in timed deny line reason CO-4\n";
  // Wait (bounded) for the diagnostics, then ask for a hover on `timed`.
  std::ofstream(dir / "probe.lua") << R"(
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local d = vim.diagnostic.get(0)[1]
if ok and d then io.stdout:write(string.format("diagnostic %s %d:%d\n", tostring(d.code), d.lnum, d.col)) end
local params = { textDocument = vim.lsp.util.make_text_document_params(), position = { line = 3, character = 28 } }
local answers = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}
for _, answer in pairs(answers) do
  if answer.result then io.stdout:write("hover " .. answer.result.contents.value:gsub("\n.*", "") .. "\n") end
end
vim.cmd("qa!")
)";
  const std::string edictDir = fs::path(EDICT_BINARY).parent_path().string();
  const std::string out =
      edict::testing::commandOutput("cd '" + dir.string() + "' && PATH='" + edictDir +
                                    "':\"$PATH\" timeout 60 nvim --headless --clean -u init.lua "
                                    "typo.edict -c 'luafile probe.lua' 2>&1");
  INFO(out);
  CHECK(out.find("diagnostic E0201 2:26") != std::string::npos);
  CHECK(out.find("hover **code set `timed`**") != std::string::npos);
}

TEST_CASE("the VS Code extension starts `edict lsp` for edict files", "[docs][lsp]") {
  const fs::path ext = fs::path(EDICT_SOURCE_DIR) / "tools/editors/vscode";
  const std::string package = readFile(ext / "package.json");
  CHECK(package.find("\"main\": \"./extension.js\"") != std::string::npos);
  CHECK(package.find("\"onLanguage:edict\"") != std::string::npos);
  CHECK(package.find("\"edict.server.path\"") != std::string::npos);
  const std::string client = readFile(ext / "extension.js");
  CHECK(client.find("args: ['lsp']") != std::string::npos);
  CHECK(client.find("language: 'edict'") != std::string::npos);
  CHECK(fs::exists(ext / "package-lock.json"));
  CHECK(readFile(kDoc).find("edict.server.path") != std::string::npos);
}
