// Reloading a worker's rulesets, on SIGHUP or on a request to its control
// subject: both reload the live catalogue (service/catalogue, the same
// atomic reload as `edict serve`'s: the new rulesets are put in service
// only when all of them loaded) and say what happened in the log; a request
// is also answered with the outcome as one JSON object.
#pragma once

#include <string>

#include "queue/nats/connection.h"
#include "queue/nats/subscription.h"
#include "service/catalogue/live_catalogue.h"

namespace edict::queue {

/// Reloads `catalogue` because of `why` (`SIGHUP`, `a control request`),
/// logs the outcome and returns it as JSON: {"worker", "reloaded",
/// "generation", "compiled", "seconds", "problems"}.
std::string reloadCatalogue(service::LiveCatalogue& catalogue, const std::string& worker,
                            const std::string& why, const Log& log);

/// Listens on the control subject: a request whose body is `reload`
/// reloads; any other body is answered with {"worker","error"}.
class ControlListener {
 public:
  ControlListener(const Connection& connection, service::LiveCatalogue& catalogue,
                  std::string worker, Log log);
  bool start(const std::string& subject, std::string& error);

 private:
  void answer(InMessage& request);
  const Connection& connection_;
  service::LiveCatalogue& catalogue_;
  const std::string worker_;
  const Log log_;
  Subscription subscription_;
};

}  // namespace edict::queue
