// `edict compile FILE...`: compiles rulesets into artifacts that `edict run`
// loads without parsing, checking or generating code (docs/artifacts.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "backends/artifact/artifact_file.h"
#include "backends/jit/jit_engine.h"
#include "backends/jit/native_object.h"
#include "commands.h"
#include "core/text/counted.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"
#include "service/catalogue/ruleset_loader.h"

namespace edict::cli {

namespace {

struct CompileOptions {
  std::vector<std::string> files;
  std::string output;
  std::string cpu = "host";
};

/// `dir/name.edict` becomes `dir/name.edictc`.
std::string defaultOutput(const std::string& source) {
  return std::filesystem::path(source).replace_extension(".edictc").string();
}

/// What the artifact holds, for the one line printed per file.
std::string describe(const artifact::Artifact& a, std::size_t bytes) {
  std::size_t pairRows = 0;
  std::size_t mueRows = 0;
  for (const auto& t : a.program.pairTables) pairRows += t.rows.size();
  for (const auto& t : a.program.mueTables) mueRows += t.rows.size();
  return fmt::format(
      "{}, {}, {}, {} KiB of code for `{}` on {}; {} KiB",
      text::counted(static_cast<std::int64_t>(a.program.rules.size()), "rule"),
      text::counted(static_cast<std::int64_t>(pairRows), "PTP row"),
      text::counted(static_cast<std::int64_t>(mueRows), "MUE row"), (a.object.size() + 1023) / 1024,
      a.target.cpu.empty() ? "generic" : a.target.cpu, a.target.triple, (bytes + 1023) / 1024);
}

/// Compiles one file; false after printing why not.
bool compileOne(const std::string& source, const std::string& output, jit::CpuChoice cpu) {
  diag::DiagnosticSink sink;
  driver::Compilation compilation = driver::compileFile(source, sink);
  for (const diag::Diagnostic& d : sink.all())
    std::cerr << diag::renderText(d, compilation.file(d.file));
  if (!compilation.program) {
    std::cerr << fmt::format("edict compile: `{}` has errors; nothing was written\n", source);
    return false;
  }
  try {
    artifact::Artifact out;
    out.compiler = jit::compilerIdentity();
    std::vector<std::string> files;
    for (const auto& [path, file] : compilation.files) files.push_back(path);
    out.sources = service::stampInputs(files, *compilation.program);
    jit::NativeObject native = jit::compileObject(*compilation.program, cpu);
    out.target = std::move(native.target);
    out.object = std::move(native.bytes);
    out.program = std::move(*compilation.program);
    const std::string bytes = artifact::encodeArtifact(out);
    artifact::writeArtifactFile(output, bytes);
    std::cerr << fmt::format("edict compile: wrote {} ({})\n", output, describe(out, bytes.size()));
    return true;
  } catch (const artifact::ArtifactError& e) {
    std::cerr << "edict compile: " << e.what() << "\n";
  } catch (const jit::JitError& e) {
    std::cerr << fmt::format("edict compile: LLVM failed on `{}`: {}\n", source, e.what());
  }
  return false;
}

int runCompile(const CompileOptions& options) {
  if (!options.output.empty() && options.files.size() > 1) {
    std::cerr << "edict compile: -o names one artifact, and " << options.files.size()
              << " rulesets were given; leave -o out to write each next to its ruleset\n";
    return kUsage;
  }
  const jit::CpuChoice cpu =
      options.cpu == "generic" ? jit::CpuChoice::Generic : jit::CpuChoice::Host;
  bool ok = true;
  for (const std::string& file : options.files)
    ok = compileOne(file, options.output.empty() ? defaultOutput(file) : options.output, cpu) && ok;
  return ok ? kSuccess : kUsage;
}

}  // namespace

void registerCompile(CLI::App& app, int& exitStatus) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compile",
      "Compile rulesets into artifacts (`NAME.edictc`) that `edict run -r` loads without "
      "parsing, checking or generating code: the compiled rules with their PTP and MUE tables, "
      "and the predicates as native code. `edict run` refuses an artifact, saying why, when it "
      "is damaged, was written by another version of edict or LLVM, was compiled for a CPU "
      "whose features this machine lacks (JIT only), or when a file it was compiled from (a "
      "ruleset or a table) has changed since. Exit status: 0 written, 2 usage or ruleset errors.");
  cmd->add_option("files", options->files, "Ruleset files (.edict) to compile")
      ->required()
      ->type_name("FILE");
  cmd->add_option("-o,--output", options->output,
                  "Write the artifact to FILE (one ruleset only); by default each goes next to "
                  "its ruleset, with the extension `.edictc`")
      ->type_name("FILE");
  cmd->add_option("--cpu", options->cpu,
                  "Compile the native code for `host` (this machine's CPU and all its features: "
                  "fastest) or `generic` (the baseline of this architecture: loads on any of "
                  "its CPUs)")
      ->check(CLI::IsMember({"host", "generic"}))
      ->capture_default_str();
  cmd->callback([options, &exitStatus] { exitStatus = runCompile(*options); });
}

}  // namespace edict::cli
