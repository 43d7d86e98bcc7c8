// What `POST /v1/evaluate` answers for a body, apart from HTTP itself: the
// body is one claim JSON object (compact or laid out on several lines) or
// JSON Lines of claims (FHIR NDJSON or a Bundle too); the answer is the
// records `edict run` prints for the same bytes, byte for byte, through the
// same path (service/catalogue/claims_run.h), or a JSON error when the body
// is not JSON claims at all. Kept apart from the server so that the fuzz
// build runs any bytes through it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/run/batch_runner.h"
#include "runtime/run/router.h"

namespace edict::serve {

/// An answer to one body.
struct BodyAnswer {
  int status = 200;
  std::string contentType;
  std::string body;
  /// What the evaluation did (all zero when the body was refused).
  run::RunSummary summary;
};

/// The media type of result records.
inline constexpr std::string_view kRecordsType = "application/x-ndjson";

/// Evaluates `body` with `router`'s routes through `runner`; `source`
/// names the body in reject messages (as a file name does for `edict
/// run`). A body of more than `maxClaims` lines is refused (413) before
/// anything is evaluated, so that one request cannot make a response of
/// millions of records. With a claim `history`, the claims are judged with
/// it and recorded as `edict run --history` does (a request is a run); a
/// history that fails is a 503 answer (the batches before the failure stay
/// recorded, as in a run).
BodyAnswer answerEvaluate(const run::Router& router, run::BatchRunner& runner,
                          std::string_view body, const std::string& source, std::size_t maxClaims,
                          run::HistoryUse history = {});

}  // namespace edict::serve
