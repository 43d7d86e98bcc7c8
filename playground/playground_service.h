// The playground's endpoints, registered on edict's HTTP server
// (service/http/server.h, the one `edict serve` runs on):
//   GET  /                 the page (index.html), and its styles and scripts
//   GET  /api/workspace    the opened ruleset and claims, with their paths
//   POST /api/check        {"ruleset": TEXT}: its diagnostics (check_answer.h)
//   POST /api/test         {"ruleset": TEXT}: its tests' outcomes (test_answer.h)
//   POST /api/run          {"ruleset": TEXT, "claims": TEXT}: the records and
//                          their explanations (run_answer.h)
//   GET  /healthz          the process answers
// The page is for the person at this machine: a request naming another
// host (`Host`), or posted from a page of another origin (`Origin`), is
// refused with 403, so that a web site open in the same browser can
// neither read the answers (DNS rebinding) nor make requests of its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "playground/workspace.h"
#include "runtime/run/batch_runner.h"
#include "service/http/server.h"

namespace edict::playground {

/// Whether `host` (an address or a name, without a port; `[::1]` as a
/// `Host` header writes it) is this machine's loopback: the addresses the
/// playground listens on and the hosts it answers.
bool isLoopback(std::string_view host);

/// The playground's endpoints over one workspace.
class PlaygroundService {
 public:
  /// Registers the endpoints on `server`; everything given must outlive
  /// this. `maxClaims` bounds the lines of the claims of one /api/run.
  PlaygroundService(const Workspace& workspace, run::BatchRunner& runner, http::Server& server,
                    std::size_t maxClaims);

  /// Whether a request with these `Host` and `Origin` headers comes from
  /// a page of this machine's (the empty Origin of a client that is not
  /// a browser included); false with the reason.
  static bool fromThisMachine(const std::string& host, const std::string& origin, std::string& why);

 private:
  void answerWorkspace(http::Response& response) const;
  void answerCheck(const http::Request& request, http::Response& response) const;
  void answerTest(const http::Request& request, http::Response& response) const;
  void answerRun(const http::Request& request, http::Response& response) const;

  const Workspace& workspace_;
  run::BatchRunner& runner_;
  http::Server& server_;
  std::size_t maxClaims_;
};

}  // namespace edict::playground
