// `edict import ptp|mue`: turns CMS NCCI files into edict's normalized TSV
// tables (docs/tables.md), optionally keeping only the rows of given codes.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "tables/cms_mue_reader.h"
#include "tables/cms_ptp_reader.h"
#include "tables/code_filter.h"
#include "tables/tsv_tables.h"

namespace edict::cli {

namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string output;
  std::string codes;
  std::string codesFile;
  std::string effective;
};

// Thrown for usage errors found after CLI11's own checks; exit status 2.
struct UsageError {
  std::string message;
};

std::optional<tables::CodeFilter> loadFilter(const ImportOptions& options) {
  std::string text = options.codes;
  if (!options.codesFile.empty()) {
    std::ifstream in(options.codesFile, std::ios::binary);
    if (!in) throw UsageError{fmt::format("cannot open the codes file `{}`", options.codesFile)};
    std::ostringstream content;
    content << in.rdbuf();
    text = content.str();
  } else if (options.codes.empty()) {
    return std::nullopt;
  }
  auto parsed = tables::CodeFilter::parse(text);
  if (auto* error = std::get_if<std::string>(&parsed))
    throw UsageError{
        fmt::format("{}: {}", options.codesFile.empty() ? "--codes" : options.codesFile, *error)};
  return std::get<tables::CodeFilter>(std::move(parsed));
}

std::ifstream openInput(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError{fmt::format("cannot open `{}`", path)};
  return in;
}

// Writes through a temporary file renamed into place, so that a failed or
// interrupted import never leaves a half-written table where a ruleset
// expects a whole one. `-` writes to standard output.
template <typename Write>
void writeOutput(const std::string& path, Write write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    return;
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw UsageError{fmt::format("cannot write `{}`", temporary)};
    write(out);
    out.flush();
    if (!out) throw UsageError{fmt::format("cannot write `{}`", temporary)};
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) throw UsageError{fmt::format("cannot write `{}`: {}", path, error.message())};
}

void printProblems(const tables::ProblemLog& problems) {
  for (const tables::Problem& p : problems.kept()) std::cerr << tables::formatProblem(p) << "\n";
  if (problems.total() > problems.kept().size())
    std::cerr << fmt::format("{}: ... and {} more problems\n", problems.file(),
                             problems.total() - problems.kept().size());
}

std::string count(std::uint64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

struct Tally {
  std::uint64_t read = 0;
  std::uint64_t kept = 0;
  std::uint64_t filtered = 0;
  std::uint64_t problems = 0;

  std::string describe(std::size_t files, bool filtering) const {
    std::string text = fmt::format("{}, {} read, {} kept", count(files, "file", "files"),
                                   count(read, "row", "rows"), kept);
    if (filtering) text += fmt::format(", {} left out by the code filter", filtered);
    return text + ", " + count(problems, "problem", "problems");
  }
};

int importPtp(const ImportOptions& options) {
  const std::optional<tables::CodeFilter> filter = loadFilter(options);
  tables::PtpRows out;
  Tally tally;
  for (const std::string& path : options.files) {
    std::ifstream in = openInput(path);
    const tables::PtpRead read = tables::readCmsPtp(in, path);
    printProblems(read.problems);
    tally.read += read.records;
    tally.problems += read.problems.total();
    for (tables::PtpRow row : read.table.rows) {
      if (filter && !(filter->contains(row.column1) && filter->contains(row.column2))) {
        ++tally.filtered;
        continue;
      }
      row.rationale = out.rationales.intern(read.table.rationaleOf(row));
      out.rows.push_back(row);
    }
  }
  tally.kept = out.rows.size();
  writeOutput(options.output, [&](std::ostream& o) { tables::writePtpTsv(o, out); });
  std::cerr << "edict import ptp: " << tally.describe(options.files.size(), filter.has_value())
            << "\n";
  return tally.problems > 0 ? kFindings : kSuccess;
}

int importMue(const ImportOptions& options) {
  const std::string& path = options.files.front();
  const std::optional<tables::CodeFilter> filter = loadFilter(options);
  std::optional<model::Date> effective = tables::mueEffectiveFromFileName(path);
  if (!options.effective.empty()) {
    const auto given = model::Date::parseIso(options.effective);
    if (!given)
      throw UsageError{
          fmt::format("--effective `{}` is not a date in the form YYYY-MM-DD", options.effective)};
    if (effective && *effective != *given)
      std::cerr << fmt::format(
          "edict import mue: using --effective {} instead of {} from the file name\n", given->iso(),
          effective->iso());
    effective = given;
  }
  if (!effective)
    throw UsageError{
        fmt::format("the file name `{}` does not carry the effective date (CMS names its files "
                    "`..._Eff_MM-DD-YYYY.csv`); give it with --effective YYYY-MM-DD",
                    path)};

  std::ifstream in = openInput(path);
  tables::MueRead read = tables::readCmsMue(in, path, effective);
  printProblems(read.problems);
  Tally tally;
  tally.read = read.records;
  tally.problems = read.problems.total();
  if (filter) {
    std::erase_if(read.table.rows, [&](const tables::MueRow& row) {
      const bool leave = !filter->contains(row.code);
      tally.filtered += leave;
      return leave;
    });
  }
  tally.kept = read.table.rows.size();
  writeOutput(options.output, [&](std::ostream& o) { tables::writeMueTsv(o, read.table); });
  std::cerr << "edict import mue: " << tally.describe(1, filter.has_value()) << ", effective "
            << effective->iso() << "\n";
  return tally.problems > 0 ? kFindings : kSuccess;
}

int runGuarded(int (*import)(const ImportOptions&), const ImportOptions& options,
               const char* verb) {
  try {
    return import(options);
  } catch (const UsageError& e) {
    std::cerr << "edict import " << verb << ": " << e.message << "\n";
    return kUsage;
  }
}

void addCodeOptions(CLI::App* cmd, ImportOptions& options) {
  CLI::Option* codes = cmd->add_option(
      "--codes", options.codes,
      "Keep only rows whose codes are all in LIST: codes and inclusive ranges separated by "
      "commas or spaces, e.g. `97010..97799,98940..98943,G0283` (ranges follow code text "
      "order, as in the language)");
  codes->type_name("LIST");
  CLI::Option* file = cmd->add_option(
      "--codes-file", options.codesFile,
      "Like --codes, with the list read from FILE (codes and ranges separated by commas, "
      "spaces or line breaks; `#` starts a comment)");
  file->type_name("FILE");
  codes->excludes(file);
}

}  // namespace

void registerImport(CLI::App& app, int& exitStatus) {
  CLI::App* import = app.add_subcommand(
      "import",
      "Convert CMS NCCI files (PTP pairs, MUE limits) into edict's UTF-8 TSV tables, which "
      "rulesets import. Problems in the input are printed as FILE:LINE: FIELD: MESSAGE; the "
      "rows with problems are left out and the rest is written. A summary goes to standard "
      "error. Exit status: 0 no problems, 1 problems found in the input, 2 usage error (or "
      "a file that cannot be opened or written). Formats: docs/tables.md.");
  import->require_subcommand(1);

  auto ptp = std::make_shared<ImportOptions>();
  CLI::App* ptpCmd = import->add_subcommand(
      "ptp",
      "Import CMS NCCI procedure-to-procedure files (e.g. the practitioner quarter "
      "ccipra-v322r0-f1.TXT ... f4.TXT: tab-separated Latin-1 text) into one PTP table with "
      "the columns column1, column2, indicator, effective, deletion, rationale.");
  ptpCmd->add_option("files", ptp->files, "CMS PTP files, read in order")
      ->required()
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  ptpCmd->add_option("-o,--output", ptp->output, "The TSV table to write; `-` for standard output")
      ->required()
      ->type_name("OUT.tsv");
  addCodeOptions(ptpCmd, *ptp);
  ptpCmd->footer(
      "Example:\n"
      "  edict import ptp ccipra-v322r0-f1.TXT ccipra-v322r0-f2.TXT ccipra-v322r0-f3.TXT \\\n"
      "      ccipra-v322r0-f4.TXT --codes 97010..97799,98940..98943 -o tables/ptp_therapy.tsv");
  ptpCmd->callback([ptp, &exitStatus] { exitStatus = runGuarded(importPtp, *ptp, "ptp"); });

  auto mue = std::make_shared<ImportOptions>();
  CLI::App* mueCmd = import->add_subcommand(
      "mue",
      "Import a CMS MUE file (e.g. MCR_MUE_PractitionerServices_Eff_07-01-2026.csv: Latin-1 "
      "CSV) into an MUE table with the columns code, value, indicator, effective, rationale. "
      "The effective date comes from the file name unless --effective gives it.");
  mueCmd->add_option("file", mue->files, "The CMS MUE file")
      ->required()
      ->expected(1)
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  mueCmd->add_option("-o,--output", mue->output, "The TSV table to write; `-` for standard output")
      ->required()
      ->type_name("OUT.tsv");
  mueCmd
      ->add_option("--effective", mue->effective,
                   "First date of service of the values, YYYY-MM-DD; needed when the file "
                   "name does not end in CMS's `_Eff_MM-DD-YYYY.csv`, and wins over it")
      ->type_name("DATE");
  addCodeOptions(mueCmd, *mue);
  mueCmd->footer(
      "Example:\n"
      "  edict import mue MCR_MUE_PractitionerServices_Eff_07-01-2026.csv \\\n"
      "      --codes 97010..97799 -o tables/mue_therapy.tsv");
  mueCmd->callback([mue, &exitStatus] { exitStatus = runGuarded(importMue, *mue, "mue"); });
}

}  // namespace edict::cli
