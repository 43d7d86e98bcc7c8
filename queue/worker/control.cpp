#include "queue/worker/control.h"

#include <fmt/format.h>

#include "core/text/json_text.h"

namespace edict::queue {

std::string reloadCatalogue(service::LiveCatalogue& catalogue, const std::string& worker,
                            const std::string& why, const Log& log) {
  const service::ReloadOutcome outcome = catalogue.reload();
  if (!outcome.problems.empty()) log(outcome.problems);
  log(fmt::format(
      "edict worker: {}: {}", why,
      outcome.swapped
          ? fmt::format("reloaded; generation {} in service ({} ruleset{} compiled, {:.3f} s)",
                        outcome.generation, outcome.compiled, outcome.compiled == 1 ? "" : "s",
                        outcome.seconds)
          : fmt::format("reload failed; generation {} stays in service", outcome.generation)));
  std::string json = "{\"worker\":";
  text::appendJsonString(json, worker);
  json += fmt::format(",\"reloaded\":{},\"generation\":{},\"compiled\":{},\"seconds\":{:.3f}",
                      outcome.swapped, outcome.generation, outcome.compiled, outcome.seconds);
  json += ",\"problems\":";
  text::appendJsonString(json, outcome.problems);
  json += "}";
  return json;
}

ControlListener::ControlListener(const Connection& connection, service::LiveCatalogue& catalogue,
                                 std::string worker, Log log)
    : connection_(connection),
      catalogue_(catalogue),
      worker_(std::move(worker)),
      log_(std::move(log)) {}

bool ControlListener::start(const std::string& subject, std::string& error) {
  return subscription_.subscribe(
      connection_, subject, {}, [this](InMessage& request) { answer(request); }, error);
}

void ControlListener::answer(InMessage& request) {
  std::string reply;
  if (request.body() == "reload") {
    reply = reloadCatalogue(catalogue_, worker_, "a control request", log_);
  } else {
    reply = "{\"worker\":";
    text::appendJsonString(reply, worker_);
    reply += ",\"error\":";
    text::appendJsonString(reply, fmt::format("unknown request `{}`; the one request is `reload`",
                                              request.body().substr(0, 64)));
    reply += "}";
  }
  std::string error;
  if (!respond(connection_, request, reply, error)) log_("edict worker: " + error);
}

}  // namespace edict::queue
