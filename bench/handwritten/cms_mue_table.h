// The MUE table of the shipped CMS ruleset, read the way a payer's engineer
// would read CMS's practitioner MUE file (CSV: a notice, a header, then
// code, value, "N label", rationale) without edict's table readers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace edict::bench {

/// One code's medically unlikely edit.
struct MueLimit {
  std::uint32_t code = 0;  ///< model::Code::packed
  std::int32_t value = 0;  ///< units
  /// 1: per line; 2: per day, policy; 3: per day, clinical.
  std::uint8_t indicator = 0;
  std::string rationale;
};

/// The limits of the CMS-layout file at `path`, sorted by code. Throws
/// std::runtime_error when the file cannot be read or has no limit.
std::vector<MueLimit> readCmsMueFile(const std::string& path);

}  // namespace edict::bench
