// What the playground answers when asked to run the claims through the
// edited ruleset: the records `edict run` writes for them, byte for byte
// (through service/catalogue/claims_run.h, the one claims-to-records path),
// and each record with `edict explain`'s explanation of its edit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "playground/check_answer.h"
#include "playground/workspace.h"
#include "runtime/run/batch_runner.h"

namespace edict::playground {

/// POST /api/run: the diagnostics of `ruleset` (check_answer.h); `ran`,
/// whether the claims ran (not when the ruleset has errors or cannot be
/// built: then `problem` says why); `records`, the JSON Lines `edict run
/// --ruleset FILE CLAIMS` prints, the claims read as the opened claims
/// file; `summary`, the line it prints on standard error; `problem`, what
/// it prints when the input is not claims; `rows`, one per record in order
/// (`record`, the record as JSON; `explanation`, its edit's explanation or
/// null for a claim refused as malformed) and one per claim no edit fired
/// on (`record` null), each naming its `claim`.
Json runAnswer(const Workspace& workspace, run::BatchRunner& runner, std::string ruleset,
               std::string_view claims, std::size_t maxClaims);

}  // namespace edict::playground
