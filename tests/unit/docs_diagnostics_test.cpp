// docs/diagnostics.md lists every diagnostic code of the registry.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "diag/diagnostic.h"

TEST_CASE("every registered diagnostic code is documented", "[docs]") {
  std::ifstream in(std::string(EDICT_SOURCE_DIR) + "/docs/diagnostics.md");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
#define EDICT_DIAG(code, name, severity, summary) \
  CHECK(doc.find("| " #code " | ") != std::string::npos);
#include "diag/kinds.def"
#undef EDICT_DIAG
}
