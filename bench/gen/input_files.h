// The whole-process benchmark's inputs: the same generated claims in each
// format `edict run` reads (JSON Lines, CSV, X12 837P, FHIR R4 NDJSON),
// written with the claim writers of runtime/write/claim_text.h. Made once
// per count and seed, then reused (a stamp file records what was made).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace edict::bench {

/// The input formats, in the order the benchmark reports them.
inline constexpr const char* kInputFormats[] = {"jsonl", "csv", "x12", "fhir"};

/// The four files of one size.
struct InputFiles {
  std::size_t claims = 0;
  std::size_t lines = 0;
  std::filesystem::path jsonl, csv, x12, fhir;

  /// The file of `format` (one of kInputFormats).
  [[nodiscard]] const std::filesystem::path& of(std::string_view format) const;
};

/// Writes (or finds, when a previous run made them) `count` claims of the
/// claim mix with `seed`, none malformed, in every format under `dir`.
InputFiles writeInputFiles(const std::filesystem::path& dir, std::size_t count, std::uint64_t seed);

}  // namespace edict::bench
