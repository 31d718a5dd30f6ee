/*
 * ocop.h: libocop, the OCOP scoring engine behind a C ABI.
 *
 * Generated from crates/ocop-ffi/src by cbindgen: do not edit. Regenerate with
 *     OCOP_UPDATE_HEADER=1 cargo test -p ocop-ffi --test header
 *
 * Vietnam's OCOP programme scores products on official criteria sheets of 100 points and ranks
 * them from 1 to 5 stars. This library is the engine of the `ocop` command: requests and results
 * are JSON with the contracts of `ocop ... --format json`, and a result is byte for byte what the
 * command prints. Decimals travel as JSON strings ("69.5"), never as numbers.
 *
 * NAMES
 *   Every name starts with `ocop_` or `OCOP_`. A function named `ocop_<type>_<verb>` works on the
 *   object of that type given as its first argument; `_new_*` creates one, `_free` releases it.
 *   A `const` object argument is only read.
 *
 * ERRORS
 *   A fallible function returns an `ocop_status`: OCOP_STATUS_OK (0), or why it failed. Status
 *   numbers are stable: never changed, never reused. A newer library may return a number this
 *   header does not list: treat every value other than OCOP_STATUS_OK as a failure.
 *   Its last argument, `ocop_error **err_out`, may be NULL. When it is not and the call fails,
 *   `*err_out` receives an error object owned by the caller: its status, a message, and the place
 *   in the request (a JSON path, or a line and a column) when known, read with `ocop_error_*` and
 *   released with `ocop_error_free`. Pass NULL when the status is enough.
 *
 * INVALID INPUT
 *   A request that is not valid (not JSON, unknown fields or codes, a missing answer, an unknown
 *   product set) is a normal outcome, not a crash: the status is OCOP_STATUS_INVALID_INPUT, and
 *   the error object holds the JSON document the command prints for it,
 *   {"error": {"kind": "invalid_input", "problems": [...]}}, every problem with its path, line,
 *   column and message (ocop_error_document). The command's document also names the file it read
 *   ("file"); the library's has no "file" and is otherwise the same, except that problems in the
 *   council rules given to ocop_engine_score_council or ocop_engine_rank name "file": "rules".
 *   A round (ocop_engine_rank) is not invalid when some of its sessions are: they are listed in
 *   the ranking's "failures", and the call succeeds. The document is NOT written
 *   to the result out-parameters: there is no partial success, a result out-parameter is written
 *   only with OCOP_STATUS_OK. Pass an `err_out` to read the problems.
 *
 * OWNERSHIP
 *   - Arguments are borrowed for the call only: the library keeps no pointer it is given, and the
 *     caller may release them as soon as the call returns.
 *   - Text arguments (requests, paths) are UTF-8 given as a pointer and a length in bytes, with no
 *     NUL terminator needed; text that is not UTF-8 is OCOP_STATUS_INVALID_UTF8.
 *   - Out-parameters are written only when the call returns OCOP_STATUS_OK, and `*err_out` only
 *     when it does not. No argument is both read and written.
 *   - Every object and string the library returns is owned by the caller and released exactly
 *     once with its own function: ocop_engine_free, ocop_error_free, ocop_string_free. Each
 *     accepts NULL. Never release them with free().
 *   - A string returned through an out-parameter is NUL-terminated UTF-8, and its length in bytes
 *     (without the NUL) is written beside it. Do not modify it.
 *   - A `const char *` returned by an accessor (ocop_error_message, _path, _document) is
 *     borrowed from its object: valid until that object is released. ocop_version() is static.
 *
 * NULL
 *   Every pointer argument is checked. A NULL where one is not allowed is
 *   OCOP_STATUS_NULL_ARGUMENT, naming the argument; functions without a status return NULL or 0
 *   for a NULL object, and the `_free` functions do nothing.
 *
 * PANICS
 *   Every function catches Rust panics at the boundary: a panic never unwinds into the caller.
 *   It is returned as OCOP_STATUS_PANIC (a bug: please report the message), and the engine stays
 *   usable.
 *
 * THREADS
 *   An ocop_engine is immutable: any number of threads may use one engine at once (rubric files
 *   read lazily are read once, safely). Release it once, after every thread is done with it.
 *   Errors and strings are plain data owned by the caller: any thread may read or release them,
 *   but not one while another uses it. There is no global "last error".
 *
 * ABI VERSIONING
 *   OCOP_VERSION and OCOP_VERSION_MAJOR/_MINOR/_PATCH give the version of this header;
 *   ocop_version() gives the library's. Check at start-up that they match, above all when loading
 *   the shared library at run time. Before 1.0, a 0.x minor release may change the ABI and a patch
 *   release does not; from 1.0 on, within one major version, functions, status numbers and option
 *   bits are only added, never changed or removed. Status numbers and option bits are never
 *   reused. An option bit the library does not know is OCOP_STATUS_INVALID_ARGUMENT, so that a
 *   caller built with a newer header finds out. JSON documents keep the stability of the
 *   command's JSON contracts: fields may be added, so ignore the ones you do not know.
 */


#ifndef OCOP_H
#define OCOP_H

#include <stddef.h>
#include <stdint.h>

/* The version of this header; ocop_version() gives the library's. */
#define OCOP_VERSION "0.1.0"
#define OCOP_VERSION_MAJOR 0
#define OCOP_VERSION_MINOR 1
#define OCOP_VERSION_PATCH 0
/* MAJOR * 65536 + MINOR * 256 + PATCH, as ocop_version_number() gives it. */
#define OCOP_VERSION_NUMBER 0x000100


/**
 * Option bit of `ocop_engine_blank_sheet`: write the sheet in Markdown, as
 * `ocop sheet --format markdown` does; it is plain text otherwise.
 */
#define OCOP_OPTION_MARKDOWN (1 << 2)

/**
 * Option bit of `ocop_engine_blank_sheet`: write the sheet as a printable document
 * (self-contained A4 HTML, in Vietnamese), as `ocop sheet --format html` does. Not together with
 * `OCOP_OPTION_MARKDOWN`.
 */
#define OCOP_OPTION_HTML (1 << 3)

/**
 * Option bit: score an unfinished sheet, as `ocop score --partial` does. Unanswered criteria are
 * allowed (`null` or absent), and the result gives the points so far, the most still reachable
 * and the stars still possible (`"status": "incomplete"`).
 */
#define OCOP_OPTION_PARTIAL 1

/**
 * Option bit: write problem messages in English, as `ocop score --lang en` does; they are in
 * Vietnamese otherwise. Only messages change: codes, paths and every other field stay the same.
 */
#define OCOP_OPTION_ENGLISH (1 << 1)

/**
 * The outcome of a call: `OCOP_STATUS_OK`, or why the call failed.
 *
 * The numbers are stable: a number is never changed, and a retired number is never given to
 * another meaning. A newer library may return numbers this header does not list: treat every
 * value other than `OCOP_STATUS_OK` as a failure. The hundreds group the causes: 1xx the
 * arguments of the call, 2xx the content of a request, 3xx rubric data, 9xx the library itself.
 *
 * Retired numbers (kept here so that they are never reused): none yet.
 */
enum ocop_status
#if defined(__cplusplus) || __STDC_VERSION__ >= 202311L
  : uint32_t
#endif // defined(__cplusplus) || __STDC_VERSION__ >= 202311L
 {
  /**
   * The call succeeded, and its out-parameters are written.
   */
  OCOP_STATUS_OK = 0,
  /**
   * A pointer argument that must not be NULL is NULL. The message names the argument.
   */
  OCOP_STATUS_NULL_ARGUMENT = 100,
  /**
   * A text argument (a request, a path) is not valid UTF-8. The error's line and column give
   * the place of the first invalid byte.
   */
  OCOP_STATUS_INVALID_UTF8 = 101,
  /**
   * An argument is out of range: an option bit the function does not take, or a length above
   * `PTRDIFF_MAX`.
   */
  OCOP_STATUS_INVALID_ARGUMENT = 102,
  /**
   * The request is not valid: not JSON, or not a sheet, session or rules file of the contract
   * (unknown fields, codes or options, wrong types, missing answers, an unknown rubric or
   * product set). A normal outcome: every problem is in the error object's JSON document
   * (`ocop_error_document`), the document the command prints for it; the error's message,
   * path, line and column are those of the first problem.
   */
  OCOP_STATUS_INVALID_INPUT = 200,
  /**
   * Rubric files cannot be read or used: the path does not exist or holds no `rubric.json`,
   * or the product set asked for does not pass validation.
   */
  OCOP_STATUS_RUBRIC_UNREADABLE = 300,
  /**
   * No rubric has the identifier given, the rubric has no product set with the number given,
   * or no rubric is in force on the date given. The message lists the rubrics known.
   */
  OCOP_STATUS_UNKNOWN_RUBRIC = 301,
  /**
   * The library panicked: a bug, please report it with the message. Nothing unwound into the
   * caller, and the engine can still be used.
   */
  OCOP_STATUS_PANIC = 900,
};
#ifndef __cplusplus
#if __STDC_VERSION__ >= 202311L
typedef enum ocop_status ocop_status;
#else
typedef uint32_t ocop_status;
#endif // __STDC_VERSION__ >= 202311L
#endif // __cplusplus

/**
 * A scoring engine: the rubrics to score with, validated when first used.
 *
 * Immutable, and safe to use from any number of threads at once: build one at start-up and
 * share it. Created by `ocop_engine_new_bundled` or `ocop_engine_new_from_path`, released by
 * `ocop_engine_free` once no thread uses it any more.
 */
typedef struct ocop_engine ocop_engine;

/**
 * Why a call failed: a status, a message, and the place in the input when it is known.
 *
 * Returned through the `err_out` argument of a failed call; owned by the caller, who releases
 * it with `ocop_error_free`. Its strings are borrowed from it: valid until it is freed.
 */
typedef struct ocop_error ocop_error;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * What to improve on a member's sheet, or on a council session's mean, to reach a star level,
 * and the margin below: as `ocop advise FILE --format json` does.
 *
 * `subject` is a member's sheet or a council session as JSON (a document with `members` is a
 * session), UTF-8 of `subject_len` bytes. `costs` is NULL (with `costs_len` 0) or a cost file's
 * JSON (criterion code → cost as a decimal string; `"*"` prices every criterion not listed), as
 * `ocop advise --cost` reads it: the plans then minimise the total cost. `target` is the star
 * level to reach, 1 to 5, or 0 for the next one above the current stars (`--target`).
 * `alternatives` is how many tied plans to list at most, 1 to 65535, or 0 for the command's
 * default of 5 (`--alternatives`). `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and
 * `OCOP_OPTION_ENGLISH`.
 *
 * On success, writes the advice document to `*result_out` and its length to `*result_len_out`;
 * release it with `ocop_string_free`. A subject that is not valid is `OCOP_STATUS_INVALID_INPUT`
 * with every problem in the error's document; when the costs are not valid, that document names
 * `"file": "costs"`. A target or an alternatives count out of range is
 * `OCOP_STATUS_INVALID_ARGUMENT`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `subject` is NULL or valid for reading `subject_len` bytes;
 * `costs` is NULL or valid for reading `costs_len` bytes; `result_out`, `result_len_out` and
 * `err_out` are NULL or valid for writing.
 */
ocop_status ocop_engine_advise(const ocop_engine *engine,
                               const char *subject,
                               size_t subject_len,
                               const char *costs,
                               size_t costs_len,
                               uint32_t target,
                               uint32_t alternatives,
                               uint32_t options,
                               char **result_out,
                               size_t *result_len_out,
                               ocop_error **err_out);

/**
 * Carries an old sheet's answers to another rubric and scores both, flagging what a person must
 * confirm, as `ocop rescore FILE --to RUBRIC --format json` does.
 *
 * `sheet` is the old sheet as JSON, UTF-8 of `sheet_len` bytes; `to` names the rubric to carry it
 * to (`qd26-2026`, or `qd26-2026@1` for a revision), UTF-8 of `to_len` bytes. `options` is 0 or
 * `OCOP_OPTION_ENGLISH`.
 *
 * On success, writes the document (both results side by side, and every answer carried) to
 * `*result_out` and its length to `*result_len_out`; release it with `ocop_string_free`. A `to`
 * that names no rubric is `OCOP_STATUS_UNKNOWN_RUBRIC`; a sheet that is not valid (its own
 * rubric unknown included) is `OCOP_STATUS_INVALID_INPUT`, with every problem in the error's
 * document.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `sheet` is NULL or valid for reading `sheet_len` bytes; `to`
 * is NULL or valid for reading `to_len` bytes; `result_out`, `result_len_out` and `err_out` are
 * NULL or valid for writing.
 */
ocop_status ocop_engine_rescore(const ocop_engine *engine,
                                const char *sheet,
                                size_t sheet_len,
                                const char *to,
                                size_t to_len,
                                uint32_t options,
                                char **result_out,
                                size_t *result_len_out,
                                ocop_error **err_out);

/**
 * The blank scoring sheet of a product set, with its □ options, points and star marks, as
 * `ocop sheet --rubric RUBRIC --set N` prints it.
 *
 * `rubric` names the rubric (`qd26-2026`, `qd26-2026@1`), UTF-8 of `rubric_len` bytes;
 * `product_set` is the set's number. `options` is 0 or a combination of `OCOP_OPTION_MARKDOWN`
 * (`--format markdown`) or `OCOP_OPTION_HTML` (`--format html`; plain text otherwise) and
 * `OCOP_OPTION_ENGLISH` (`--lang en`). Both formats at once is `OCOP_STATUS_INVALID_ARGUMENT`.
 *
 * On success, writes the sheet to `*sheet_out` and its length to `*sheet_len_out`; release it
 * with `ocop_string_free`. An unknown rubric or product set is `OCOP_STATUS_UNKNOWN_RUBRIC`
 * (the message lists the rubrics known); a product set whose data is not valid is
 * `OCOP_STATUS_RUBRIC_UNREADABLE`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `rubric` is NULL or valid for reading `rubric_len` bytes;
 * `sheet_out`, `sheet_len_out` and `err_out` are NULL or valid for writing.
 */
ocop_status ocop_engine_blank_sheet(const ocop_engine *engine,
                                    const char *rubric,
                                    size_t rubric_len,
                                    uint32_t product_set,
                                    uint32_t options,
                                    char **sheet_out,
                                    size_t *sheet_len_out,
                                    ocop_error **err_out);

/**
 * A certificate's expiry, re-rating window and state on a date, as
 * `ocop cert --decided DATE --on DATE [--rubric RUBRIC] --format json` gives them.
 *
 * `decided` is the date of the certifying decision, `YYYY-MM-DD` or `D/M/YYYY` in UTF-8 of
 * `decided_len`
 * bytes. `on` is the day to give the state for, in the same form; NULL (with `on_len` 0) is
 * today, on the host's clock and time zone. `rubric` names the rubric whose rules apply; NULL
 * (with `rubric_len` 0) is the one in force on the decision date.
 *
 * On success, writes the document to `*result_out` and its length to `*result_len_out`; release
 * it with `ocop_string_free`. A text that is not a date, a date outside the calendar's range or
 * a decision before the rubric named took effect is `OCOP_STATUS_INVALID_ARGUMENT`; an unknown
 * rubric, or none in force on the decision date, is `OCOP_STATUS_UNKNOWN_RUBRIC`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `decided`, `on` and `rubric` are each NULL or valid for
 * reading their lengths in bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid
 * for writing.
 */
ocop_status ocop_engine_certificate(const ocop_engine *engine,
                                    const char *decided,
                                    size_t decided_len,
                                    const char *on,
                                    size_t on_len,
                                    const char *rubric,
                                    size_t rubric_len,
                                    char **result_out,
                                    size_t *result_len_out,
                                    ocop_error **err_out);

/**
 * The evaluation rounds a year must have (QĐ 26/2026 Điều 5), and the first round a file
 * proposed on a day can enter, as `ocop calendar YEAR [--level LEVEL] [--on DATE] --format json`
 * gives them.
 *
 * `year` is the year; the rules are those of the rubric in force at its end. `level` is NULL
 * (with `level_len` 0) for every level, or `province` or `central` in UTF-8 of `level_len`
 * bytes (`--level`). `proposed_on` is NULL (with `proposed_on_len` 0), or the day a file is
 * proposed, `YYYY-MM-DD` or `D/M/YYYY` (`--on`): the document then gives, for each level, the
 * first round the file can enter. `options` is 0 or `OCOP_OPTION_ENGLISH` (`--lang en`, for the
 * messages of the error's document).
 *
 * On success, writes the document to `*result_out` and its length to `*result_len_out`; release
 * it with `ocop_string_free`. A year outside the calendar's range, an unknown level or a text
 * that is not a date is `OCOP_STATUS_INVALID_ARGUMENT`. A year under no rubric, or under rules
 * that set no rounds (before QĐ 26/2026), is `OCOP_STATUS_INVALID_INPUT`, with the document
 * the command prints when it exits with status 1 (less its `"file"`): one problem, the value of
 * `year`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `level` and `proposed_on` are each NULL or valid for
 * reading their lengths in bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid
 * for writing.
 */
ocop_status ocop_engine_calendar(const ocop_engine *engine,
                                 int32_t year,
                                 const char *level,
                                 size_t level_len,
                                 const char *proposed_on,
                                 size_t proposed_on_len,
                                 uint32_t options,
                                 char **result_out,
                                 size_t *result_len_out,
                                 ocop_error **err_out);

/**
 * Creates an engine with the rubrics compiled into the library (`ocop rubrics` lists them).
 *
 * On success, writes the engine to `*engine_out`; release it with `ocop_engine_free`.
 *
 * # Safety
 *
 * `engine_out` is NULL or valid for writing a pointer; `err_out` is NULL or valid for writing a
 * pointer.
 */
ocop_status ocop_engine_new_bundled(const ocop_engine **engine_out, ocop_error **err_out);

/**
 * Creates an engine with rubric files read from disk: a rubric folder (holding `rubric.json`),
 * its `rubric.json`, or a folder of rubric folders, as `ocop --rubrics DIR` takes.
 *
 * `path` is UTF-8 of `path_len` bytes, without NUL terminator. Instruments are read now; a
 * product set is read and validated when first used, and a set with errors never scores (a
 * sheet for it is `OCOP_STATUS_INVALID_INPUT`): `ocop_engine_lint_rubrics` checks everything at
 * once. On success, writes the engine to `*engine_out`; release it with `ocop_engine_free`.
 *
 * Fails with `OCOP_STATUS_RUBRIC_UNREADABLE` when the path cannot be read or holds no
 * `rubric.json`.
 *
 * # Safety
 *
 * `path` is NULL or valid for reading `path_len` bytes; `engine_out` is NULL or valid for
 * writing a pointer; `err_out` is NULL or valid for writing a pointer.
 */
ocop_status ocop_engine_new_from_path(const char *path,
                                      size_t path_len,
                                      const ocop_engine **engine_out,
                                      ocop_error **err_out);

/**
 * Releases an engine. NULL is a no-op.
 *
 * # Safety
 *
 * `engine` is NULL or an engine from this library, not yet freed, that no other thread is using;
 * it is not used after.
 */
void ocop_engine_free(const ocop_engine *engine);

/**
 * Scores one council member's sheet, as `ocop score FILE --format json` does.
 *
 * `sheet` is the sheet as JSON (the input contract of `ocop score`), UTF-8 of `sheet_len`
 * bytes, without NUL terminator. `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and
 * `OCOP_OPTION_ENGLISH`; any other bit is `OCOP_STATUS_INVALID_ARGUMENT`.
 *
 * On success, writes the result document (byte for byte what the command prints, ending with a
 * newline) to `*result_out` and its length to `*result_len_out`; release it with
 * `ocop_string_free`. A sheet that is not valid is `OCOP_STATUS_INVALID_INPUT`: the result
 * out-parameters are left alone, and the error object holds the document listing every problem
 * (`ocop_error_document`).
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `sheet` is NULL or valid for reading `sheet_len` bytes;
 * `result_out`, `result_len_out` and `err_out` are NULL or valid for writing.
 */
ocop_status ocop_engine_score_sheet(const ocop_engine *engine,
                                    const char *sheet,
                                    size_t sheet_len,
                                    uint32_t options,
                                    char **result_out,
                                    size_t *result_len_out,
                                    ocop_error **err_out);

/**
 * Scores a council session (every member's sheet of one product), as
 * `ocop council FILE --format json [--rules RULES]` does: quorum, spread, the mean, gates, stars
 * and the certificate, under the council rules of the decision and of the session.
 *
 * `session` is the session as JSON (the input contract of `ocop council`), UTF-8 of
 * `session_len` bytes, without NUL terminator. `rules` is NULL (with `rules_len` 0) or a rules
 * file's JSON (what `ocop council --rules` reads: a province's quorum, largest spread or
 * rounding), UTF-8 of `rules_len` bytes; the result names it "rules file (rules)" where it
 * applies. `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and `OCOP_OPTION_ENGLISH`;
 * any other bit is `OCOP_STATUS_INVALID_ARGUMENT`.
 *
 * On success, writes the result document (byte for byte what the command prints, ending with a
 * newline) to `*result_out` and its length to `*result_len_out`; release it with
 * `ocop_string_free`. A session that is not valid is `OCOP_STATUS_INVALID_INPUT`, with every
 * problem in the error object's document (`ocop_error_document`); when the rules are not valid,
 * that document names `"file": "rules"`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `session` is NULL or valid for reading `session_len` bytes;
 * `rules` is NULL or valid for reading `rules_len` bytes; `result_out`, `result_len_out` and
 * `err_out` are NULL or valid for writing.
 */
ocop_status ocop_engine_score_council(const ocop_engine *engine,
                                      const char *session,
                                      size_t session_len,
                                      const char *rules,
                                      size_t rules_len,
                                      uint32_t options,
                                      char **result_out,
                                      size_t *result_len_out,
                                      ocop_error **err_out);

/**
 * Ranks a round of council sessions, as `ocop rank FILE.ndjson --format json [--rules RULES]`
 * does: each session scored, then all ranked by status, stars and mean, with ties shared.
 *
 * `sessions` is NDJSON: one session per line (the input contract of `ocop council`, each on one
 * line), blank lines skipped; UTF-8 of `sessions_len` bytes, without NUL terminator. `source`
 * names where the sessions came from, as the command names the file it read: a row's `source`
 * is `SOURCE:LINE`, a failure's is `SOURCE`; NULL (with `source_len` 0) names them `sessions`.
 * `rules` and `options` are those of `ocop_engine_score_council`.
 *
 * On success, writes the ranking document to `*result_out` and its length to
 * `*result_len_out`; release it with `ocop_string_free`. Given the name of the file the command
 * read, the document is byte for byte the command's. A session that cannot be scored does
 * not stop the round: it is listed in the document's `failures` (with every problem, its line
 * counted in `sessions`) and counted in `distribution.failed`, and the call still succeeds, so
 * check `failures` (the command exits with status 1 for them). Rules that are not valid are
 * `OCOP_STATUS_INVALID_INPUT`, with `"file": "rules"` in the error object's document.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `sessions` is NULL or valid for reading `sessions_len`
 * bytes; `source` is NULL or valid for reading `source_len` bytes; `rules` is NULL or valid for
 * reading `rules_len` bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid for
 * writing.
 */
ocop_status ocop_engine_rank(const ocop_engine *engine,
                             const char *sessions,
                             size_t sessions_len,
                             const char *source,
                             size_t source_len,
                             const char *rules,
                             size_t rules_len,
                             uint32_t options,
                             char **result_out,
                             size_t *result_len_out,
                             ocop_error **err_out);

/**
 * Checks every rubric of the engine, as `ocop lint --format json` does: every instrument and
 * every product set, read and validated now.
 *
 * On success (the check ran, whatever it found), writes the lint report to `*report_out` and its
 * length to `*report_len_out`: the `"report"` the command prints for one source, with
 * `rubrics` (per rubric revision: `id`, `revision`, `product_sets`, and the counts of `errors`,
 * `warnings` and `errata`), `problems` (every problem, errors and warnings, in file order: its
 * `severity`, `file`, `path`, `line`, `column`, `rubric`, `set`, `code` and `kind` with its
 * details) and `errata` (every recorded departure from the printed source). A rubric with a
 * problem of severity `"error"` never scores. Release the report with `ocop_string_free`.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `report_out`, `report_len_out` and `err_out` are NULL or
 * valid for writing.
 */
ocop_status ocop_engine_lint_rubrics(const ocop_engine *engine,
                                     char **report_out,
                                     size_t *report_len_out,
                                     ocop_error **err_out);

/**
 * Lists the engine's rubrics and their product sets, as `ocop rubrics --format json` does.
 *
 * On success, writes the document (an array of rubrics: `id`, `revision`, `decision`,
 * `effective_from`, `effective_until`, `fingerprint`, `product_sets` with `number` and `name`) to
 * `*rubrics_out` and its length to `*rubrics_len_out`; release it with `ocop_string_free`. A
 * rubric whose instrument file is not valid is left out, as the command leaves it out.
 *
 * # Safety
 *
 * `engine` is NULL or a live engine; `rubrics_out`, `rubrics_len_out` and `err_out` are NULL or
 * valid for writing.
 */
ocop_status ocop_engine_list_rubrics(const ocop_engine *engine,
                                     char **rubrics_out,
                                     size_t *rubrics_len_out,
                                     ocop_error **err_out);

/**
 * The name of a status as this header spells it (`"OCOP_STATUS_INVALID_INPUT"`), for logs: a
 * static NUL-terminated string, never NULL. A number this library does not know (from a newer
 * header) is `"OCOP_STATUS_UNKNOWN"`.
 */
const char *ocop_status_name(uint32_t status);

/**
 * The status of a failed call; `OCOP_STATUS_NULL_ARGUMENT` when `error` is NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed.
 */
ocop_status ocop_error_status(const ocop_error *error);

/**
 * The message: what went wrong, naming the thing concerned (NUL-terminated UTF-8).
 *
 * Borrowed from `error`: valid until `ocop_error_free(error)`. NULL when `error` is NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed.
 */
const char *ocop_error_message(const ocop_error *error);

/**
 * Where in the request the error is, as a JSON Pointer (RFC 6901, `/answers/1.1`; the document
 * itself is `/`), NUL-terminated.
 *
 * Borrowed from `error`: valid until `ocop_error_free(error)`. NULL when the error has no path
 * (it is not about a request's content), or when `error` is NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed.
 */
const char *ocop_error_path(const ocop_error *error);

/**
 * The line in the request text where the error is, from 1; 0 when unknown, or when `error` is
 * NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed.
 */
size_t ocop_error_line(const ocop_error *error);

/**
 * The column in the request text where the error is, in characters from 1; 0 when unknown, or
 * when `error` is NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed.
 */
size_t ocop_error_column(const ocop_error *error);

/**
 * The JSON error document, for `OCOP_STATUS_INVALID_INPUT`: `{"error": {"kind":
 * "invalid_input", "problems": [...]}}`, every problem with its path, line, column and message,
 * as `ocop score --format json` prints it (less the `"file"` the command adds). NUL-terminated;
 * when `document_len_out` is not NULL, the length in bytes (without the NUL) is written there.
 *
 * Borrowed from `error`: valid until `ocop_error_free(error)`. NULL, and `document_len_out` left
 * alone, when the error has no document (any other status), or when `error` is NULL.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed; `document_len_out` is
 * NULL or valid for writing a `size_t`.
 */
const char *ocop_error_document(const ocop_error *error, size_t *document_len_out);

/**
 * Releases an error object and the strings borrowed from it. NULL is a no-op.
 *
 * # Safety
 *
 * `error` is NULL or an error object from this library, not yet freed; it is not used after.
 */
void ocop_error_free(ocop_error *error);

/**
 * Releases a string returned through an out-parameter (a result document). NULL is a no-op.
 *
 * Only for strings this library returned through an out-parameter, never for those borrowed from
 * an object (`ocop_error_message`) nor for `ocop_version`.
 *
 * # Safety
 *
 * `string` is NULL or a string from this library's out-parameters, unmodified and not yet freed;
 * it is not used after.
 */
void ocop_string_free(char *string);

/**
 * The library's version, as a static NUL-terminated string (`"0.1.0"`), to compare with the
 * header's `OCOP_VERSION`. Never NULL; do not free it.
 */
const char *ocop_version(void);

/**
 * The library's version as one number, `MAJOR * 65536 + MINOR * 256 + PATCH` (`0.1.0` is
 * `0x000100`), to compare with the header's `OCOP_VERSION_NUMBER`: the ABI of the header is
 * the library's when `ocop_version_number() >> 8 == OCOP_VERSION_NUMBER >> 8` (same major and
 * minor; a patch release changes no function).
 */
uint32_t ocop_version_number(void);

/**
 * Describes the library and the rubric data compiled into it, as a JSON document:
 * `{"version": "0.1.0", "bundled_rubrics": [{"id": "qd26-2026", "revision": 1, "fingerprint":
 * "sha256:…"}]}`, the identifiers, data revisions and fingerprints `ocop rubrics --format json`
 * lists.
 *
 * On success, writes the document to `*version_out` and its length to `*version_len_out`;
 * release it with `ocop_string_free`.
 *
 * # Safety
 *
 * `version_out`, `version_len_out` and `err_out` are NULL or valid for writing.
 */
ocop_status ocop_version_json(char **version_out, size_t *version_len_out, ocop_error **err_out);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* OCOP_H */
