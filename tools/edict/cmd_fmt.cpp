// `edict fmt FILE...`: rewrites ruleset files in the canonical layout;
// `--check` only reports the files that are not in it (for CI).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "frontend/diag/render.h"
#include "frontend/format/formatter.h"

namespace edict::cli {

namespace {

struct FmtOptions {
  std::vector<std::string> files;
  bool check = false;
  bool toStdout = false;
};

int runFmt(const FmtOptions& options) {
  bool errors = false;
  std::size_t unformatted = 0;
  for (const std::string& path : options.files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("edict fmt: cannot open `{}`\n", path);
      errors = true;
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    in.close();
    const source::SourceFile file(path, text.str());
    diag::DiagnosticSink sink;
    auto formatted = format::formatRuleset(file, sink);
    for (const diag::Diagnostic& d : sink.all()) std::cerr << diag::renderText(d, &file);
    if (!formatted) {
      std::cerr << fmt::format("edict fmt: `{}` has syntax errors; it was not changed\n", path);
      errors = true;
      continue;
    }
    if (options.toStdout) {
      std::cout << *formatted;
      continue;
    }
    if (*formatted == file.text()) continue;
    ++unformatted;
    if (options.check) {
      std::cout << fmt::format("{}: not in the canonical layout\n", path);
      continue;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << *formatted;
    if (!out) {
      std::cerr << fmt::format("edict fmt: cannot write `{}`\n", path);
      errors = true;
      continue;
    }
    std::cout << fmt::format("formatted {}\n", path);
  }
  if (errors) return kUsage;
  return options.check && unformatted > 0 ? kFindings : kSuccess;
}

}  // namespace

void registerFmt(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fmt",
      "Rewrite ruleset files in the one canonical layout (statements at the left margin, two "
      "spaces of indentation, one space between words, comments kept). Formatting twice changes "
      "nothing. A file with syntax errors is reported and left alone. Exit status: 0 done (or, "
      "with --check, all files already formatted), 1 some files are not formatted (--check), "
      "2 usage or syntax errors.");
  cmd->add_option("files", options->files, "Ruleset files to format in place")
      ->required()
      ->type_name("FILE");
  cmd->add_flag("--check", options->check,
                "Change nothing; list the files that are not in the canonical layout and exit 1 "
                "if there are any (for CI)");
  cmd->add_flag("--stdout", options->toStdout,
                "Print the formatted text instead of rewriting files");
  cmd->callback([options, &exitStatus] { exitStatus = runFmt(*options); });
}

}  // namespace edict::cli
