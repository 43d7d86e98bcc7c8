// The endpoints of `edict serve`, registered on an http::Server:
//   POST /v1/evaluate  claims in, result records out (evaluate_body.h)
//   GET  /v1/rulesets  the catalogue in service (describe.h)
//   POST /v1/reload    reload the routes and rulesets (also on SIGHUP)
//   GET  /healthz      the process answers
//   GET  /readyz       a catalogue is in service and the server not stopping
//   GET  /metrics      the server's and the service's metrics (Prometheus)
// Each request to /v1/evaluate takes the catalogue in service once and is
// evaluated by it alone; the answer names its generation in a header.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "runtime/run/batch_runner.h"
#include "service/catalogue/live_catalogue.h"
#include "service/http/server.h"

namespace edict::serve {

/// Writes one line to the service's log.
using Log = std::function<void(const std::string& line)>;

/// The name of the response header that says which catalogue answered.
inline constexpr const char* kGenerationHeader = "Edict-Catalogue-Generation";

/// The claims service over one live catalogue.
class ClaimsService {
 public:
  /// Registers the endpoints on `server`; everything given must outlive
  /// this. `maxClaims` bounds the lines of one /v1/evaluate body.
  ClaimsService(service::LiveCatalogue& catalogue, run::BatchRunner& runner, http::Server& server,
                std::size_t maxClaims, Log log, run::HistoryUse history = {});

  /// Reloads, logs the outcome (with its diagnostics) saying what asked
  /// for it (`SIGHUP`, `POST /v1/reload`), and counts it.
  service::ReloadOutcome reload(std::string_view why);

 private:
  void evaluate(const http::Request& request, http::Response& response);
  void rulesets(http::Response& response) const;
  void reloadEndpoint(http::Response& response);
  void ready(http::Response& response) const;
  void registerMetrics();
  void count(const run::RunSummary& summary);

  service::LiveCatalogue& catalogue_;
  run::BatchRunner& runner_;
  http::Server& server_;
  std::size_t maxClaims_;
  Log log_;
  /// The claim history requests are judged with, when the server keeps one.
  run::HistoryUse history_;
  http::Counter* evaluated_ = nullptr;
  http::Counter* invalid_ = nullptr;
  http::Counter* unrouted_ = nullptr;
  std::array<http::Counter*, 5> edits_{};
  http::Counter* reloadsSucceeded_ = nullptr;
  http::Counter* reloadsFailed_ = nullptr;
};

/// The outcome of a reload as the JSON /v1/reload answers.
std::string reloadJson(const service::ReloadOutcome& outcome);

}  // namespace edict::serve
