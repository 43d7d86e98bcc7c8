// Routes each claim to the ruleset of its payer, as a billing vendor loads
// one ruleset per insurer: an exact payer id match, else the default.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "runtime/eval/evaluator.h"

namespace edict::run {

/// Identifies the ruleset in reject records, which no rule produced.
struct RulesetLabel {
  std::string name;
  std::string version;
};

/// A loaded ruleset claims can be routed to.
struct Route {
  /// Shared by all worker threads: Evaluator::evaluate is const and thread-safe.
  const eval::Evaluator* evaluator = nullptr;
  RulesetLabel label;
};

/// Payer id -> route, plus an optional default for every other payer.
/// Built before a run and read-only during it, so threads share it freely.
class Router {
 public:
  /// Sends claims of `payer` (matched exactly, case and all) to `route`,
  /// which must outlive the router. A later call for the same payer wins.
  void add(std::string payer, const Route* route) { byPayer_[std::move(payer)] = route; }
  /// Sends claims of every other payer to `route`; null for none.
  void setDefault(const Route* route) { default_ = route; }

  /// The route for `payer`, the default, or null when neither exists.
  [[nodiscard]] const Route* find(std::string_view payer) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, const Route*, Hash, std::equal_to<>> byPayer_;
  const Route* default_ = nullptr;
};

}  // namespace edict::run
