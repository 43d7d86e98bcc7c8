// `edict history migrate|import|export|stats`: the claim history outside a
// run (docs/history.md): bring its schema up to date, import a vendor's
// paid lines, export the recorded lines, count what it holds.
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "core/text/counted.h"
#include "history/open/open_history.h"
#include "history/transfer/import_lines.h"
#include "history/transfer/paid_line_reader.h"
#include "history/transfer/paid_line_text.h"

namespace edict::cli {

namespace {

struct HistoryVerbOptions {
  std::string location;
  std::vector<std::string> files;
  std::string format = "auto";
  std::string output;
};

/// Runs `verb` on the opened store; a store error is exit status 2.
template <typename Body>
int withStore(const HistoryVerbOptions& options, std::string_view verb,
              history::SchemaPolicy policy, bool readOnly, const Body& body) {
  const std::string prefix = fmt::format("edict history {}", verb);
  try {
    const auto store = history::openHistory(options.location, policy, readOnly);
    return body(*store, prefix);
  } catch (const run::HistoryError& e) {
    std::cerr << fmt::format("{}: {}\n", prefix, e.what());
    return kUsage;
  }
}

int migrate(const HistoryVerbOptions& options) {
  return withStore(options, "migrate", history::SchemaPolicy::Migrate, false,
                   [](history::HistoryStore& store, const std::string& prefix) {
                     std::cout << fmt::format("{}: {} is at schema version {}\n", prefix,
                                              store.describe(), store.stats().schemaVersion);
                     return kSuccess;
                   });
}

history::PaidLineFormat formatOf(const std::string& option, const std::string& path) {
  if (option == "csv") return history::PaidLineFormat::Csv;
  if (option == "jsonl") return history::PaidLineFormat::Jsonl;
  const bool csv = path.size() >= 4 && (path.ends_with(".csv") || path.ends_with(".CSV"));
  return csv ? history::PaidLineFormat::Csv : history::PaidLineFormat::Jsonl;
}

int importFiles(const HistoryVerbOptions& options) {
  // Every file must open before anything is imported.
  std::vector<std::unique_ptr<std::ifstream>> files;
  for (const std::string& path : options.files) {
    auto file = std::make_unique<std::ifstream>();
    if (path != "-") {
      file->open(path, std::ios::binary);
      if (!*file) {
        std::cerr << fmt::format("edict history import: cannot open `{}`\n", path);
        return kUsage;
      }
    }
    files.push_back(std::move(file));
  }
  return withStore(options, "import", history::SchemaPolicy::CreateIfEmpty, false,
                   [&](history::HistoryStore& store, const std::string& prefix) {
                     int status = kSuccess;
                     for (std::size_t i = 0; i < options.files.size(); ++i) {
                       const std::string& path = options.files[i];
                       const std::string name = path == "-" ? "<stdin>" : path;
                       std::istream& in = path == "-" ? std::cin : *files[i];
                       auto reader = history::openPaidLines(in, formatOf(options.format, path));
                       const history::ImportSummary summary = history::importPaidLines(
                           *reader, store, name, [&](const std::string& message) {
                             std::cerr << prefix << ": " << message << "\n";
                           });
                       if (const std::string fatal = reader->fatalError(); !fatal.empty()) {
                         std::cerr << fmt::format("{}: {}: {}\n", prefix, name, fatal);
                         status = kFindings;
                       }
                       std::cerr << fmt::format("{}: {}: {}\n", prefix, name, summary.describe());
                       if (summary.recordsRejected > 0) status = kFindings;
                     }
                     return status;
                   });
}

int exportLines(const HistoryVerbOptions& options) {
  std::ofstream file;
  if (!options.output.empty() && options.output != "-") {
    file.open(options.output, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("edict history export: cannot write `{}`\n", options.output);
      return kUsage;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  const bool csv = formatOf(options.format, options.output) == history::PaidLineFormat::Csv;
  return withStore(options, "export", history::SchemaPolicy::Existing, true,
                   [&](history::HistoryStore& store, const std::string& prefix) {
                     std::uint64_t lines = 0;
                     if (csv) out << history::paidLineCsvHeader();
                     store.exportLines([&](const history::PaidLine& paid) {
                       out << (csv ? history::paidLineCsv(paid) : history::paidLineJson(paid));
                       ++lines;
                     });
                     out.flush();
                     if (!out) {
                       std::cerr << prefix << ": writing the lines failed\n";
                       return static_cast<int>(kUsage);
                     }
                     std::cerr << fmt::format(
                         "{}: {}\n", prefix,
                         text::counted(static_cast<std::int64_t>(lines), "line"));
                     return static_cast<int>(kSuccess);
                   });
}

int stats(const HistoryVerbOptions& options) {
  return withStore(
      options, "stats", history::SchemaPolicy::Existing, true,
      [](history::HistoryStore& store, const std::string&) {
        const history::HistoryStats s = store.stats();
        std::uint64_t claims = 0;
        for (std::uint64_t n : s.claims) claims += n;
        std::cout << fmt::format(
            "history: {}\nschema version: {}\nclaims: {} ({} active, {} replaced, {} voided, {} "
            "void)\nlines: {}\npatients: {}\n",
            store.describe(), s.schemaVersion, claims, s.claims[0], s.claims[1], s.claims[2],
            s.claims[3], s.lines, s.patients);
        return kSuccess;
      });
}

CLI::Option* locationOption(CLI::App& cmd, HistoryVerbOptions& options) {
  return cmd
      .add_option("--history", options.location,
                  "The history: `sqlite:PATH` or a PostgreSQL URI `postgresql://user@host/db`")
      ->required()
      ->type_name("LOCATION")
      ->check([](const std::string& location) { return history::checkLocation(location); });
}

}  // namespace

void registerHistory(CLI::App& app, int& exitStatus) {
  CLI::App* cmd = app.add_subcommand(
      "history",
      "The claim history that `edict run --history` keeps (docs/history.md): `migrate` brings "
      "its schema up to date, `import` records a file of paid lines, `export` writes the "
      "recorded lines, `stats` counts what it holds. Exit status: 0 success, 1 some records "
      "could not be imported, 2 usage errors or a history that cannot be used.");
  cmd->require_subcommand(1);

  auto migrateOptions = std::make_shared<HistoryVerbOptions>();
  CLI::App* migrateCmd = cmd->add_subcommand(
      "migrate",
      "Create the history's schema, or apply the migrations it lacks, in one transaction; a "
      "history with a newer schema than this edict knows is refused");
  locationOption(*migrateCmd, *migrateOptions);
  migrateCmd->callback([migrateOptions, &exitStatus] { exitStatus = migrate(*migrateOptions); });

  auto importOptions = std::make_shared<HistoryVerbOptions>();
  CLI::App* importCmd = cmd->add_subcommand(
      "import",
      "Record files of paid lines (a vendor's history, or `edict history export`'s output): "
      "one line per record, JSON Lines or CSV with the fields payer, claim, line, patient, "
      "code, modifiers, date, provider, billed_units, allowed_units, action. The records of "
      "one claim are consecutive; a claim the history knows is left as it is; a record that "
      "cannot be read leaves its claim out, with a message naming it");
  locationOption(*importCmd, *importOptions);
  importCmd
      ->add_option("files", importOptions->files, "Files of paid lines; `-` reads standard input")
      ->required()
      ->type_name("FILE");
  importCmd
      ->add_option("--format", importOptions->format,
                   "`jsonl` or `csv`; `auto` takes CSV for a name ending in .csv, else JSON Lines")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}))
      ->capture_default_str();
  importCmd->callback([importOptions, &exitStatus] { exitStatus = importFiles(*importOptions); });

  auto exportOptions = std::make_shared<HistoryVerbOptions>();
  CLI::App* exportCmd = cmd->add_subcommand(
      "export",
      "Write every recorded line of the claims the history holds (not those replaced or "
      "voided), ordered by payer, claim and line, in the format `import` reads");
  locationOption(*exportCmd, *exportOptions);
  exportCmd
      ->add_option("-o,--output", exportOptions->output, "Write to FILE instead of standard output")
      ->type_name("FILE");
  exportCmd
      ->add_option("--format", exportOptions->format,
                   "`jsonl` or `csv`; `auto` takes CSV for an output name ending in .csv, else "
                   "JSON Lines")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}))
      ->capture_default_str();
  exportCmd->callback([exportOptions, &exitStatus] { exitStatus = exportLines(*exportOptions); });

  auto statsOptions = std::make_shared<HistoryVerbOptions>();
  CLI::App* statsCmd = cmd->add_subcommand(
      "stats",
      "Count the history's claims by status, its lines and patients, and say its schema version");
  locationOption(*statsCmd, *statsOptions);
  statsCmd->callback([statsOptions, &exitStatus] { exitStatus = stats(*statsOptions); });
}

}  // namespace edict::cli
