#include "service/serve/evaluate_body.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "runtime/read/input_format.h"
#include "service/catalogue/claims_run.h"
#include "service/http/error_body.h"

namespace edict::serve {

namespace {

BodyAnswer refuse(int status, std::string_view message) {
  return {status, std::string(http::kJsonType), http::errorBody(status, message), {}};
}

/// A claim laid out on several lines, as one JSON Lines record: when the
/// first line is not JSON by itself but the whole body is one JSON object,
/// the object minified; otherwise nothing (the body is JSON Lines).
std::string oneLineObject(std::string_view body) {
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || body[first] != '{') return {};
  const std::size_t newline = body.find('\n', first);
  if (newline == std::string_view::npos ||
      body.find_first_not_of(" \t\r\n", newline) == std::string_view::npos)
    return {};
  simdjson::dom::parser parser;
  simdjson::dom::element ignored;
  if (parser.parse(body.substr(first, newline - first)).get(ignored) == simdjson::SUCCESS)
    return {};
  simdjson::dom::object object;
  if (parser.parse(body).get(object) != simdjson::SUCCESS) return {};
  std::string line(body.size(), '\0');
  std::size_t length = 0;
  if (simdjson::minify(body.data(), body.size(), line.data(), length) != simdjson::SUCCESS)
    return {};
  line.resize(length);
  line.push_back('\n');
  return line;
}

}  // namespace

BodyAnswer answerEvaluate(const run::Router& router, run::BatchRunner& runner,
                          std::string_view body, const std::string& source, std::size_t maxClaims,
                          run::HistoryUse history) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return refuse(400,
                  "the body is empty: post one claim as a JSON object, or JSON Lines of claims");
  const auto lines = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n'));
  if (lines > maxClaims)
    return refuse(413, fmt::format("the body has {} lines; one request takes at most {} claims "
                                   "(--max-claims): send the rest in further requests",
                                   lines, maxClaims));
  const read::Detection detection =
      read::detectFormat(body.substr(0, std::min(body.size(), read::kDetectionBytes)));
  if (!detection.format)
    return refuse(400, fmt::format("the body is not JSON claims: {}", detection.problem));
  if (*detection.format != read::InputFormat::Jsonl && *detection.format != read::InputFormat::Fhir)
    return refuse(400, fmt::format("the body is {}, not JSON: post one claim as a JSON object, "
                                   "or JSON Lines of claims",
                                   read::formatName(*detection.format)));
  std::string joined;
  if (*detection.format == read::InputFormat::Jsonl) joined = oneLineObject(body);
  service::Evaluation evaluation;
  try {
    evaluation =
        service::evaluateClaims(router, runner, joined.empty() ? body : std::string_view(joined),
                                source, detection.format, history);
  } catch (const run::HistoryError& e) {
    return refuse(503, fmt::format("the claim history failed: {}", e.what()));
  }
  if (!evaluation.outcome.problem.empty())
    return refuse(400, fmt::format("the body is not JSON claims: {}", evaluation.outcome.problem));
  return {200, std::string(kRecordsType), std::move(evaluation.records), evaluation.summary};
}

}  // namespace edict::serve
