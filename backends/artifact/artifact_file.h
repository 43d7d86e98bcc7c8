// The compiled-artifact file that `edict compile` writes and `edict run`
// loads: the rule IR with its tables, the native object code of its
// predicates, the target that code was compiled for, the compiler that
// wrote it and a stamp of every input file. See docs/artifacts.md.
//
// Layout: an 8-byte magic `EDICTART`, the format version (u32), a reserved
// u32, the payload's size (u64) and its XXH3-64 checksum (u64), then the
// payload (compiler, target, sources, object code, program).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backends/artifact/byte_io.h"
#include "core/ir/program.h"

namespace edict::artifact {

/// The version of the layout below and of program_codec's encoding; bump it
/// whenever either changes (artifact_test pins the encoding of a program).
inline constexpr std::uint32_t kFormatVersion = 3;

/// The bytes every artifact starts with.
inline constexpr std::string_view kMagic = "EDICTART";

/// Where an artifact's object code runs: LLVM's target triple, CPU name and
/// feature string (`+avx2,-avx512f,...`).
struct NativeTarget {
  std::string triple;
  std::string cpu;
  std::string features;
};

/// One input of the compiled ruleset (a ruleset file or a table) as it was
/// when compiled, to tell a stale artifact from a fresh one.
struct SourceStamp {
  std::string path;  ///< absolute
  std::uint64_t size = 0;
  std::int64_t modified = 0;  ///< modification time, nanoseconds since the file clock's epoch
  std::uint64_t hash = 0;     ///< XXH3-64 of the contents
};

/// Everything an artifact holds.
struct Artifact {
  /// Who compiled it: edict's and LLVM's versions (jit::compilerIdentity()).
  std::string compiler;
  NativeTarget target;
  std::vector<SourceStamp> sources;
  /// A relocatable object file with the predicates (codegen's symbols).
  std::string object;
  ir::Program program;
};

/// True when `start` (the first bytes of a file) is an artifact's magic.
bool hasArtifactMagic(std::string_view start);

/// The artifact as bytes.
std::string encodeArtifact(const Artifact& artifact);

/// Reads an artifact; throws ArtifactError when it is not one, is of
/// another format, truncated or damaged, or was written by another compiler
/// than `compiler` (an artifact's code is only valid for the edict and LLVM
/// that made it).
Artifact decodeArtifact(std::string_view bytes, std::string_view compiler);

/// Reads `path` whole; throws ArtifactError naming the file on any problem.
Artifact readArtifactFile(const std::string& path, std::string_view compiler);

/// Writes `bytes` to `path` through a temporary file renamed into place, so
/// that a reader never sees half an artifact; throws ArtifactError.
void writeArtifactFile(const std::string& path, std::string_view bytes);

/// The stamp of the file at `path` now; throws ArtifactError if unreadable.
SourceStamp stampFile(const std::string& path);

/// Why the artifact is stale, if it is: the first of its sources that still
/// exists and whose contents changed since it was compiled. Sources that no
/// longer exist (an artifact deployed without them) are not judged.
std::optional<std::string> staleSource(const Artifact& artifact);

}  // namespace edict::artifact
