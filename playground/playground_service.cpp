#include "playground/playground_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "core/version.h"
#include "playground/assets.h"
#include "playground/check_answer.h"
#include "playground/run_answer.h"
#include "playground/test_answer.h"
#include "service/http/error_body.h"

namespace edict::playground {

namespace {

/// Pages may load nothing but the playground's own files and talk to
/// nothing but it: no CDN, no network.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

void refuse(http::Response& response, int status, std::string_view why) {
  response.status = status;
  response.contentType = http::kJsonType;
  response.body = http::errorBody(status, why);
}

void answerJson(http::Response& response, const Json& answer) {
  response.contentType = http::kJsonType;
  // Text read from files (a base ruleset's lines, quoted in a diagnostic)
  // may not be UTF-8: such bytes are written as U+FFFD rather than refused.
  response.body = answer.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  response.headers.emplace_back("Cache-Control", "no-store");
}

/// The fields of a request body: a JSON object with the text fields
/// `names`; false, with the answer given, when it is not one.
bool readFields(const http::Request& request, std::initializer_list<const char*> names,
                std::vector<std::string>& fields, http::Response& response) {
  Json body;
  try {
    body = Json::parse(request.body());
  } catch (const Json::parse_error& e) {
    refuse(response, 400, fmt::format("the body is not JSON: {}", e.what()));
    return false;
  }
  if (!body.is_object()) {
    refuse(response, 400, "the body must be a JSON object");
    return false;
  }
  for (const char* name : names) {
    const auto found = body.find(name);
    if (found == body.end() || !found->is_string()) {
      refuse(response, 400,
             fmt::format("the body must have `{}`, a string: the {}", name,
                         std::string_view(name) == "claims" ? "claims' text" : "ruleset's text"));
      return false;
    }
    fields.push_back(found->get<std::string>());
  }
  return true;
}

}  // namespace

bool isLoopback(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  if (!host.starts_with("127.")) return false;
  return std::all_of(host.begin(), host.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

bool PlaygroundService::fromThisMachine(const std::string& host, const std::string& origin,
                                        std::string& why) {
  if (host.empty()) {
    why = "the request names no host (`Host`)";
    return false;
  }
  const std::size_t portAt = host.starts_with('[') ? host.find(']') + 1 : host.find(':');
  const std::string_view name = std::string_view(host).substr(0, portAt);
  if (!isLoopback(name)) {
    why = fmt::format("the playground answers pages of this machine only, not of `{}`", host);
    return false;
  }
  if (!origin.empty() && origin != "http://" + host) {
    why = fmt::format("the playground answers its own page only, not one of `{}`", origin);
    return false;
  }
  return true;
}

PlaygroundService::PlaygroundService(const Workspace& workspace, run::BatchRunner& runner,
                                     http::Server& server, std::size_t maxClaims)
    : workspace_(workspace), runner_(runner), server_(server), maxClaims_(maxClaims) {
  using Answer = std::function<void(const http::Request&, http::Response&)>;
  // Every endpoint answers this machine's pages only.
  const auto guarded = [](Answer answer) {
    return [answer = std::move(answer)](const http::Request& rq, http::Response& rs) {
      std::string why;
      if (!fromThisMachine(rq.header("Host"), rq.header("Origin"), why))
        return refuse(rs, 403, why);
      answer(rq, rs);
    };
  };
  const auto page = [](const Asset& asset) {
    return [&asset](const http::Request&, http::Response& rs) {
      rs.contentType = std::string(asset.contentType);
      rs.body = std::string(asset.bytes);
      rs.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                    {"X-Content-Type-Options", "nosniff"},
                    {"Referrer-Policy", "no-referrer"},
                    {"Cache-Control", "no-store"}};
    };
  };
  for (const Asset& asset : assets()) {
    server.route("GET", std::string(asset.path), guarded(page(asset)));
    if (asset.path == "/index.html") server.route("GET", "/", guarded(page(asset)));
  }
  server.route("GET", "/api/workspace",
               guarded([this](const http::Request&, http::Response& rs) { answerWorkspace(rs); }));
  server.route("POST", "/api/check", guarded([this](const http::Request& rq, http::Response& rs) {
                 answerCheck(rq, rs);
               }));
  server.route("POST", "/api/test", guarded([this](const http::Request& rq, http::Response& rs) {
                 answerTest(rq, rs);
               }));
  server.route("POST", "/api/run",
               guarded([this](const http::Request& rq, http::Response& rs) { answerRun(rq, rs); }));
  server.route("GET", "/healthz",
               [](const http::Request&, http::Response& rs) { rs.body = "ok\n"; });
}

void PlaygroundService::answerWorkspace(http::Response& response) const {
  const WorkspaceFiles& files = workspace_.files();
  answerJson(response,
             Json{{"ruleset", {{"path", files.ruleset.path}, {"text", files.ruleset.text}}},
                  {"claims", {{"path", files.claims.path}, {"text", files.claims.text}}},
                  {"engine", workspace_.engine()},
                  {"maxBody", server_.options().maxBody},
                  {"maxClaims", maxClaims_},
                  {"version", kEdictVersion}});
}

void PlaygroundService::answerCheck(const http::Request& request, http::Response& response) const {
  std::vector<std::string> fields;
  if (!readFields(request, {"ruleset"}, fields, response)) return;
  answerJson(response, checkAnswer(workspace_, std::move(fields[0])));
}

void PlaygroundService::answerTest(const http::Request& request, http::Response& response) const {
  std::vector<std::string> fields;
  if (!readFields(request, {"ruleset"}, fields, response)) return;
  answerJson(response, testAnswer(workspace_, std::move(fields[0])));
}

void PlaygroundService::answerRun(const http::Request& request, http::Response& response) const {
  std::vector<std::string> fields;
  if (!readFields(request, {"ruleset", "claims"}, fields, response)) return;
  const std::string& claims = fields[1];
  const auto lines = static_cast<std::size_t>(std::count(claims.begin(), claims.end(), '\n'));
  if (lines > maxClaims_)
    return refuse(response, 413,
                  fmt::format("the claims have {} lines; the playground runs at most {} "
                              "(--max-claims): run larger files with `edict run`",
                              lines, maxClaims_));
  answerJson(response, runAnswer(workspace_, runner_, std::move(fields[0]), claims, maxClaims_));
}

}  // namespace edict::playground
