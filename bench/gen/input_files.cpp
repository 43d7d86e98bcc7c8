#include "gen/input_files.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <variant>

#include "gen/claim_mix.h"
#include "runtime/read/jsonl_reader.h"
#include "runtime/write/claim_text.h"

namespace edict::bench {

const std::filesystem::path& InputFiles::of(std::string_view format) const {
  if (format == "csv") return csv;
  if (format == "x12") return x12;
  if (format == "fhir") return fhir;
  return jsonl;
}

namespace {

std::ofstream openOut(const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write `" + path.string() + "`");
  return out;
}

}  // namespace

InputFiles writeInputFiles(const std::filesystem::path& dir, std::size_t count,
                           std::uint64_t seed) {
  std::filesystem::create_directories(dir);
  const std::string base = fmt::format("claims-{}-{}", count, seed);
  InputFiles files;
  files.claims = count;
  files.jsonl = dir / (base + ".jsonl");
  files.csv = dir / (base + ".csv");
  files.x12 = dir / (base + ".837");
  files.fhir = dir / (base + ".fhir.ndjson");
  const std::filesystem::path stamp = dir / (base + ".done");
  if (std::ifstream made(stamp); made >> files.lines) return files;

  std::ofstream jsonl = openOut(files.jsonl), csv = openOut(files.csv), x12 = openOut(files.x12),
                fhir = openOut(files.fhir);
  csv << write::claimCsvHeader();
  write::X12ClaimWriter x12Writer(x12, 5000);
  // The mix is JSON text; edict's reader makes claims of it, a chunk at a
  // time, for the writers of the four formats.
  ClaimMix mix(ClaimMixOptions{count, seed, 0});
  std::string line;
  std::string chunk;
  for (bool more = true; more;) {
    chunk.clear();
    for (int i = 0; i < 10000 && (more = mix.next(line)); ++i) chunk += line;
    std::istringstream in(chunk);
    auto reader = read::openJsonLines(in, "mix");
    read::ReadItem item;
    while (reader->next(item)) {
      const auto* claim = std::get_if<model::Claim>(&item);
      if (claim == nullptr) throw std::runtime_error("the claim mix made a claim edict rejects");
      files.lines += claim->lines.size();
      jsonl << write::claimToJsonLine(*claim);
      csv << write::claimToCsvRows(*claim);
      fhir << write::claimToFhirLine(*claim);
      x12Writer.add(*claim);
    }
  }
  x12Writer.finish();
  for (std::ofstream* out : {&jsonl, &csv, &x12, &fhir})
    if (!out->flush())
      throw std::runtime_error("cannot write the inputs in `" + dir.string() + "`");
  openOut(stamp) << files.lines << "\n";
  return files;
}

}  // namespace edict::bench
