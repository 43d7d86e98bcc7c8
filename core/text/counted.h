// Numbers with the noun they count, in the singular for one: `1 unit`,
// `2 units`. Every message people read says counts this way.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace edict::text {

/// `n` and the noun: `one` when n is 1 (or -1), else `many`.
std::string counted(std::int64_t n, std::string_view one, std::string_view many);

/// `n` and a noun whose plural adds an `s`: counted(2, "unit") is `2 units`.
std::string counted(std::int64_t n, std::string_view one);

/// Appends counted(n, one) to `out`, without a temporary: for messages made
/// for every edit.
void appendCounted(std::string& out, std::int64_t n, std::string_view one);

/// Appends `n` in decimal to `out`, without a temporary.
void appendNumber(std::string& out, std::int64_t n);

/// A plural noun in the singular for n of 1 (`units` -> `unit`): drops the
/// final `s`, which is how the nouns of claim messages make their plural.
std::string_view nounFor(std::int64_t n, std::string_view plural);

}  // namespace edict::text
