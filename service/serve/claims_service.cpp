#include "service/serve/claims_service.h"

#include <fmt/format.h>

#include "core/model/edit.h"
#include "core/text/json_text.h"
#include "service/catalogue/describe.h"
#include "service/http/error_body.h"
#include "service/serve/evaluate_body.h"

namespace edict::serve {

namespace {

void unavailable(http::Response& response, std::string_view why) {
  response.status = 503;
  response.contentType = http::kJsonType;
  response.body = http::errorBody(503, why);
}

}  // namespace

std::string reloadJson(const service::ReloadOutcome& outcome) {
  std::string out = fmt::format(
      R"({{"reloaded":{},"generation":{},"compiled":{},"seconds":{:.3f},"problems":)",
      outcome.swapped ? "true" : "false", outcome.generation, outcome.compiled, outcome.seconds);
  text::appendJsonString(out, outcome.problems);
  out += "}\n";
  return out;
}

ClaimsService::ClaimsService(service::LiveCatalogue& catalogue, run::BatchRunner& runner,
                             http::Server& server, std::size_t maxClaims, Log log,
                             run::HistoryUse history)
    : catalogue_(catalogue),
      runner_(runner),
      server_(server),
      maxClaims_(maxClaims),
      log_(std::move(log)),
      history_(history) {
  registerMetrics();
  server.route("POST", "/v1/evaluate",
               [this](const http::Request& rq, http::Response& rs) { evaluate(rq, rs); });
  server.route("GET", "/v1/rulesets",
               [this](const http::Request&, http::Response& rs) { rulesets(rs); });
  server.route("POST", "/v1/reload",
               [this](const http::Request&, http::Response& rs) { reloadEndpoint(rs); });
  server.route("GET", "/healthz",
               [](const http::Request&, http::Response& rs) { rs.body = "ok\n"; });
  server.route("GET", "/readyz", [this](const http::Request&, http::Response& rs) { ready(rs); });
  server.route("GET", "/metrics", [this](const http::Request&, http::Response& rs) {
    rs.contentType = http::kPrometheusType;
    rs.body = server_.metrics().text();
  });
}

void ClaimsService::registerMetrics() {
  http::Metrics& m = server_.metrics();
  const std::string claims = "edict_claims_total";
  const std::string claimsHelp =
      "Claims read by /v1/evaluate, by outcome (evaluated; invalid: malformed or refused by the "
      "rules; unrouted: no ruleset for the payer)";
  evaluated_ = &m.counter(claims, claimsHelp, {{"outcome", "evaluated"}});
  invalid_ = &m.counter(claims, claimsHelp, {{"outcome", "invalid"}});
  unrouted_ = &m.counter(claims, claimsHelp, {{"outcome", "unrouted"}});
  for (auto action :
       {model::Action::Deny, model::Action::Modify, model::Action::Review, model::Action::Flag})
    edits_[static_cast<std::size_t>(action)] =
        &m.counter("edict_edits_total", "Edit records answered, by action",
                   {{"action", std::string(model::actionName(action))}});
  const std::string reloads = "edict_reloads_total";
  const std::string reloadsHelp = "Reloads after the first load, by result";
  reloadsSucceeded_ = &m.counter(reloads, reloadsHelp, {{"result", "succeeded"}});
  reloadsFailed_ = &m.counter(reloads, reloadsHelp, {{"result", "failed"}});
  m.gauge("edict_catalogue_generation", "The generation of the catalogue in service", [this] {
    const auto current = catalogue_.current();
    return std::vector<std::pair<http::Labels, double>>{
        {{}, current ? static_cast<double>(current->generation()) : 0.0}};
  });
  m.gauge("edict_ruleset_info", "The rulesets in service: 1 per payer route", [this] {
    std::vector<std::pair<http::Labels, double>> out;
    if (const auto current = catalogue_.current())
      for (const service::PayerRoute& route : current->routes())
        out.push_back({{{"payer", route.payer},
                        {"ruleset", route.ruleset->program().name},
                        {"version", route.ruleset->program().version},
                        {"kind", route.ruleset->origin().kind},
                        {"content_hash", route.ruleset->origin().contentHash}},
                       1.0});
    return out;
  });
  m.gauge("edict_catalogues_alive",
          "Catalogues in memory: the one in service and old ones requests still hold", [] {
            return std::vector<std::pair<http::Labels, double>>{
                {{}, static_cast<double>(service::Catalogue::alive())}};
          });
  m.gauge("edict_rulesets_alive",
          "Compiled rulesets in memory (with their code): those in service and old ones "
          "requests still hold",
          [] {
            return std::vector<std::pair<http::Labels, double>>{
                {{}, static_cast<double>(service::CompiledRuleset::alive())}};
          });
}

void ClaimsService::count(const run::RunSummary& summary) {
  if (summary.read == 0) return;
  evaluated_->add(summary.evaluated);
  unrouted_->add(summary.unrouted);
  invalid_->add(summary.rejected - summary.unrouted);
  for (std::size_t i = 0; i < edits_.size(); ++i)
    if (edits_[i] && summary.editsByAction[i] > 0) edits_[i]->add(summary.editsByAction[i]);
}

void ClaimsService::evaluate(const http::Request& request, http::Response& response) {
  // One catalogue for the whole request, held until it is answered.
  const std::shared_ptr<const service::Catalogue> catalogue = catalogue_.current();
  if (!catalogue) return unavailable(response, "no ruleset is in service");
  BodyAnswer answer = answerEvaluate(catalogue->router(), runner_, request.body(),
                                     request.param("source", "request"), maxClaims_, history_);
  count(answer.summary);
  response.status = answer.status;
  response.contentType = std::move(answer.contentType);
  response.body = std::move(answer.body);
  response.headers.emplace_back(kGenerationHeader, std::to_string(catalogue->generation()));
}

void ClaimsService::rulesets(http::Response& response) const {
  const auto catalogue = catalogue_.current();
  if (!catalogue) return unavailable(response, "no ruleset is in service");
  response.contentType = http::kJsonType;
  response.body = service::describeCatalogue(*catalogue);
}

service::ReloadOutcome ClaimsService::reload(std::string_view why) {
  service::ReloadOutcome outcome = catalogue_.reload();
  (outcome.swapped ? reloadsSucceeded_ : reloadsFailed_)->add();
  if (outcome.swapped)
    log_(
        fmt::format("edict serve: reload ({}): generation {} in service ({} ruleset{} compiled, "
                    "{:.3f} s)",
                    why, outcome.generation, outcome.compiled, outcome.compiled == 1 ? "" : "s",
                    outcome.seconds));
  else
    log_(fmt::format("edict serve: reload ({}) failed; generation {} stays in service:", why,
                     outcome.generation));
  if (!outcome.problems.empty()) log_(outcome.problems);
  return outcome;
}

void ClaimsService::reloadEndpoint(http::Response& response) {
  const service::ReloadOutcome outcome = reload("POST /v1/reload");
  response.status = outcome.swapped ? 200 : 422;
  response.contentType = http::kJsonType;
  response.body = reloadJson(outcome);
}

void ClaimsService::ready(http::Response& response) const {
  if (server_.stopping()) return unavailable(response, "the server is stopping");
  if (!catalogue_.current()) return unavailable(response, "no ruleset is in service");
  response.body = "ready\n";
}

}  // namespace edict::serve
