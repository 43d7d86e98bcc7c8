// Helpers for the claim reader tests: read a whole input with a given
// reader and sort what came out into claims, rejects and the fatal error.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/read/claim_reader.h"
#include "runtime/read/input_format.h"
#include "runtime/read/input_stream.h"

namespace edict::testing {

/// Everything a reader produced from one input.
struct ReadResult {
  std::vector<model::Claim> claims;
  std::vector<read::RejectedClaim> rejects;
  /// Ids of claims and rejects, in input order.
  std::vector<std::string> order;
  std::string fatal;

  [[nodiscard]] std::size_t read() const { return claims.size() + rejects.size(); }
  [[nodiscard]] std::size_t lines() const {
    std::size_t n = 0;
    for (const model::Claim& c : claims) n += c.lines.size();
    return n;
  }
};

inline ReadResult drain(read::ClaimReader& reader) {
  ReadResult result;
  read::ReadItem item;
  while (reader.next(item)) {
    if (auto* claim = std::get_if<model::Claim>(&item)) {
      result.order.push_back(claim->id);
      result.claims.push_back(std::move(*claim));
    } else {
      auto& rejected = std::get<read::RejectedClaim>(item);
      result.order.push_back(rejected.claimId);
      result.rejects.push_back(std::move(rejected));
    }
  }
  result.fatal = reader.fatalError();
  return result;
}

/// Reads `text` in `format` (detected when not given), named `name`.
inline ReadResult readText(const std::string& text, std::optional<read::InputFormat> format,
                           const std::string& name = "in") {
  std::istringstream source(text);
  read::InputStream in(source);
  std::string problem;
  auto reader = read::openClaims(in, name, format, problem);
  if (!reader) return ReadResult{{}, {}, {}, problem};
  return drain(*reader);
}

/// Reads the file at `path` (detecting its format), named `name` in messages.
inline ReadResult readFile(const std::string& path, const std::string& name,
                           std::optional<read::InputFormat> format = std::nullopt) {
  std::ifstream source(path, std::ios::binary);
  read::InputStream in(source);
  std::string problem;
  auto reader = read::openClaims(in, name, format, problem);
  if (!reader) return ReadResult{{}, {}, {}, problem};
  return drain(*reader);
}

}  // namespace edict::testing
