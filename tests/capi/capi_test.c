#define _POSIX_C_SOURCE 200809L
/* libedict's C API, tested from C (C99): records identical to `edict run`'s
 * golden output, every error path with its status and message, evaluation
 * from several threads at once while the rulesets are reloaded, and no
 * leak (CI runs it under AddressSanitizer with leak detection).
 * usage: capi_test SOURCE_DIR */
#include <edict/edict.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    ++checks;                                                                  \
    if (!(cond)) {                                                             \
      ++failures;                                                              \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                          \
  } while (0)

static char* slurp(const char* dir, const char* name, size_t* size) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE* f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)n + 1);
  size_t got = fread(text, 1, (size_t)n, f);
  text[got] = '\0';
  fclose(f);
  if (size) *size = got;
  return text;
}

static edict_engine* open_with(const char* ruleset, const char* engine_name) {
  edict_options* options = edict_options_new();
  edict_error* error = NULL;
  CHECK(edict_options_set_ruleset(options, ruleset, &error) == EDICT_OK);
  CHECK(edict_options_set_engine(options, engine_name, &error) == EDICT_OK);
  edict_engine* engine = NULL;
  edict_status status = edict_open(options, &engine, &error);
  if (status != EDICT_OK) fprintf(stderr, "%s\n", edict_error_message(error));
  CHECK(status == EDICT_OK);
  CHECK(error == NULL);
  edict_options_free(options);
  return engine;
}

struct job {
  edict_engine* engine;
  const char* claims;
  size_t size;
  const char* expected;
  int mismatches;
};

static void* evaluate_many(void* arg) {
  struct job* job = arg;
  for (int i = 0; i < 50; ++i) {
    edict_result* result = NULL;
    if (edict_evaluate(job->engine, job->claims, job->size, "samples/claims.jsonl", &result,
                       NULL) != EDICT_OK) {
      ++job->mismatches;
      continue;
    }
    size_t n = 0;
    const char* records = edict_result_records(result, &n);
    if (n != strlen(job->expected) || memcmp(records, job->expected, n) != 0) ++job->mismatches;
    edict_result_free(result);
  }
  return NULL;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: capi_test SOURCE_DIR\n");
    return 2;
  }
  const char* root = argv[1];
  char ruleset[4096];
  snprintf(ruleset, sizeof ruleset, "%s/rulesets/cms/therapy.edict", root);
  size_t size = 0;
  char* claims = slurp(root, "samples/claims.jsonl", &size);
  char* expected = slurp(root, "tests/e2e/expected/shipped_sample.jsonl", NULL);

  CHECK(strcmp(edict_version(), "0.1.0") == 0);
  CHECK(EDICT_API_VERSION == 1);

  const char* engines[] = {"jit", "interp"};
  for (int e = 0; e < 2; ++e) {
    edict_engine* engine = open_with(ruleset, engines[e]);
    edict_result* result = NULL;
    edict_error* error = NULL;
    CHECK(edict_evaluate(engine, claims, size, "samples/claims.jsonl", &result, &error) ==
          EDICT_OK);
    size_t n = 0;
    const char* records = edict_result_records(result, &n);
    CHECK(n == strlen(expected) && memcmp(records, expected, n) == 0);
    CHECK(edict_result_claims_read(result) == 5);
    CHECK(edict_result_claims_evaluated(result) == 4);
    CHECK(edict_result_claims_rejected(result) == 1);
    CHECK(edict_result_generation(result) == 1);
    edict_result_free(result);

    /* Not claims at all: an input error naming why, nothing evaluated. */
    CHECK(edict_evaluate(engine, "%PDF-1.4", 8, NULL, &result, &error) == EDICT_INPUT_ERROR);
    CHECK(result == NULL);
    CHECK(edict_error_status(error) == EDICT_INPUT_ERROR);
    CHECK(strstr(edict_error_message(error), "not claims") != NULL);
    edict_error_free(error);
    error = NULL;

    /* One claim; a reject names the source given. */
    const char* bad = "{\"id\":\"B1\",\"lines\":[{\"code\":\"9711\"}]}";
    CHECK(edict_evaluate(engine, bad, strlen(bad), NULL, &result, NULL) == EDICT_OK);
    CHECK(strstr(edict_result_records(result, NULL), "\"message\":\"claims:1: ") != NULL);
    edict_result_free(result);

    /* Evaluations from four threads at once, with reloads meanwhile. */
    pthread_t threads[4];
    struct job jobs[4];
    for (int t = 0; t < 4; ++t) {
      jobs[t] = (struct job){engine, claims, size, expected, 0};
      pthread_create(&threads[t], NULL, evaluate_many, &jobs[t]);
    }
    for (int r = 0; r < 3; ++r) CHECK(edict_reload(engine, NULL) == EDICT_OK);
    for (int t = 0; t < 4; ++t) {
      pthread_join(threads[t], NULL);
      CHECK(jobs[t].mismatches == 0);
    }

    char* json = NULL;
    CHECK(edict_describe(engine, &json, NULL) == EDICT_OK);
    CHECK(strstr(json, "\"generation\":4,") != NULL);
    CHECK(strstr(json, "\"payer\":\"*\",\"ruleset\":\"cms_therapy\",\"version\":\"2026.4\"") !=
          NULL);
    edict_string_free(json);
    edict_close(engine);
  }

  /* Usage errors: each with its status and a message. */
  edict_options* options = edict_options_new();
  edict_error* error = NULL;
  CHECK(edict_options_set_engine(options, "llvm", &error) == EDICT_INVALID_ARGUMENT);
  CHECK(strstr(edict_error_message(error), "`jit` and `interp`") != NULL);
  edict_error_free(error);
  CHECK(edict_options_add_route(options, "ACME", &error) == EDICT_INVALID_ARGUMENT);
  CHECK(strstr(edict_error_message(error), "expected PAYER=FILE") != NULL);
  edict_error_free(error);
  CHECK(edict_options_set_ruleset(options, NULL, NULL) == EDICT_INVALID_ARGUMENT);
  edict_engine* engine = NULL;
  CHECK(edict_open(options, &engine, &error) == EDICT_RULESET_ERROR);
  CHECK(engine == NULL);
  CHECK(strstr(edict_error_message(error), "--ruleset is required") != NULL);
  edict_error_free(error);
  CHECK(edict_open(NULL, &engine, NULL) == EDICT_INVALID_ARGUMENT);
  CHECK(edict_evaluate(NULL, "", 0, NULL, NULL, NULL) == EDICT_INVALID_ARGUMENT);

  /* A ruleset with errors: its diagnostics, as `edict check` prints them. */
  char typo[4096];
  snprintf(typo, sizeof typo, "%s/tests/e2e/data/typo.edict", root);
  CHECK(edict_options_set_ruleset(options, typo, NULL) == EDICT_OK);
  CHECK(edict_open(options, &engine, &error) == EDICT_RULESET_ERROR);
  CHECK(strstr(edict_error_message(error), "error[E0005]") != NULL);
  CHECK(strstr(edict_error_message(error), "did you mean `pair`") != NULL);
  edict_error_free(error);
  edict_options_free(options);

  free(claims);
  free(expected);
  printf("%d checks, %d failed\n", checks, failures);
  return failures == 0 ? 0 : 1;
}
