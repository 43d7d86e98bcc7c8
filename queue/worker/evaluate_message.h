// One message of claims to its result records, grouped by payer: the
// claims are read as openMessageClaims says and each payer's group goes
// through the batch runner with the catalogue's routes, so the records are
// the ones `edict run` writes for the same claims, byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "queue/message/claims_message.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/router.h"

namespace edict::queue {

/// The records of one payer's claims in one message.
struct PayerPart {
  std::string payer;
  /// Claims read (rejected ones included).
  std::size_t claims = 0;
  /// JSON Lines records, in claim order; empty when no edit applied.
  std::string records;
};

/// What a message gave.
struct MessageEvaluation {
  /// One part per payer, in order of the payer's first claim.
  std::vector<PayerPart> parts;
  run::RunSummary summary;
  /// Why the body is not claims (then nothing, or only the claims before
  /// the point where reading stopped, was evaluated); empty when it was.
  std::string problem;
};

/// Evaluates the claims of `body` with `router` through `runner`;
/// `fallbackName` names a body without Edict-Source in reject messages.
MessageEvaluation evaluateMessage(std::string_view body, const ClaimsHeaders& headers,
                                  const std::string& fallbackName, const run::Router& router,
                                  run::BatchRunner& runner);

}  // namespace edict::queue
