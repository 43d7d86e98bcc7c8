#include "playground/workspace.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace edict::playground {

namespace {

/// The text of `path`; false with the reason.
bool readFile(const std::string& path, const char* what, std::string& text, std::string& error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = fmt::format("the {} `{}` is a directory", what, path);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = fmt::format("cannot open the {} `{}`", what, path);
    return false;
  }
  std::ostringstream content;
  content << in.rdbuf();
  text = std::move(content).str();
  return true;
}

}  // namespace

std::optional<WorkspaceFiles> openFiles(const std::string& rulesetPath,
                                        const std::string& claimsPath, std::size_t maxBody,
                                        std::string& error) {
  WorkspaceFiles files{{rulesetPath, {}}, {claimsPath, {}}};
  if (!readFile(rulesetPath, "ruleset", files.ruleset.text, error)) return std::nullopt;
  if (!readFile(claimsPath, "claims file", files.claims.text, error)) return std::nullopt;
  // The page sends both back in one request, JSON-escaped: a quote takes
  // two bytes there.
  const std::size_t bytes = files.ruleset.text.size() + files.claims.text.size();
  if (bytes > maxBody / 2) {
    error = fmt::format(
        "the ruleset and the claims file have {} bytes together; the playground takes at most "
        "{} (half of --max-body, as the page sends them back escaped)",
        bytes, maxBody / 2);
    return std::nullopt;
  }
  return files;
}

driver::Compilation Workspace::compile(std::string text, diag::DiagnosticSink& sink,
                                       bool lower) const {
  driver::Inputs inputs;
  inputs.tables = &tables_;
  inputs.lower = lower;
  return driver::compileText(files_.ruleset.path, std::move(text), sink, inputs);
}

}  // namespace edict::playground
