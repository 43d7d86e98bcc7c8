// edict's version, printed by `edict --version` and recorded in compiled
// artifacts (which only the edict that wrote them loads).
#pragma once

#include <string_view>

namespace edict {

/// The release of this build of edict.
inline constexpr std::string_view kEdictVersion = "0.1.0";

}  // namespace edict
