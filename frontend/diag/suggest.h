// "Did you mean" suggestions: the closest known word to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace edict::diag {

/// Edit distance between two words (case-sensitive), counting a swap of
/// neighbouring letters as one edit.
std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate nearest to `word`, if it is near enough to be a likely
/// typo (at most a third of the word's length, and at least one edit).
std::optional<std::string> closestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace edict::diag
