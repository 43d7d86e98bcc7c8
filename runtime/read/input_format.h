// The claim formats edict reads, and detecting which one a file is in from
// its first bytes, so that users need not say (`--input-format` overrides).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/read/claim_reader.h"
#include "runtime/read/input_stream.h"

namespace edict::read {

enum class InputFormat : std::uint8_t { Jsonl, Csv, X12, Fhir };

/// `jsonl`, `csv`, `x12`, `fhir`.
std::string_view formatName(InputFormat format);
/// The format named `name`; nullopt for other names.
std::optional<InputFormat> parseFormatName(std::string_view name);

/// The result of detection: a format, or why the bytes are no claims.
struct Detection {
  std::optional<InputFormat> format;
  std::string problem;
};

/// Decides the format from the first bytes of a file: `ISA` is X12; a JSON
/// object with `resourceType` is FHIR, without it JSON Lines; a first line
/// with commas is CSV. Anything else (empty, binary, prose) is no claims.
Detection detectFormat(std::string_view head);

/// How many bytes detection looks at.
inline constexpr std::size_t kDetectionBytes = 64 * 1024;

/// Opens the reader for `format` over `in`.
std::unique_ptr<ClaimReader> openReader(InputFormat format, std::istream& in, std::string fileName);

/// Detects the format of `in` (unless `format` is given) and opens its
/// reader; on failure returns null and sets `problem`.
std::unique_ptr<ClaimReader> openClaims(InputStream& in, std::string fileName,
                                        std::optional<InputFormat> format, std::string& problem,
                                        InputFormat* chosen = nullptr);

}  // namespace edict::read
