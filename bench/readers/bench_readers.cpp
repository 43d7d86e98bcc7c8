// Reader throughput: writes N generated claims in each input format (JSON
// Lines, CSV, X12 837P, FHIR NDJSON), then times each reader reading its
// file to the end, best of several runs, and prints MB/s and claims/s.
//
//   edict_bench_readers [--claims N] [--runs R] [--dir DIR] [--only FORMAT] [--reuse]
//
// `--only` times one reader; `--reuse` reads the files a previous run left in
// DIR instead of writing them again (for profiling one reader).
// The files are read from the page cache (they were just written), so the
// figures are the readers' own cost, not the disk's.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "claim_generator.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"
#include "runtime/write/claim_text.h"

namespace {

using edict::read::InputFormat;

struct Options {
  std::size_t claims = 200000;
  int runs = 3;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "edict-bench-readers";
  std::string only;
  bool reuse = false;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    const bool hasValue = i + 1 < argc;
    if (flag == "--reuse")
      options.reuse = true;
    else if (flag == "--claims" && hasValue)
      options.claims = std::strtoull(argv[++i], nullptr, 10);
    else if (flag == "--runs" && hasValue)
      options.runs = std::atoi(argv[++i]);
    else if (flag == "--dir" && hasValue)
      options.dir = argv[++i];
    else if (flag == "--only" && hasValue)
      options.only = argv[++i];
    else {
      std::cerr << "usage: edict_bench_readers [--claims N] [--runs R] [--dir DIR] [--only "
                   "jsonl|csv|x12|fhir] [--reuse]\n";
      std::exit(2);
    }
  }
  return options;
}

/// Writes the claims in every format; returns the file of each.
void writeFiles(const Options& options) {
  const auto claims = edict::bench::generateClaims(options.claims, 2026);
  std::filesystem::create_directories(options.dir);
  std::ofstream jsonl(options.dir / "claims.jsonl", std::ios::binary);
  std::ofstream csv(options.dir / "claims.csv", std::ios::binary);
  std::ofstream fhir(options.dir / "claims.fhir.ndjson", std::ios::binary);
  std::ofstream x12(options.dir / "claims.837", std::ios::binary);
  csv << edict::write::claimCsvHeader();
  edict::write::X12ClaimWriter x12Writer(x12, 5000);
  for (const auto& claim : claims) {
    jsonl << edict::write::claimToJsonLine(claim);
    csv << edict::write::claimToCsvRows(claim);
    fhir << edict::write::claimToFhirLine(claim);
    x12Writer.add(claim);
  }
  x12Writer.finish();
}

struct Measure {
  double seconds = 0;
  std::size_t claims = 0;
  std::size_t rejects = 0;
};

Measure readOnce(const std::filesystem::path& file, InputFormat format) {
  std::ifstream source(file, std::ios::binary);
  edict::read::InputStream in(source);
  const auto start = std::chrono::steady_clock::now();
  auto reader = edict::read::openReader(format, in, file.string());
  Measure m;
  edict::read::ReadItem item;
  while (reader->next(item)) {
    if (std::holds_alternative<edict::model::Claim>(item))
      ++m.claims;
    else
      ++m.rejects;
  }
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  if (!options.reuse) {
    std::cerr << fmt::format("writing {} claims in each format to {}\n", options.claims,
                             options.dir.string());
    writeFiles(options);
  }
  const std::pair<const char*, InputFormat> formats[] = {{"claims.jsonl", InputFormat::Jsonl},
                                                         {"claims.csv", InputFormat::Csv},
                                                         {"claims.837", InputFormat::X12},
                                                         {"claims.fhir.ndjson", InputFormat::Fhir}};
  std::cout << fmt::format("{:<8} {:>10} {:>10} {:>9} {:>8} {:>12}\n", "format", "MB", "claims",
                           "seconds", "MB/s", "claims/s");
  int status = 0;
  for (const auto& [name, format] : formats) {
    if (!options.only.empty() && options.only != edict::read::formatName(format)) continue;
    const auto file = options.dir / name;
    const double megabytes = static_cast<double>(std::filesystem::file_size(file)) / 1e6;
    Measure best;
    for (int run = 0; run < options.runs; ++run) {
      const Measure m = readOnce(file, format);
      if (run == 0 || m.seconds < best.seconds) best = m;
    }
    // Every generated claim must be read whole; anything else is a bug.
    if (best.claims != options.claims || best.rejects != 0) {
      std::cerr << fmt::format("{}: read {} claims and {} rejects, expected {} claims\n", name,
                               best.claims, best.rejects, options.claims);
      status = 1;
    }
    std::cout << fmt::format("{:<8} {:>10.1f} {:>10} {:>9.3f} {:>8.1f} {:>12.0f}\n",
                             edict::read::formatName(format), megabytes, best.claims, best.seconds,
                             megabytes / best.seconds,
                             static_cast<double>(best.claims) / best.seconds);
  }
  return status;
}
