#include "playground/run_answer.h"

#include <fmt/format.h>

#include "playground/claim_explanations.h"
#include "service/catalogue/claims_run.h"
#include "service/catalogue/compiled_ruleset.h"

namespace edict::playground {

namespace {

/// The rows of the results table: the claims' explanations matched to the
/// records, which they predict one for one; when they do not (they always
/// should), the records alone, so that the table never shows a record
/// that was not written.
/// A record as JSON, or as the text it is should it not be JSON.
Json recordJson(const std::string& line) {
  Json record = Json::parse(line, nullptr, false);
  return record.is_discarded() ? Json(line) : record;
}

Json rows(const std::string& records, const std::vector<ClaimExplanation>& claims) {
  std::string predicted;
  for (const ClaimExplanation& claim : claims)
    for (const std::string& record : claim.records) predicted += record;
  Json out = Json::array();
  if (predicted != records) {
    std::size_t from = 0;
    while (from < records.size()) {
      const std::size_t end = records.find('\n', from);
      const Json record = recordJson(records.substr(from, end - from));
      const Json id = record.is_object() ? record.value("claim", Json()) : Json();
      out.push_back(Json{{"claim", id}, {"record", record}, {"explanation", Json()}});
      from = end == std::string::npos ? records.size() : end + 1;
    }
    return out;
  }
  for (const ClaimExplanation& claim : claims) {
    const Json id = claim.claimId.empty() ? Json() : Json(claim.claimId);
    if (claim.records.empty())
      out.push_back(Json{{"claim", id}, {"record", Json()}, {"explanation", claim.text}});
    for (std::size_t i = 0; i < claim.records.size(); ++i)
      out.push_back(Json{{"claim", id},
                         {"record", recordJson(claim.records[i])},
                         {"explanation", claim.rejected ? Json() : Json(claim.blocks[i])}});
  }
  return out;
}

}  // namespace

Json runAnswer(const Workspace& workspace, run::BatchRunner& runner, std::string ruleset,
               std::string_view claims, std::size_t maxClaims) {
  CheckedText checked = checkText(workspace, std::move(ruleset), true);
  Json& answer = checked.answer;
  answer["ran"] = false;
  driver::Compilation& compilation = checked.compilation;
  if (!compilation.program) {
    answer["problem"] = "the ruleset has errors; no claim was evaluated";
    return checked.finish();
  }
  const std::string& path = workspace.files().ruleset.path;
  std::string problems;
  const auto compiled = service::CompiledRuleset::fromProgram(
      service::LoadedProgram{std::move(*compilation.program), {}, false, {}}, path,
      workspace.engine(), problems);
  if (!compiled) {
    answer["problem"] = problems + "no claim was evaluated";
    return checked.finish();
  }

  run::Router router;
  router.setDefault(&compiled->route());
  const std::string& name = workspace.files().claims.path;
  service::Evaluation evaluation = service::evaluateClaims(router, runner, claims, name);
  answer["ran"] = true;
  std::string summary = "edict run: " + evaluation.summary.describe();
  if (!evaluation.outcome.problem.empty()) summary += "; 1 file not read as claims";
  answer["summary"] = std::move(summary);
  answer["problem"] = evaluation.outcome.problem.empty()
                          ? std::string()
                          : fmt::format("edict run: {}: {}", name, evaluation.outcome.problem);
  std::string notClaims;  // said above, as the run found it
  const std::vector<ClaimExplanation> explained =
      explainClaims(compiled->program(), claims, name, maxClaims, notClaims);
  answer["rows"] = rows(evaluation.records, explained);
  answer["records"] = std::move(evaluation.records);
  return checked.finish();
}

}  // namespace edict::playground
