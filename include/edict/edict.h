/* libedict: edict's claim edit engine embedded in a C or C++ program.
 *
 * Open a ruleset (or several, routed by payer, as `edict run --route` and
 * `--routes` do), evaluate claims, and read the result records: JSON Lines,
 * byte for byte what `edict run` prints for the same claims. C99; every
 * type is opaque; no C++ type or exception crosses this header. Every call
 * that can fail returns an edict_status and, when it fails and `error` is
 * not null, sets *error to a message the caller frees with edict_error_free.
 *
 * Threads: edict_evaluate may be called from any number of threads at once
 * on one edict_engine; edict_reload may run meanwhile (each evaluation uses
 * one version of the rulesets, whole). edict_close must not race with any
 * other call on the same engine. See docs/embedding.md.
 */
#ifndef EDICT_EDICT_H
#define EDICT_EDICT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The version of this header's API; bumped when it changes incompatibly. */
#define EDICT_API_VERSION 1

/** What a call did. */
typedef enum edict_status {
  EDICT_OK = 0,
  /** A null or malformed argument (a route without `=`, an unknown engine). */
  EDICT_INVALID_ARGUMENT = 1,
  /** A ruleset could not be loaded (its diagnostics are in the message). */
  EDICT_RULESET_ERROR = 2,
  /** The claims were not claims at all (nothing was evaluated). */
  EDICT_INPUT_ERROR = 3,
  /** An internal failure (out of memory, LLVM); the message says which. */
  EDICT_INTERNAL_ERROR = 4
} edict_status;

/** An error message; free it with edict_error_free. */
typedef struct edict_error edict_error;
/** The message, UTF-8, valid until the error is freed. */
const char* edict_error_message(const edict_error* error);
/** The status the failing call returned. */
edict_status edict_error_status(const edict_error* error);
void edict_error_free(edict_error* error);

/** What to open: a builder of routes and settings. */
typedef struct edict_options edict_options;
/** New options with no ruleset, the JIT engine and one thread per core. */
edict_options* edict_options_new(void);
void edict_options_free(edict_options* options);
/** The default ruleset (a .edict file or an artifact of `edict compile`). */
edict_status edict_options_set_ruleset(edict_options* options, const char* path,
                                       edict_error** error);
/** Adds `PAYER=FILE` (or `A,B=FILE`), as `edict run --route`. */
edict_status edict_options_add_route(edict_options* options, const char* route,
                                     edict_error** error);
/** A routing table file, as `edict run --routes`. */
edict_status edict_options_set_routes_file(edict_options* options, const char* path,
                                           edict_error** error);
/** `jit` (the default) or `interp`: both give identical records. */
edict_status edict_options_set_engine(edict_options* options, const char* engine,
                                      edict_error** error);
/** Threads evaluating inputs of more than one batch; 0 is one per core. */
edict_status edict_options_set_threads(edict_options* options, unsigned threads,
                                       edict_error** error);

/** Opened rulesets, ready to evaluate claims. */
typedef struct edict_engine edict_engine;
/** Loads every ruleset the options route to. On EDICT_RULESET_ERROR the
 * message holds the rulesets' diagnostics as `edict check` prints them. */
edict_status edict_open(const edict_options* options, edict_engine** engine, edict_error** error);
/** Frees the engine and its compiled code. */
void edict_close(edict_engine* engine);
/** Loads the routes and rulesets again and uses them from the next
 * evaluation on, only when all of them loaded; else the old ones stay and
 * the error says why. */
edict_status edict_reload(edict_engine* engine, edict_error** error);

/** The records of one evaluation. */
typedef struct edict_result edict_result;
/** Evaluates `size` bytes of claims: one claim JSON object, JSON Lines of
 * claims, or any format `edict run` reads (CSV, X12 837P, FHIR), detected
 * from the content. `source` names the claims in reject records (as a
 * file name does for `edict run`); null means `claims`. A malformed claim
 * gives a reject record, not an error. */
edict_status edict_evaluate(edict_engine* engine, const char* claims, size_t size,
                            const char* source, edict_result** result, edict_error** error);
/** The JSON Lines records, each ending in a newline; *size gets their
 * length. Valid until the result is freed. */
const char* edict_result_records(const edict_result* result, size_t* size);
/** Claims read, evaluated, and rejected (malformed, or with no ruleset). */
uint64_t edict_result_claims_read(const edict_result* result);
uint64_t edict_result_claims_evaluated(const edict_result* result);
uint64_t edict_result_claims_rejected(const edict_result* result);
/** The generation of the rulesets that evaluated it (1, then +1 per reload). */
uint64_t edict_result_generation(const edict_result* result);
void edict_result_free(edict_result* result);

/** The rulesets in use as JSON (what `GET /v1/rulesets` of `edict serve`
 * answers: per payer the ruleset's name, version, file, content hash and
 * load time); free it with edict_string_free. */
edict_status edict_describe(edict_engine* engine, char** json, edict_error** error);
void edict_string_free(char* text);

/** edict's version (`0.1.0`). */
const char* edict_version(void);

#ifdef __cplusplus
}
#endif

#endif /* EDICT_EDICT_H */
