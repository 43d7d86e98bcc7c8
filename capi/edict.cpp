// libedict: the C API of include/edict/edict.h over the service layer. The
// engine is a live catalogue (service/catalogue) and a batch runner, so an
// embedding program loads, routes, evaluates and reloads exactly as `edict
// run` and `edict serve` do. Nothing C++ leaves this file: every entry
// point catches what it could throw and turns it into a status.
#include "edict/edict.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "core/version.h"
#include "runtime/run/batch_runner.h"
#include "runtime/run/route_table.h"
#include "runtime/write/jsonl_writer.h"
#include "service/catalogue/claims_run.h"
#include "service/catalogue/describe.h"
#include "service/catalogue/live_catalogue.h"

struct edict_error {
  edict_status status;
  std::string message;
};

struct edict_options {
  edict::service::CatalogueSpec spec;
  unsigned threads = 0;
};

struct edict_engine {
  std::unique_ptr<edict::service::LiveCatalogue> catalogue;
  edict::write::JsonLinesFormat format;
  std::unique_ptr<edict::run::BatchRunner> runner;
};

struct edict_result {
  std::string records;
  edict::run::RunSummary summary;
  std::uint64_t generation = 0;
};

namespace {

/// Fails a call: sets *error when asked for.
edict_status fail(edict_error** error, edict_status status, std::string message) {
  if (error != nullptr) {
    *error = new (std::nothrow) edict_error{status, std::move(message)};
  }
  return status;
}

/// Runs `body`, turning anything it throws into EDICT_INTERNAL_ERROR.
template <typename Body>
edict_status guarded(edict_error** error, Body body) {
  if (error != nullptr) *error = nullptr;
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(error, EDICT_INTERNAL_ERROR, "out of memory");
  } catch (const std::exception& e) {
    return fail(error, EDICT_INTERNAL_ERROR, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(error, EDICT_INTERNAL_ERROR, "internal error");
  }
}

}  // namespace

extern "C" {

const char* edict_error_message(const edict_error* error) {
  return error != nullptr ? error->message.c_str() : "";
}

edict_status edict_error_status(const edict_error* error) {
  return error != nullptr ? error->status : EDICT_OK;
}

void edict_error_free(edict_error* error) {
  delete error;
}

edict_options* edict_options_new(void) {
  return new (std::nothrow) edict_options();
}

void edict_options_free(edict_options* options) {
  delete options;
}

edict_status edict_options_set_ruleset(edict_options* options, const char* path,
                                       edict_error** error) {
  return guarded(error, [&] {
    if (options == nullptr || path == nullptr || *path == '\0')
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_options_set_ruleset: no path");
    options->spec.ruleset = path;
    return EDICT_OK;
  });
}

edict_status edict_options_add_route(edict_options* options, const char* route,
                                     edict_error** error) {
  return guarded(error, [&] {
    if (options == nullptr || route == nullptr)
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_options_add_route: no route");
    std::vector<edict::run::RouteEntry> entries;
    if (!edict::run::parseRouteArgument(route, entries))
      return fail(error, EDICT_INVALID_ARGUMENT,
                  std::string("edict_options_add_route: `") + route + "`: expected PAYER=FILE");
    options->spec.routes.emplace_back(route);
    return EDICT_OK;
  });
}

edict_status edict_options_set_routes_file(edict_options* options, const char* path,
                                           edict_error** error) {
  return guarded(error, [&] {
    if (options == nullptr || path == nullptr || *path == '\0')
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_options_set_routes_file: no path");
    options->spec.routeTable = path;
    return EDICT_OK;
  });
}

edict_status edict_options_set_engine(edict_options* options, const char* engine,
                                      edict_error** error) {
  return guarded(error, [&] {
    if (options == nullptr || engine == nullptr ||
        (std::strcmp(engine, "jit") != 0 && std::strcmp(engine, "interp") != 0))
      return fail(error, EDICT_INVALID_ARGUMENT,
                  "edict_options_set_engine: the engines are `jit` and `interp`");
    options->spec.engine = engine;
    return EDICT_OK;
  });
}

edict_status edict_options_set_threads(edict_options* options, unsigned threads,
                                       edict_error** error) {
  return guarded(error, [&] {
    if (options == nullptr || threads > 1024)
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_options_set_threads: 0 to 1024");
    options->threads = threads;
    return EDICT_OK;
  });
}

edict_status edict_open(const edict_options* options, edict_engine** engine, edict_error** error) {
  return guarded(error, [&] {
    if (engine != nullptr) *engine = nullptr;
    if (options == nullptr || engine == nullptr)
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_open: null options or engine");
    auto opened = std::make_unique<edict_engine>();
    opened->catalogue = std::make_unique<edict::service::LiveCatalogue>(options->spec, "libedict");
    const edict::service::ReloadOutcome load = opened->catalogue->load();
    if (!load.swapped) return fail(error, EDICT_RULESET_ERROR, load.problems);
    opened->runner = std::make_unique<edict::run::BatchRunner>(
        opened->format, edict::run::RunOptions{options->threads, 512});
    *engine = opened.release();
    return EDICT_OK;
  });
}

void edict_close(edict_engine* engine) {
  delete engine;
}

edict_status edict_reload(edict_engine* engine, edict_error** error) {
  return guarded(error, [&] {
    if (engine == nullptr) return fail(error, EDICT_INVALID_ARGUMENT, "edict_reload: no engine");
    const edict::service::ReloadOutcome outcome = engine->catalogue->reload();
    if (!outcome.swapped) return fail(error, EDICT_RULESET_ERROR, outcome.problems);
    return EDICT_OK;
  });
}

edict_status edict_evaluate(edict_engine* engine, const char* claims, size_t size,
                            const char* source, edict_result** result, edict_error** error) {
  return guarded(error, [&] {
    if (result != nullptr) *result = nullptr;
    if (engine == nullptr || result == nullptr || (claims == nullptr && size > 0))
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_evaluate: null engine, claims or result");
    // One version of the rulesets for the whole evaluation.
    const auto catalogue = engine->catalogue->current();
    edict::service::Evaluation evaluation = edict::service::evaluateClaims(
        catalogue->router(), *engine->runner, std::string_view(claims, size),
        source != nullptr ? source : "claims");
    if (!evaluation.outcome.problem.empty())
      return fail(error, EDICT_INPUT_ERROR, evaluation.outcome.problem);
    auto made = std::make_unique<edict_result>();
    made->records = std::move(evaluation.records);
    made->summary = evaluation.summary;
    made->generation = catalogue->generation();
    *result = made.release();
    return EDICT_OK;
  });
}

const char* edict_result_records(const edict_result* result, size_t* size) {
  if (result == nullptr) {
    if (size != nullptr) *size = 0;
    return "";
  }
  if (size != nullptr) *size = result->records.size();
  return result->records.c_str();
}

uint64_t edict_result_claims_read(const edict_result* result) {
  return result != nullptr ? result->summary.read : 0;
}

uint64_t edict_result_claims_evaluated(const edict_result* result) {
  return result != nullptr ? result->summary.evaluated : 0;
}

uint64_t edict_result_claims_rejected(const edict_result* result) {
  return result != nullptr ? result->summary.rejected : 0;
}

uint64_t edict_result_generation(const edict_result* result) {
  return result != nullptr ? result->generation : 0;
}

void edict_result_free(edict_result* result) {
  delete result;
}

edict_status edict_describe(edict_engine* engine, char** json, edict_error** error) {
  return guarded(error, [&] {
    if (json != nullptr) *json = nullptr;
    if (engine == nullptr || json == nullptr)
      return fail(error, EDICT_INVALID_ARGUMENT, "edict_describe: null engine or json");
    const std::string text = edict::service::describeCatalogue(*engine->catalogue->current());
    char* copy = static_cast<char*>(std::malloc(text.size() + 1));
    if (copy == nullptr) return fail(error, EDICT_INTERNAL_ERROR, "out of memory");
    std::memcpy(copy, text.c_str(), text.size() + 1);
    *json = copy;
    return EDICT_OK;
  });
}

void edict_string_free(char* text) {
  std::free(text);
}

const char* edict_version(void) {
  static const std::string version(edict::kEdictVersion);
  return version.c_str();
}

}  // extern "C"
