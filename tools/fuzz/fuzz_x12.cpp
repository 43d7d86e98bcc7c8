// libFuzzer target: any bytes as a X12 837P claims file, read to the end.
#include "fuzz_claim_reader.h"
#include "runtime/read/x12_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return edict::fuzz::readAll(data, size,
                              [](std::istream& in) { return edict::read::openX12(in, "fuzz"); });
}
