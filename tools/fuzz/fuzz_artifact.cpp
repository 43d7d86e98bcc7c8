// libFuzzer target: the artifact decoder (`edict run -r FILE.edictc`). The
// program decoder is fed the raw input, so that mutations reach it past the
// container's checksum; the container decoder gets the same bytes. Neither
// may crash, hang or allocate without bound: bad bytes are ArtifactErrors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "backends/artifact/artifact_file.h"
#include "backends/artifact/program_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    edict::artifact::ByteReader in(bytes);
    (void)edict::artifact::decodeProgram(in);
  } catch (const edict::artifact::ArtifactError&) {
  }
  try {
    (void)edict::artifact::decodeArtifact(bytes, "edict fuzz");
  } catch (const edict::artifact::ArtifactError&) {
  }
  return 0;
}
