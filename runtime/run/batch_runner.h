// Runs claims from a reader through an evaluator and hands every record
// (edits and rejects) to a sink, counting what happened so the summary can
// account for every claim read.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>

#include "eval/evaluator.h"
#include "model/edit.h"
#include "read/claim_reader.h"

namespace edict::run {

/// What one run did; read == evaluated + rejected.
struct RunSummary {
  std::uint64_t read = 0;
  std::uint64_t evaluated = 0;
  std::uint64_t rejected = 0;
  /// Edits by model::Action (reject records are counted in `rejected`).
  std::array<std::uint64_t, 5> editsByAction{};

  /// One line for standard error: claims and edits by action.
  [[nodiscard]] std::string describe() const;
};

/// Receives each result record in input order.
using RecordSink = std::function<void(const model::Edit&)>;

/// Identifies the ruleset in reject records, which no rule produced.
struct RulesetLabel {
  std::string name;
  std::string version;
};

/// The record for a claim that could not be read (brief §4).
model::Edit rejectRecord(const read::RejectedClaim& rejected, const RulesetLabel& label);

/// Reads every claim of `reader`, evaluates it and writes its records to
/// `sink`; adds the counts to `summary`.
void runClaims(read::ClaimReader& reader, const eval::Evaluator& evaluator,
               const RulesetLabel& label, const RecordSink& sink, RunSummary& summary);

}  // namespace edict::run
