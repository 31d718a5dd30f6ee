/*
 * Every entry point as a C caller uses it: success paths with the command's documents, every
 * error status a caller can cause, NULL arguments, invalid UTF-8, huge input, ownership.
 *
 * Usage: api CASES RUBRICS HUGE
 *   CASES    a folder the Rust driver (tests/c_clients.rs) filled: sheets (valid.json,
 *            partial.json, invalid.json), a council session (council.json), a round
 *            (round.ndjson), what the `ocop` command prints for them and for the rubrics
 *            (*.expected), and broken/, a rubric folder whose instrument is not JSON
 *   RUBRICS  the workspace's rubrics/ folder
 *   HUGE     the size of the huge requests, in MiB (smaller under valgrind, which is slow)
 */
#include "common.h"

static const char *cases;
static const char *rubrics;

/* A place whose address stands for "not written": out-parameters must keep it. */
static char untouched;
#define UNTOUCHED_STRING (&untouched)
#define UNTOUCHED_ERROR ((ocop_error *)(void *)&untouched)
#define UNTOUCHED_ENGINE ((const ocop_engine *)(void *)&untouched)
#define UNTOUCHED_LEN ((size_t)4242)

static const ocop_engine *new_bundled(void) {
  const ocop_engine *engine = NULL;
  ocop_error *error = UNTOUCHED_ERROR;
  CHECK_STATUS(ocop_engine_new_bundled(&engine, &error), OCOP_STATUS_OK, NULL);
  CHECK(engine != NULL);
  CHECK(error == UNTOUCHED_ERROR); /* err_out is written only on failure */
  return engine;
}

static const ocop_engine *new_from_path(const char *path) {
  const ocop_engine *engine = NULL;
  ocop_error *error = NULL;
  CHECK_STATUS(ocop_engine_new_from_path(path, strlen(path), &engine, &error), OCOP_STATUS_OK,
               error);
  CHECK(engine != NULL);
  CHECK(error == NULL);
  return engine;
}

/* Scores a sheet that must be valid; returns the result, released by the caller. */
static char *score_ok(const ocop_engine *engine, const char *sheet, size_t sheet_len,
                      uint32_t options, size_t *result_len) {
  char *result = NULL;
  ocop_error *error = UNTOUCHED_ERROR;
  ocop_status status =
      ocop_engine_score_sheet(engine, sheet, sheet_len, options, &result, result_len, &error);
  CHECK_STATUS(status, OCOP_STATUS_OK, error == UNTOUCHED_ERROR ? NULL : error);
  CHECK(error == UNTOUCHED_ERROR);
  CHECK(result != NULL);
  CHECK(strlen(result) == *result_len);
  return result;
}

/* Scores a request that must fail with `expected`; the out-parameters must stay untouched.
 * Returns the error object, released by the caller. */
static ocop_error *score_fails(const ocop_engine *engine, const char *sheet, size_t sheet_len,
                               uint32_t options, ocop_status expected) {
  char *result = UNTOUCHED_STRING;
  size_t result_len = UNTOUCHED_LEN;
  ocop_error *error = NULL;
  ocop_status status =
      ocop_engine_score_sheet(engine, sheet, sheet_len, options, &result, &result_len, &error);
  CHECK_STATUS(status, expected, error);
  CHECK(result == UNTOUCHED_STRING); /* no partial success */
  CHECK(result_len == UNTOUCHED_LEN);
  CHECK(error != NULL);
  CHECK(ocop_error_status(error) == expected);
  CHECK(ocop_error_message(error) != NULL);
  CHECK(strlen(ocop_error_message(error)) > 0);
  /* The same call without an error object gives the same status, and leaks nothing. */
  CHECK(ocop_engine_score_sheet(engine, sheet, sheet_len, options, &result, &result_len, NULL) ==
        expected);
  CHECK(result == UNTOUCHED_STRING);
  return error;
}

static void test_version(void) {
  char *version = NULL;
  size_t version_len = 0;
  ocop_error *error = UNTOUCHED_ERROR;
  CHECK(strcmp(ocop_version(), OCOP_VERSION) == 0);
  CHECK(ocop_version_number() == OCOP_VERSION_NUMBER);
  CHECK(OCOP_VERSION_NUMBER == (OCOP_VERSION_MAJOR << 16 | OCOP_VERSION_MINOR << 8 |
                                OCOP_VERSION_PATCH));
  CHECK(strcmp(ocop_status_name(OCOP_STATUS_INVALID_INPUT), "OCOP_STATUS_INVALID_INPUT") == 0);
  CHECK(strcmp(ocop_status_name(12345), "OCOP_STATUS_UNKNOWN") == 0);
  CHECK_STATUS(ocop_version_json(&version, &version_len, &error), OCOP_STATUS_OK, NULL);
  CHECK(error == UNTOUCHED_ERROR);
  CHECK(strlen(version) == version_len);
  CHECK(strstr(version, "\"version\": \"" OCOP_VERSION "\"") != NULL);
  CHECK(strstr(version, "\"id\": \"qd26-2026\"") != NULL);
  CHECK(strstr(version, "\"fingerprint\": \"sha256:") != NULL);
  ocop_string_free(version);
}

static void test_scoring(const ocop_engine *engine) {
  size_t sheet_len, result_len;
  char *sheet = read_file_in(cases, "valid.json", &sheet_len);
  char *result = score_ok(engine, sheet, sheet_len, 0, &result_len);
  check_same_as_file(result, result_len, cases, "valid.expected");
  ocop_string_free(result);
  /* English changes messages only: a valid sheet's result is the same. */
  result = score_ok(engine, sheet, sheet_len, OCOP_OPTION_ENGLISH, &result_len);
  check_same_as_file(result, result_len, cases, "valid.expected");
  ocop_string_free(result);
  free(sheet);

  sheet = read_file_in(cases, "partial.json", &sheet_len);
  result = score_ok(engine, sheet, sheet_len, OCOP_OPTION_PARTIAL, &result_len);
  check_same_as_file(result, result_len, cases, "partial.expected");
  ocop_string_free(result);
  /* Without the option, unanswered criteria are problems. */
  ocop_error_free(score_fails(engine, sheet, sheet_len, 0, OCOP_STATUS_INVALID_INPUT));
  free(sheet);
}

static void test_invalid_input(const ocop_engine *engine) {
  size_t sheet_len, document_len = 0;
  char *sheet = read_file_in(cases, "invalid.json", &sheet_len);
  ocop_error *error = score_fails(engine, sheet, sheet_len, 0, OCOP_STATUS_INVALID_INPUT);
  const char *document = ocop_error_document(error, &document_len);
  check_same_as_file(document, document_len, cases, "invalid.expected");
  CHECK(ocop_error_document(error, NULL) == document);
  /* The first problem's place: the option out of range at line 3. */
  CHECK(strcmp(ocop_error_path(error), "/answers/1.1") == 0);
  CHECK(ocop_error_line(error) == 3);
  CHECK(ocop_error_column(error) == 22);
  CHECK(strstr(ocop_error_message(error), "1.1") != NULL);
  ocop_error_free(error);

  error = score_fails(engine, sheet, sheet_len, OCOP_OPTION_ENGLISH, OCOP_STATUS_INVALID_INPUT);
  document = ocop_error_document(error, &document_len);
  check_same_as_file(document, document_len, cases, "invalid.en.expected");
  CHECK(strstr(ocop_error_message(error), "option 9") != NULL);
  ocop_error_free(error);
  free(sheet);

  /* Not JSON: the place is the syntax error's, the path the document itself. */
  error = score_fails(engine, "{\"rubric\":\n  ]", 14, 0, OCOP_STATUS_INVALID_INPUT);
  CHECK(strcmp(ocop_error_path(error), "/") == 0);
  CHECK(ocop_error_line(error) == 2);
  CHECK(ocop_error_column(error) == 3);
  CHECK(strstr(ocop_error_document(error, NULL), "\"kind\": \"syntax\"") != NULL);
  ocop_error_free(error);

  /* An empty request (a valid pointer, no bytes) is not a sheet. */
  error = score_fails(engine, "", 0, 0, OCOP_STATUS_INVALID_INPUT);
  ocop_error_free(error);

  /* An engine built from files scores the same, and reports the same problems. */
  {
    const ocop_engine *from_files = new_from_path(rubrics);
    size_t result_len;
    char *valid = read_file_in(cases, "valid.json", &sheet_len);
    char *result = score_ok(from_files, valid, sheet_len, 0, &result_len);
    check_same_as_file(result, result_len, cases, "valid.expected");
    ocop_string_free(result);
    free(valid);
    ocop_engine_free(from_files);
  }
}

/* Scores a council session that must be valid; returns the result, released by the caller. */
static char *council_ok(const ocop_engine *engine, const char *session, size_t session_len,
                        const char *rules, uint32_t options, size_t *result_len) {
  char *result = NULL;
  ocop_error *error = UNTOUCHED_ERROR;
  ocop_status status =
      ocop_engine_score_council(engine, session, session_len, rules,
                                rules == NULL ? 0 : strlen(rules), options, &result, result_len,
                                &error);
  CHECK_STATUS(status, OCOP_STATUS_OK, error == UNTOUCHED_ERROR ? NULL : error);
  CHECK(error == UNTOUCHED_ERROR);
  CHECK(strlen(result) == *result_len);
  return result;
}

/* Ranks a round that must be ranked; returns the ranking, released by the caller. */
static char *rank_ok(const ocop_engine *engine, const char *sessions, size_t sessions_len,
                     uint32_t options, size_t *result_len) {
  char *result = NULL;
  ocop_error *error = UNTOUCHED_ERROR;
  ocop_status status = ocop_engine_rank(engine, sessions, sessions_len, "round.ndjson", 12, NULL,
                                        0, options, &result, result_len, &error);
  CHECK_STATUS(status, OCOP_STATUS_OK, error == UNTOUCHED_ERROR ? NULL : error);
  CHECK(error == UNTOUCHED_ERROR);
  CHECK(strlen(result) == *result_len);
  return result;
}

/* A council call (`rank` chooses ocop_engine_rank) that must fail with `expected`; the
 * out-parameters must stay untouched. Returns the error object, released by the caller. */
static ocop_error *council_fails(const ocop_engine *engine, int rank, const char *request,
                                 size_t request_len, const char *rules, size_t rules_len,
                                 uint32_t options, ocop_status expected) {
  char *result = UNTOUCHED_STRING;
  size_t result_len = UNTOUCHED_LEN;
  ocop_error *error = NULL;
  ocop_status status =
      rank ? ocop_engine_rank(engine, request, request_len, NULL, 0, rules, rules_len, options,
                              &result, &result_len, &error)
           : ocop_engine_score_council(engine, request, request_len, rules, rules_len, options,
                                       &result, &result_len, &error);
  CHECK_STATUS(status, expected, error);
  CHECK(result == UNTOUCHED_STRING); /* no partial success */
  CHECK(result_len == UNTOUCHED_LEN);
  CHECK(error != NULL);
  CHECK(ocop_error_status(error) == expected);
  return error;
}

static void test_councils(const ocop_engine *engine) {
  static const char valid_rules[] = "{\"max_spread\": \"5\"}\n";
  static const char invalid_rules[] = "{\"max_spread\": 5}\n";
  static const char not_utf8_rules[] = "{\"max_spread\": \"\xff\"}";
  size_t session_len, round_len, result_len, document_len;
  char *session = read_file_in(cases, "council.json", &session_len);
  char *round = read_file_in(cases, "round.ndjson", &round_len);
  char *result;
  const char *document;
  ocop_error *error;
  int rank;

  /* The council's result, without and with a rules file: the command's, byte for byte. */
  result = council_ok(engine, session, session_len, NULL, 0, &result_len);
  check_same_as_file(result, result_len, cases, "council.expected");
  ocop_string_free(result);
  result = council_ok(engine, session, session_len, valid_rules, 0, &result_len);
  check_same_as_file(result, result_len, cases, "council.rules.expected");
  CHECK(strstr(result, "\"status\": \"needs_rescoring\"") != NULL);
  ocop_string_free(result);

  /* A round with a broken session is ranked: the failure is in the document. */
  result = rank_ok(engine, round, round_len, 0, &result_len);
  check_same_as_file(result, result_len, cases, "round.expected");
  CHECK(strstr(result, "\"failed\": 1") != NULL);
  ocop_string_free(result);

  for (rank = 0; rank <= 1; rank++) {
    const char *request = rank ? round : session;
    size_t request_len = rank ? round_len : session_len;
    /* Invalid rules: the command's error document, which names the file "rules". */
    error = council_fails(engine, rank, request, request_len, invalid_rules,
                          sizeof invalid_rules - 1, 0, OCOP_STATUS_INVALID_INPUT);
    document = ocop_error_document(error, &document_len);
    check_same_as_file(document, document_len, cases, "rules-invalid.expected");
    CHECK(strncmp(ocop_error_message(error), "rules: ", 7) == 0);
    CHECK(strcmp(ocop_error_path(error), "/max_spread") == 0);
    ocop_error_free(error);
    /* Rules are text: UTF-8 or an error at the bad byte. */
    error = council_fails(engine, rank, request, request_len, not_utf8_rules,
                          sizeof not_utf8_rules - 1, 0, OCOP_STATUS_INVALID_UTF8);
    CHECK(strstr(ocop_error_message(error), "rules is not valid UTF-8") != NULL);
    CHECK(ocop_error_column(error) == 17);
    ocop_error_free(error);
    /* Option bits and lengths are checked as for a sheet. */
    error = council_fails(engine, rank, request, request_len, NULL, 0, 1u << 9,
                          OCOP_STATUS_INVALID_ARGUMENT);
    ocop_error_free(error);
    error = council_fails(engine, rank, request, SIZE_MAX, NULL, 0, 0,
                          OCOP_STATUS_INVALID_ARGUMENT);
    CHECK(strstr(ocop_error_message(error), rank ? "sessions_len" : "session_len") != NULL);
    ocop_error_free(error);
    error = council_fails(engine, rank, request, request_len, valid_rules, SIZE_MAX, 0,
                          OCOP_STATUS_INVALID_ARGUMENT);
    CHECK(strstr(ocop_error_message(error), "rules_len") != NULL);
    ocop_error_free(error);
  }

  /* An invalid session is invalid input, with every problem in the document. */
  error = council_fails(engine, 0, "{\"members\": []}", 15, NULL, 0, OCOP_OPTION_ENGLISH,
                        OCOP_STATUS_INVALID_INPUT);
  CHECK(strstr(ocop_error_document(error, NULL), "\"kind\": \"missing_field\"") != NULL);
  ocop_error_free(error);
  free(round);
  free(session);
}

static void test_invalid_utf8(const ocop_engine *engine) {
  /* \xff is never UTF-8; \xc3\x28 is a broken two-byte sequence, on line 2. */
  static const char one_line[] = "{\"rubric\": \"\xff\"}";
  static const char two_lines[] = "{\"product_set\": 10,\n \"x\": \"\xc3\x28\"}";
  const ocop_engine *unused = UNTOUCHED_ENGINE;
  ocop_error *error = score_fails(engine, one_line, sizeof one_line - 1, 0,
                                  OCOP_STATUS_INVALID_UTF8);
  CHECK(ocop_error_line(error) == 1);
  CHECK(ocop_error_column(error) == 13);
  CHECK(ocop_error_path(error) == NULL);
  CHECK(ocop_error_document(error, NULL) == NULL);
  CHECK(strstr(ocop_error_message(error), "sheet is not valid UTF-8") != NULL);
  ocop_error_free(error);

  error = score_fails(engine, two_lines, sizeof two_lines - 1, 0, OCOP_STATUS_INVALID_UTF8);
  CHECK(ocop_error_line(error) == 2);
  CHECK(ocop_error_column(error) == 8);
  ocop_error_free(error);

  /* A path is text too. */
  error = NULL;
  CHECK_STATUS(ocop_engine_new_from_path("rubrics\xff", 8, &unused, &error),
               OCOP_STATUS_INVALID_UTF8, error);
  CHECK(unused == UNTOUCHED_ENGINE);
  CHECK(strstr(ocop_error_message(error), "path is not valid UTF-8") != NULL);
  ocop_error_free(error);
}

static void test_invalid_arguments(const ocop_engine *engine) {
  size_t sheet_len;
  char *sheet = read_file_in(cases, "valid.json", &sheet_len);
  /* An option bit the function does not take. */
  ocop_error *error = score_fails(engine, sheet, sheet_len, 1u << 7, OCOP_STATUS_INVALID_ARGUMENT);
  CHECK(strstr(ocop_error_message(error), "0x80") != NULL);
  CHECK(ocop_error_path(error) == NULL);
  CHECK(ocop_error_line(error) == 0);
  CHECK(ocop_error_column(error) == 0);
  ocop_error_free(error);
  /* A length no buffer can have: refused before anything is read. */
  error = score_fails(engine, sheet, SIZE_MAX, 0, OCOP_STATUS_INVALID_ARGUMENT);
  CHECK(strstr(ocop_error_message(error), "sheet_len") != NULL);
  ocop_error_free(error);
  free(sheet);
}

static void test_rubrics(const ocop_engine *engine) {
  char *text = NULL;
  size_t text_len = 0;
  ocop_error *error = NULL;
  const ocop_engine *unused = UNTOUCHED_ENGINE;
  const ocop_engine *broken;
  char *broken_path;
  const char *missing = "/nonexistent/ocop-rubrics";

  /* The listing is the command's. */
  CHECK_STATUS(ocop_engine_list_rubrics(engine, &text, &text_len, &error), OCOP_STATUS_OK, error);
  check_same_as_file(text, text_len, cases, "rubrics.expected");
  ocop_string_free(text);

  /* The bundled rubrics have no errors: the report is the core's lint report (the command
   * prints it inside an array of sources; tests/cli_parity.rs compares the values). */
  CHECK_STATUS(ocop_engine_lint_rubrics(engine, &text, &text_len, &error), OCOP_STATUS_OK, error);
  check_same_as_file(text, text_len, cases, "lint.expected");
  CHECK(strstr(text, "\"severity\": \"error\"") == NULL);
  ocop_string_free(text);

  /* A rubric folder, and its rubric.json, are rubrics too. */
  {
    char *folder = path_in(rubrics, "qd26-2026");
    char *file = path_in(folder, "rubric.json");
    ocop_engine_free(new_from_path(folder));
    ocop_engine_free(new_from_path(file));
    free(file);
    free(folder);
  }

  /* A path with nothing to read. */
  CHECK_STATUS(ocop_engine_new_from_path(missing, strlen(missing), &unused, &error),
               OCOP_STATUS_RUBRIC_UNREADABLE, error);
  CHECK(unused == UNTOUCHED_ENGINE);
  CHECK(ocop_error_status(error) == OCOP_STATUS_RUBRIC_UNREADABLE);
  CHECK(strstr(ocop_error_message(error), missing) != NULL);
  CHECK(ocop_error_path(error) == NULL);
  CHECK(ocop_error_document(error, NULL) == NULL);
  ocop_error_free(error);
  error = NULL;
  /* A NUL inside a path is not a path. */
  CHECK_STATUS(ocop_engine_new_from_path("rubrics\0x", 9, &unused, &error),
               OCOP_STATUS_RUBRIC_UNREADABLE, error);
  CHECK(unused == UNTOUCHED_ENGINE);
  ocop_error_free(error);
  error = NULL;

  /* A rubric that is not JSON: the engine is built, lint reports it, it never scores. */
  broken_path = path_in(cases, "broken");
  broken = new_from_path(broken_path);
  CHECK_STATUS(ocop_engine_lint_rubrics(broken, &text, &text_len, &error), OCOP_STATUS_OK, error);
  CHECK(strstr(text, "\"severity\": \"error\"") != NULL);
  CHECK(strstr(text, "\"kind\": \"malformed\"") != NULL);
  ocop_string_free(text);
  CHECK_STATUS(ocop_engine_list_rubrics(broken, &text, &text_len, &error), OCOP_STATUS_OK, error);
  CHECK(strcmp(text, "[]\n") == 0);
  CHECK(text_len == 3);
  ocop_string_free(text);
  {
    size_t sheet_len;
    char *sheet = read_file_in(cases, "valid.json", &sheet_len);
    error = score_fails(broken, sheet, sheet_len, 0, OCOP_STATUS_INVALID_INPUT);
    CHECK(strcmp(ocop_error_path(error), "/rubric") == 0);
    ocop_error_free(error);
    free(sheet);
  }
  ocop_engine_free(broken);
  free(broken_path);
}

static void test_null_arguments(const ocop_engine *engine) {
  const ocop_engine *unused = UNTOUCHED_ENGINE;
  char *text = UNTOUCHED_STRING;
  size_t text_len = UNTOUCHED_LEN;
  ocop_error *error = NULL;
  const char *sheet = "{}";

#define CHECK_NULL_ARGUMENT(call, name)                                                  \
  do {                                                                                   \
    error = NULL;                                                                        \
    CHECK_STATUS(call, OCOP_STATUS_NULL_ARGUMENT, error);                                \
    CHECK(error != NULL);                                                                \
    CHECK(ocop_error_status(error) == OCOP_STATUS_NULL_ARGUMENT);                        \
    CHECK(strcmp(ocop_error_message(error), name " is NULL") == 0);                      \
    ocop_error_free(error);                                                              \
    CHECK(unused == UNTOUCHED_ENGINE);                                                   \
    CHECK(text == UNTOUCHED_STRING);                                                     \
    CHECK(text_len == UNTOUCHED_LEN);                                                    \
  } while (0)

  CHECK_NULL_ARGUMENT(ocop_engine_new_bundled(NULL, &error), "engine_out");
  CHECK_NULL_ARGUMENT(ocop_engine_new_from_path("dir", 3, NULL, &error), "engine_out");
  CHECK_NULL_ARGUMENT(ocop_engine_score_sheet(NULL, sheet, 2, 0, &text, &text_len, &error),
                      "engine");
  CHECK_NULL_ARGUMENT(ocop_engine_score_sheet(engine, sheet, 2, 0, NULL, &text_len, &error),
                      "result_out");
  CHECK_NULL_ARGUMENT(ocop_engine_score_sheet(engine, sheet, 2, 0, &text, NULL, &error),
                      "result_len_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_score_council(NULL, sheet, 2, NULL, 0, 0, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(
      ocop_engine_score_council(engine, sheet, 2, NULL, 0, 0, NULL, &text_len, &error),
      "result_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_rank(NULL, sheet, 2, NULL, 0, NULL, 0, 0, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(
      ocop_engine_rank(engine, sheet, 2, NULL, 0, NULL, 0, 0, &text, NULL, &error),
      "result_len_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_advise(NULL, sheet, 2, NULL, 0, 0, 0, 0, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(
      ocop_engine_advise(engine, sheet, 2, NULL, 0, 0, 0, 0, NULL, &text_len, &error),
      "result_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_rescore(engine, sheet, 2, "qd26-2026", 9, 0, &text, NULL, &error),
      "result_len_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_blank_sheet(NULL, "qd26-2026", 9, 10, 0, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(
      ocop_engine_blank_sheet(engine, "qd26-2026", 9, 10, 0, NULL, &text_len, &error),
      "sheet_out");
  CHECK_NULL_ARGUMENT(ocop_engine_certificate(engine, "2026-06-15", 10, NULL, 0, NULL, 0, &text,
                                              NULL, &error),
                      "result_len_out");
  CHECK_NULL_ARGUMENT(
      ocop_engine_calendar(NULL, 2027, NULL, 0, NULL, 0, 0, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(
      ocop_engine_calendar(engine, 2027, NULL, 0, NULL, 0, 0, NULL, &text_len, &error),
      "result_out");
  CHECK_NULL_ARGUMENT(ocop_engine_lint_rubrics(NULL, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(ocop_engine_lint_rubrics(engine, NULL, &text_len, &error), "report_out");
  CHECK_NULL_ARGUMENT(ocop_engine_lint_rubrics(engine, &text, NULL, &error), "report_len_out");
  CHECK_NULL_ARGUMENT(ocop_engine_list_rubrics(NULL, &text, &text_len, &error), "engine");
  CHECK_NULL_ARGUMENT(ocop_engine_list_rubrics(engine, NULL, &text_len, &error), "rubrics_out");
  CHECK_NULL_ARGUMENT(ocop_engine_list_rubrics(engine, &text, NULL, &error), "rubrics_len_out");
  CHECK_NULL_ARGUMENT(ocop_version_json(NULL, &text_len, &error), "version_out");
  CHECK_NULL_ARGUMENT(ocop_version_json(&text, NULL, &error), "version_len_out");
#undef CHECK_NULL_ARGUMENT

  /* NULL with length 0 is the empty text; NULL with a length is an invalid argument. */
  error = NULL;
  CHECK_STATUS(ocop_engine_score_sheet(engine, NULL, 0, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_INPUT, error);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_score_sheet(engine, NULL, 2, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  CHECK(strcmp(ocop_error_message(error), "sheet is NULL but sheet_len is 2") == 0);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_score_council(engine, sheet, 2, NULL, 4, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  CHECK(strcmp(ocop_error_message(error), "rules is NULL but rules_len is 4") == 0);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_new_from_path(NULL, 3, &unused, &error), OCOP_STATUS_INVALID_ARGUMENT,
               error);
  ocop_error_free(error);
  CHECK(unused == UNTOUCHED_ENGINE);
  CHECK(text == UNTOUCHED_STRING);

  /* A NULL err_out is allowed everywhere: the status alone. */
  CHECK(ocop_engine_new_bundled(NULL, NULL) == OCOP_STATUS_NULL_ARGUMENT);
  CHECK(ocop_engine_score_sheet(NULL, NULL, 0, 0, NULL, NULL, NULL) == OCOP_STATUS_NULL_ARGUMENT);

  /* Accessors of a NULL error, and releasing NULL. */
  CHECK(ocop_error_status(NULL) == OCOP_STATUS_NULL_ARGUMENT);
  CHECK(ocop_error_message(NULL) == NULL);
  CHECK(ocop_error_path(NULL) == NULL);
  CHECK(ocop_error_line(NULL) == 0);
  CHECK(ocop_error_column(NULL) == 0);
  CHECK(ocop_error_document(NULL, &text_len) == NULL);
  CHECK(text_len == UNTOUCHED_LEN);
  ocop_error_free(NULL);
  ocop_string_free(NULL);
  ocop_engine_free(NULL);
}

/* A document call that must succeed: the document equals the command's output in `expected`. */
#define CHECK_DOCUMENT(call, expected)                                                   \
  do {                                                                                   \
    char *text_ = NULL;                                                                  \
    size_t text_len_ = 0;                                                                \
    ocop_error *error_ = NULL;                                                           \
    CHECK_STATUS(call(&text_, &text_len_, &error_), OCOP_STATUS_OK, error_);             \
    check_same_as_file(text_, text_len_, cases, expected);                               \
    ocop_string_free(text_);                                                             \
  } while (0)

static const ocop_engine *documents_engine;
static char *documents_sheet, *documents_session;
static size_t documents_sheet_len, documents_session_len;

static ocop_status advise_sheet(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_advise(documents_engine, documents_sheet, documents_sheet_len, NULL, 0, 0, 0,
                            0, out, len, error);
}
static ocop_status advise_session_at_5(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_advise(documents_engine, documents_session, documents_session_len, NULL, 0, 5,
                            1, OCOP_OPTION_ENGLISH, out, len, error);
}
static ocop_status rescore_to_148(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_rescore(documents_engine, documents_sheet, documents_sheet_len, "qd148-2023",
                             10, 0, out, len, error);
}
static ocop_status blank_markdown(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_blank_sheet(documents_engine, "qd26-2026", 9, 10, OCOP_OPTION_MARKDOWN, out,
                                 len, error);
}
static ocop_status certificate(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_certificate(documents_engine, "2026-06-15", 10, "2029-01-01", 10, NULL, 0,
                                 out, len, error);
}
static ocop_status calendar_2027(char **out, size_t *len, ocop_error **error) {
  return ocop_engine_calendar(documents_engine, 2027, NULL, 0, "30/10/2027", 10, 0, out, len,
                              error);
}

/* Advice, rescoring, the blank sheet, certificates and calendars: the command's documents. */
static void test_documents(const ocop_engine *engine) {
  char *text = UNTOUCHED_STRING;
  size_t text_len = UNTOUCHED_LEN;
  ocop_error *error = NULL;
  documents_engine = engine;
  documents_sheet = read_file_in(cases, "valid.json", &documents_sheet_len);
  documents_session = read_file_in(cases, "council.json", &documents_session_len);
  CHECK_DOCUMENT(advise_sheet, "advice.expected");
  CHECK_DOCUMENT(advise_session_at_5, "advice.session.expected");
  CHECK_DOCUMENT(rescore_to_148, "rescore.expected");
  CHECK_DOCUMENT(blank_markdown, "sheet.md.expected");
  CHECK_DOCUMENT(certificate, "cert.expected");
  CHECK_DOCUMENT(calendar_2027, "calendar.expected");

  /* Invalid costs name the costs; an unknown rubric has its own status. */
  CHECK_STATUS(ocop_engine_advise(engine, documents_sheet, documents_sheet_len, "{\"9.9\": \"1\"}",
                                  13, 0, 0, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_INPUT, error);
  CHECK(strstr(ocop_error_document(error, NULL), "\"file\": \"costs\"") != NULL);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_blank_sheet(engine, "qd0", 3, 10, 0, &text, &text_len, &error),
               OCOP_STATUS_UNKNOWN_RUBRIC, error);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_certificate(engine, "30/2/2026", 9, NULL, 0, NULL, 0, &text, &text_len,
                                       &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  ocop_error_free(error);

  /* A year whose rules set no rounds is invalid input, with the command's document; a level
   * that holds no rounds, a year out of range or a day that does not exist is an argument out of
   * range. */
  error = NULL;
  CHECK_STATUS(ocop_engine_calendar(engine, 2025, NULL, 0, NULL, 0, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_INPUT, error);
  {
    size_t document_len = 0;
    const char *document = ocop_error_document(error, &document_len);
    check_same_as_file(document, document_len, cases, "calendar-2025.expected");
    CHECK(strcmp(ocop_error_path(error), "/year") == 0);
  }
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_calendar(engine, 2027, "district", 8, NULL, 0, 0, &text, &text_len,
                                    &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  CHECK(strstr(ocop_error_message(error), "district") != NULL);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_calendar(engine, 70000, NULL, 0, NULL, 0, 0, &text, &text_len, &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  ocop_error_free(error);
  error = NULL;
  CHECK_STATUS(ocop_engine_calendar(engine, 2027, NULL, 0, "31/2/2027", 9, OCOP_OPTION_ENGLISH,
                                    &text, &text_len, &error),
               OCOP_STATUS_INVALID_ARGUMENT, error);
  CHECK(ocop_error_document(error, NULL) == NULL);
  ocop_error_free(error);
  CHECK(text == UNTOUCHED_STRING);
  CHECK(text_len == UNTOUCHED_LEN);
  free(documents_session);
  free(documents_sheet);
}

/* Sheets of megabytes: scored, or refused, without harm. */
static void test_huge_input(const ocop_engine *engine, size_t mebibytes) {
  const size_t PADDING = mebibytes << 20, NAME = mebibytes << 19;
  enum { DEPTH = 1 << 20 };
  size_t sheet_len, result_len;
  char *sheet = read_file_in(cases, "valid.json", &sheet_len);
  char *huge, *result, *name_at;
  ocop_error *error;

  /* Megabytes of trailing whitespace change nothing. */
  huge = malloc(sheet_len + PADDING);
  CHECK(huge != NULL);
  memcpy(huge, sheet, sheet_len);
  memset(huge + sheet_len, ' ', PADDING);
  huge[sheet_len + PADDING - 1] = '\n';
  result = score_ok(engine, huge, sheet_len + PADDING, 0, &result_len);
  check_same_as_file(result, result_len, cases, "valid.expected");
  ocop_string_free(result);
  free(huge);

  /* A product name of megabytes is echoed whole. */
  name_at = strstr(sheet, "\"Tỏi đen Lý Sơn\"");
  CHECK(name_at != NULL);
  huge = malloc(sheet_len + NAME + 2);
  CHECK(huge != NULL);
  {
    size_t before = (size_t)(name_at - sheet) + 1;
    size_t after = sheet_len - before;
    memcpy(huge, sheet, before);
    memset(huge + before, 'x', NAME);
    /* Skip the old name, keep its closing quote and the rest. */
    after -= strlen("Tỏi đen Lý Sơn");
    memcpy(huge + before + NAME, name_at + 1 + strlen("Tỏi đen Lý Sơn"), after);
    result = score_ok(engine, huge, before + NAME + after, 0, &result_len);
  }
  CHECK(result_len > NAME);
  CHECK(strstr(result, "\"status\": \"ranked\"") != NULL);
  ocop_string_free(result);
  free(huge);

  /* A million nested arrays: a syntax problem, not a stack overflow. */
  huge = malloc(DEPTH);
  CHECK(huge != NULL);
  memset(huge, '[', DEPTH);
  error = score_fails(engine, huge, DEPTH, 0, OCOP_STATUS_INVALID_INPUT);
  CHECK(ocop_error_line(error) == 1);
  ocop_error_free(error);
  free(huge);
  free(sheet);
}

/* An error object outlives the engine that made it; strings outlive both. */
static void test_ownership(void) {
  const ocop_engine *engine = new_bundled();
  size_t sheet_len, result_len;
  char *sheet = read_file_in(cases, "invalid.json", &sheet_len);
  ocop_error *error = score_fails(engine, sheet, sheet_len, 0, OCOP_STATUS_INVALID_INPUT);
  char *valid = read_file_in(cases, "valid.json", &sheet_len);
  char *result = score_ok(engine, valid, sheet_len, 0, &result_len);
  ocop_engine_free(engine);
  free(sheet);
  free(valid);
  CHECK(strstr(ocop_error_document(error, NULL), "invalid_input") != NULL);
  check_same_as_file(result, result_len, cases, "valid.expected");
  ocop_error_free(error);
  ocop_string_free(result);
}

int main(int argc, char **argv) {
  const ocop_engine *engine;
  if (argc != 4 || atoi(argv[3]) <= 0) {
    fprintf(stderr, "usage: %s CASES RUBRICS HUGE\n", argv[0]);
    return 2;
  }
  cases = argv[1];
  rubrics = argv[2];
  test_version();
  engine = new_bundled();
  test_scoring(engine);
  test_councils(engine);
  test_invalid_input(engine);
  test_invalid_utf8(engine);
  test_invalid_arguments(engine);
  test_rubrics(engine);
  test_documents(engine);
  test_null_arguments(engine);
  test_huge_input(engine, (size_t)atoi(argv[3]));
  ocop_engine_free(engine);
  test_ownership();
  printf("api: all checks passed\n");
  return 0;
}
