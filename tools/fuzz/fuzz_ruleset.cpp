// libFuzzer target: any bytes as a ruleset file, through the parser and the
// checker (and lowering). Must never crash, hang or leak; errors are fine.
#include <cstddef>
#include <cstdint>
#include <string>

#include "frontend/diag/diagnostic_sink.h"
#include "frontend/diag/render.h"
#include "frontend/driver/compile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  edict::diag::DiagnosticSink sink;
  // The file sits in the working directory; `extends` of a fuzzed name
  // finds nothing there and is reported like any missing file.
  auto compilation = edict::driver::compileText(
      "fuzz.edict", std::string(reinterpret_cast<const char*>(data), size), sink);
  for (const auto& d : sink.all()) (void)edict::diag::renderText(d, compilation.file(d.file));
  return 0;
}
