/*
 * Eight threads score at once with one engine, and every result is the command's, byte for byte.
 *
 * Usage: threads CASES RUBRICS ROUNDS
 *   CASES    the folder of tests/c/api.c (valid.json, valid.expected, invalid.json,
 *            invalid.expected)
 *   RUBRICS  the workspace's rubrics/ folder: the second engine reads its product sets lazily, so
 *            the threads race to load them first
 *   ROUNDS   how many times each thread scores each sheet
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "common.h"

enum { THREADS = 8 };

struct shared {
  const ocop_engine *engine;
  const char *valid;
  size_t valid_len;
  const char *valid_expected;
  size_t valid_expected_len;
  const char *invalid;
  size_t invalid_len;
  const char *invalid_expected;
  size_t invalid_expected_len;
  int rounds;
};

/* Scores both sheets ROUNDS times; returns NULL, or a description of the first difference. */
static void *score_in_a_thread(void *argument) {
  const struct shared *shared = argument;
  int round;
  for (round = 0; round < shared->rounds; round++) {
    char *result = NULL;
    size_t result_len = 0;
    ocop_error *error = NULL;
    const char *document;
    size_t document_len = 0;
    if (ocop_engine_score_sheet(shared->engine, shared->valid, shared->valid_len, 0, &result,
                                &result_len, &error) != OCOP_STATUS_OK) {
      ocop_error_free(error);
      return "a valid sheet failed";
    }
    if (result_len != shared->valid_expected_len ||
        memcmp(result, shared->valid_expected, result_len) != 0) {
      ocop_string_free(result);
      return "a result differs from the command's";
    }
    ocop_string_free(result);
    if (ocop_engine_score_sheet(shared->engine, shared->invalid, shared->invalid_len, 0, &result,
                                &result_len, &error) != OCOP_STATUS_INVALID_INPUT) {
      return "an invalid sheet was not refused";
    }
    document = ocop_error_document(error, &document_len);
    if (document_len != shared->invalid_expected_len ||
        memcmp(document, shared->invalid_expected, document_len) != 0) {
      ocop_error_free(error);
      return "an error document differs from the command's";
    }
    ocop_error_free(error);
  }
  return NULL;
}

static void score_in_threads(struct shared *shared, const char *engine_name) {
  pthread_t threads[THREADS];
  int i;
  for (i = 0; i < THREADS; i++) {
    CHECK(pthread_create(&threads[i], NULL, score_in_a_thread, shared) == 0);
  }
  for (i = 0; i < THREADS; i++) {
    void *failure = NULL;
    CHECK(pthread_join(threads[i], &failure) == 0);
    if (failure != NULL) {
      fprintf(stderr, "thread %d with the %s engine: %s\n", i, engine_name,
              (const char *)failure);
      exit(1);
    }
  }
}

int main(int argc, char **argv) {
  struct shared shared;
  char *valid, *valid_expected, *invalid, *invalid_expected;
  const ocop_engine *engine = NULL;
  ocop_error *error = NULL;
  if (argc != 4) {
    fprintf(stderr, "usage: %s CASES RUBRICS ROUNDS\n", argv[0]);
    return 2;
  }
  valid = read_file_in(argv[1], "valid.json", &shared.valid_len);
  valid_expected = read_file_in(argv[1], "valid.expected", &shared.valid_expected_len);
  invalid = read_file_in(argv[1], "invalid.json", &shared.invalid_len);
  invalid_expected = read_file_in(argv[1], "invalid.expected", &shared.invalid_expected_len);
  shared.valid = valid;
  shared.valid_expected = valid_expected;
  shared.invalid = invalid;
  shared.invalid_expected = invalid_expected;
  shared.rounds = atoi(argv[3]);
  CHECK(shared.rounds > 0);

  CHECK_STATUS(ocop_engine_new_bundled(&engine, &error), OCOP_STATUS_OK, error);
  shared.engine = engine;
  score_in_threads(&shared, "bundled");
  ocop_engine_free(engine);

  CHECK_STATUS(ocop_engine_new_from_path(argv[2], strlen(argv[2]), &engine, &error),
               OCOP_STATUS_OK, error);
  shared.engine = engine;
  score_in_threads(&shared, "rubric files");
  ocop_engine_free(engine);

  free(valid);
  free(valid_expected);
  free(invalid);
  free(invalid_expected);
  printf("threads: %d threads x %d rounds with each engine, all identical\n", THREADS,
         shared.rounds);
  return 0;
}
