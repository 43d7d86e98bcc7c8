// `edict check FILE...`: reports every diagnostic of each ruleset file.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "core/version.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"

namespace edict::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool warningsAreErrors = false;
};

int runCheck(const CheckOptions& options) {
  std::vector<diag::Diagnostic> all;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const std::string& path : options.files) {
    diag::DiagnosticSink sink;
    driver::Compilation compilation = driver::compileFile(path, sink);
    errors += sink.errorCount();
    warnings += sink.warningCount();
    if (options.format == "text")
      for (const diag::Diagnostic& d : sink.all())
        std::cout << diag::renderText(d, compilation.file(d.file));
    all.insert(all.end(), sink.all().begin(), sink.all().end());
  }
  if (options.format == "json") {
    std::cout << diag::renderJson(all);
  } else if (options.format == "sarif") {
    std::cout << diag::renderSarif(all, kEdictVersion);
  } else {
    std::cerr << "edict check: " << options.files.size()
              << (options.files.size() == 1 ? " file, " : " files, ") << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning\n" : " warnings\n");
  }
  const bool failed = errors > 0 || (options.warningsAreErrors && warnings > 0);
  return failed ? kFindings : kSuccess;
}

}  // namespace

void registerCheck(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check ruleset files and print every diagnostic: file:line:col, code, message, the source "
      "line with a caret, and help where a fix is known. Exit status: 0 no errors, 1 errors "
      "found, 2 usage error.");
  cmd->add_option("files", options->files, "Ruleset files (.edict) to check")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--format", options->format,
                  "Output format: `text` for people; `json` for tools (an array of "
                  "{code, severity, file, line, column, length, message, help}); `sarif` "
                  "(SARIF 2.1.0, for CI systems that read static-analysis results)")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_flag("--warnings-as-errors", options->warningsAreErrors,
                "Exit with status 1 when there are warnings, too");
  cmd->callback([options, &exitStatus] { exitStatus = runCheck(*options); });
}

}  // namespace edict::cli
