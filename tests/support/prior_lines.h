// Claim histories for tests: prior lines written in one line each, and an
// edit's related lines as text, the claim's own then the earlier claims'.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/edit.h"
#include "core/model/history.h"

namespace edict::testing {

/// A line of an earlier claim: claim, line, code, date, rendering provider,
/// units allowed (billed: at least 1), modifiers.
struct Prior {
  const char* claim;
  std::uint32_t line;
  const char* code;
  const char* date = "2026-11-02";
  const char* provider = "1";
  int allowed = 1;
  std::vector<const char*> modifiers = {};
};

/// The history of those lines, in the order given (tests give it sorted).
model::ClaimHistory historyOf(const std::vector<Prior>& lines);

/// `1 3 A:1`: the claim's related lines, then the earlier claims' as CLAIM:LINE.
std::string relatedText(const model::Edit& edit);

}  // namespace edict::testing
