#include "backends/artifact/artifact_file.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <filesystem>
#include <fstream>
#include <system_error>

#include "backends/artifact/program_codec.h"

namespace edict::artifact {

namespace {

constexpr std::size_t kHeaderBytes = 8 + 4 + 4 + 8 + 8;

std::uint64_t checksum(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

void encodeSources(const std::vector<SourceStamp>& sources, ByteWriter& out) {
  out.u64(sources.size());
  for (const SourceStamp& s : sources) {
    out.string(s.path);
    out.u64(s.size);
    out.i64(s.modified);
    out.u64(s.hash);
  }
}

std::vector<SourceStamp> decodeSources(ByteReader& in) {
  std::vector<SourceStamp> out(in.count(32));
  for (SourceStamp& s : out) {
    s.path = in.string();
    s.size = in.u64();
    s.modified = in.i64();
    s.hash = in.u64();
  }
  return out;
}

/// Reads a whole file; nullopt if it cannot be opened or read.
std::optional<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  // One read of the whole file: artifacts at NCCI scale are tens of MiB.
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

std::int64_t modifiedTime(const std::filesystem::path& path, std::error_code& ec) {
  const auto time = std::filesystem::last_write_time(path, ec);
  return ec ? 0
            : std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

}  // namespace

bool hasArtifactMagic(std::string_view start) {
  return start.substr(0, kMagic.size()) == kMagic;
}

std::string encodeArtifact(const Artifact& artifact) {
  ByteWriter payload;
  payload.string(artifact.compiler);
  payload.string(artifact.target.triple);
  payload.string(artifact.target.cpu);
  payload.string(artifact.target.features);
  encodeSources(artifact.sources, payload);
  payload.string(artifact.object);
  encodeProgram(artifact.program, payload);

  ByteWriter out;
  out.bytes(kMagic);
  out.u32(kFormatVersion);
  out.u32(0);
  out.u64(payload.data().size());
  out.u64(checksum(payload.data()));
  out.bytes(payload.data());
  return out.take();
}

Artifact decodeArtifact(std::string_view bytes, std::string_view compiler) {
  if (!hasArtifactMagic(bytes))
    throw ArtifactError("not an edict artifact (it does not start with `EDICTART`)");
  ByteReader header(bytes.substr(0, std::min(bytes.size(), kHeaderBytes)));
  header.take(kMagic.size());
  const std::uint32_t format = header.u32();
  if (format != kFormatVersion)
    throw ArtifactError(
        fmt::format("artifact format {}, and this edict reads format {}: compile the ruleset again",
                    format, kFormatVersion));
  header.u32();
  const std::uint64_t size = header.u64();
  const std::uint64_t sum = header.u64();
  const std::string_view payload = bytes.substr(kHeaderBytes);
  if (payload.size() != size)
    throw ArtifactError(
        fmt::format("truncated or padded: the payload is {} bytes, not {}", payload.size(), size));
  if (checksum(payload) != sum)
    throw ArtifactError("damaged: its checksum does not match its contents");

  ByteReader in(payload);
  Artifact artifact;
  artifact.compiler = in.string();
  if (artifact.compiler != compiler)
    throw ArtifactError(fmt::format("compiled by {}, and this is {}: compile the ruleset again",
                                    artifact.compiler, compiler));
  artifact.target.triple = in.string();
  artifact.target.cpu = in.string();
  artifact.target.features = in.string();
  artifact.sources = decodeSources(in);
  artifact.object = in.string();
  artifact.program = decodeProgram(in);
  if (!in.atEnd()) in.fail("unexpected bytes after the program");
  return artifact;
}

Artifact readArtifactFile(const std::string& path, std::string_view compiler) {
  const std::optional<std::string> bytes = slurp(path);
  if (!bytes) throw ArtifactError(fmt::format("{}: cannot read the file", path));
  try {
    return decodeArtifact(*bytes, compiler);
  } catch (const ArtifactError& e) {
    throw ArtifactError(fmt::format("{}: {}", path, e.what()));
  }
}

void writeArtifactFile(const std::string& path, std::string_view bytes) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw ArtifactError(fmt::format("{}: cannot create the file", temporary));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw ArtifactError(fmt::format("{}: cannot write the file", temporary));
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw ArtifactError(fmt::format("{}: cannot replace the file: {}", path, ec.message()));
  }
}

SourceStamp stampFile(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  const std::optional<std::string> bytes = slurp(path);
  if (ec || !bytes) throw ArtifactError(fmt::format("{}: cannot read the file", path));
  SourceStamp stamp;
  stamp.path = absolute.string();
  stamp.size = bytes->size();
  stamp.modified = modifiedTime(absolute, ec);
  stamp.hash = checksum(*bytes);
  return stamp;
}

std::optional<std::string> staleSource(const Artifact& artifact) {
  for (const SourceStamp& s : artifact.sources) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(s.path, ec);
    if (ec) continue;  // not deployed with the artifact: nothing to compare
    const std::int64_t modified = modifiedTime(s.path, ec);
    // Same size and time: unchanged (what make trusts). Otherwise the
    // contents decide, so that a checkout that only touched the file passes.
    if (!ec && size == s.size && modified == s.modified) continue;
    const std::optional<std::string> bytes = slurp(s.path);
    if (!bytes) continue;
    if (bytes->size() != s.size || checksum(*bytes) != s.hash)
      return fmt::format("`{}` changed after the artifact was compiled", s.path);
  }
  return std::nullopt;
}

}  // namespace edict::artifact
