// Where each claim of a message stands in the file it was submitted from,
// written compactly for a header: runs of consecutive positions as ranges,
// `17-1016,1018`. A batch of JSON Lines is usually one range.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edict::queue {

/// `positions` as comma-separated numbers and `FIRST-LAST` runs.
std::string encodePositions(const std::vector<std::uint64_t>& positions);

/// Reads what encodePositions writes into `out` (replacing it); false with
/// the reason in `error` for anything else, or for more than `limit`
/// positions (a header cannot make a worker allocate without bound).
bool decodePositions(std::string_view text, std::size_t limit, std::vector<std::uint64_t>& out,
                     std::string& error);

}  // namespace edict::queue
