// libFuzzer target: any bytes as a CSV claims file, read to the end.
#include "fuzz_claim_reader.h"
#include "runtime/read/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return edict::fuzz::readAll(data, size,
                              [](std::istream& in) { return edict::read::openCsv(in, "fuzz"); });
}
