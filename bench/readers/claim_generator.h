// Generates realistic outpatient therapy claims for the reader benchmark:
// deterministic for a seed, with the shape of real traffic (1-6 lines, a
// few diagnoses and modifiers, rendering providers now and then).
#pragma once

#include <cstddef>
#include <vector>

#include "core/model/claim.h"

namespace edict::bench {

/// `count` claims, the same for the same `seed`.
std::vector<model::Claim> generateClaims(std::size_t count, unsigned seed);

}  // namespace edict::bench
