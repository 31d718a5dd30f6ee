//! The engine: the rubrics to score with, and the entry points that answer requests with it.

use std::ffi::c_char;
use std::path::Path;
use std::ptr;
use std::sync::Arc;

use ocop_core::council::{self, RuleOverrides, SessionOptions};
use ocop_core::lang::Lang;
use ocop_core::lint;
use ocop_core::ndjson::RankStream;
use ocop_core::output::json_document;
use ocop_core::rubric::Catalog;
use ocop_core::score;
use ocop_core::sheet::Completeness;

use crate::boundary::{self, StringOut, guard, non_null};
use crate::error::{ocop_error, ocop_status};

/// Option bit: score an unfinished sheet, as `ocop score --partial` does. Unanswered criteria are
/// allowed (`null` or absent), and the result gives the points so far, the most still reachable
/// and the stars still possible (`"status": "incomplete"`).
pub const OCOP_OPTION_PARTIAL: u32 = 1;

/// Option bit: write problem messages in English, as `ocop score --lang en` does; they are in
/// Vietnamese otherwise. Only messages change: codes, paths and every other field stay the same.
pub const OCOP_OPTION_ENGLISH: u32 = 1 << 1;

/// A scoring engine: the rubrics to score with, validated when first used.
///
/// Immutable, and safe to use from any number of threads at once: build one at start-up and
/// share it. Created by `ocop_engine_new_bundled` or `ocop_engine_new_from_path`, released by
/// `ocop_engine_free` once no thread uses it any more.
pub struct ocop_engine {
    catalog: Arc<Catalog>,
    /// Whether the catalog is the bundled one shared by every bundled engine (see `shared`).
    bundled: bool,
}

impl Drop for ocop_engine {
    fn drop(&mut self) {
        if self.bundled {
            shared::release();
        }
    }
}

/// The bundled rubrics, shared by every engine made with `ocop_engine_new_bundled` and released
/// with the last of them, so that a host that frees its engines (or a leak checker) finds none of
/// the library's memory still held.
mod shared {
    use std::sync::{Arc, Mutex, PoisonError};

    use ocop_core::rubric::Catalog;

    /// How many bundled engines are alive, and their catalog while any is.
    static SHARED: Mutex<(usize, Option<Arc<Catalog>>)> = Mutex::new((0, None));

    /// The bundled catalog, read when no engine holds it.
    pub(super) fn acquire() -> Arc<Catalog> {
        let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
        shared.0 += 1;
        Arc::clone(
            shared
                .1
                .get_or_insert_with(|| Arc::new(Catalog::bundled_owned())),
        )
    }

    /// One bundled engine fewer: the last one takes the catalog back (it is freed with that
    /// engine's own reference).
    pub(super) fn release() {
        let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
        shared.0 = shared.0.saturating_sub(1);
        if shared.0 == 0 {
            shared.1 = None;
        }
    }
}

/// The header promises that engines are shared between threads: the compiler checks it.
const _: () = {
    const fn shareable<T: Send + Sync>() {}
    shareable::<ocop_engine>();
};

/// Creates an engine with the rubrics compiled into the library (`ocop rubrics` lists them).
///
/// On success, writes the engine to `*engine_out`; release it with `ocop_engine_free`.
///
/// # Safety
///
/// `engine_out` is NULL or valid for writing a pointer; `err_out` is NULL or valid for writing a
/// pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_new_bundled(
    engine_out: *mut *const ocop_engine,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let body = || {
        let engine_out = non_null(engine_out, "engine_out")?;
        let engine = ocop_engine {
            catalog: shared::acquire(),
            bundled: true,
        };
        // SAFETY: checked for NULL, and writable as this function's contract says.
        unsafe { engine_out.write(Arc::into_raw(Arc::new(engine))) };
        Ok(())
    };
    // SAFETY: `err_out` is NULL or writable, as this function's contract says.
    unsafe { boundary::call(err_out, body) }
}

/// Creates an engine with rubric files read from disk: a rubric folder (holding `rubric.json`),
/// its `rubric.json`, or a folder of rubric folders, as `ocop --rubrics DIR` takes.
///
/// `path` is UTF-8 of `path_len` bytes, without NUL terminator. Instruments are read now; a
/// product set is read and validated when first used, and a set with errors never scores (a
/// sheet for it is `OCOP_STATUS_INVALID_INPUT`): `ocop_engine_lint_rubrics` checks everything at
/// once. On success, writes the engine to `*engine_out`; release it with `ocop_engine_free`.
///
/// Fails with `OCOP_STATUS_RUBRIC_UNREADABLE` when the path cannot be read or holds no
/// `rubric.json`.
///
/// # Safety
///
/// `path` is NULL or valid for reading `path_len` bytes; `engine_out` is NULL or valid for
/// writing a pointer; `err_out` is NULL or valid for writing a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_new_from_path(
    path: *const c_char,
    path_len: usize,
    engine_out: *mut *const ocop_engine,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let body = || {
        let engine_out = non_null(engine_out, "engine_out")?;
        // SAFETY: `path` is NULL or readable for `path_len` bytes, as the contract says.
        let path = unsafe { boundary::text(path, path_len, "path") }?;
        let catalog =
            Catalog::from_path(Path::new(path)).map_err(|error| ocop_error::rubric(&error))?;
        let engine = ocop_engine {
            catalog: Arc::new(catalog),
            bundled: false,
        };
        // SAFETY: checked for NULL, and writable as this function's contract says.
        unsafe { engine_out.write(Arc::into_raw(Arc::new(engine))) };
        Ok(())
    };
    // SAFETY: `err_out` is NULL or writable, as this function's contract says.
    unsafe { boundary::call(err_out, body) }
}

/// Releases an engine. NULL is a no-op.
///
/// # Safety
///
/// `engine` is NULL or an engine from this library, not yet freed, that no other thread is using;
/// it is not used after.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_free(engine: *const ocop_engine) {
    guard((), || {
        if !engine.is_null() {
            // SAFETY: a non-NULL engine comes from `Arc::into_raw` in a constructor and is freed
            // once, as the caller promises.
            drop(unsafe { Arc::from_raw(engine) });
        }
    });
}

/// Scores one council member's sheet, as `ocop score FILE --format json` does.
///
/// `sheet` is the sheet as JSON (the input contract of `ocop score`), UTF-8 of `sheet_len`
/// bytes, without NUL terminator. `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and
/// `OCOP_OPTION_ENGLISH`; any other bit is `OCOP_STATUS_INVALID_ARGUMENT`.
///
/// On success, writes the result document (byte for byte what the command prints, ending with a
/// newline) to `*result_out` and its length to `*result_len_out`; release it with
/// `ocop_string_free`. A sheet that is not valid is `OCOP_STATUS_INVALID_INPUT`: the result
/// out-parameters are left alone, and the error object holds the document listing every problem
/// (`ocop_error_document`).
///
/// # Safety
///
/// `engine` is NULL or a live engine; `sheet` is NULL or valid for reading `sheet_len` bytes;
/// `result_out`, `result_len_out` and `err_out` are NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_score_sheet(
    engine: *const ocop_engine,
    sheet: *const c_char,
    sheet_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let call = JsonCall {
        engine,
        request: (sheet, sheet_len),
        second: (ptr::null(), 0),
        options,
        result_out,
        result_len_out,
        err_out,
    };
    // SAFETY: the caller keeps this function's contract, which is `Endpoint::answer`'s.
    unsafe {
        SCORE_SHEET.answer(call, |catalog, request, options| {
            score::score_sheet(catalog, request.text, options.completeness())
                .map(|card| json_document(&card))
                .map_err(|problems| ocop_error::invalid_input(problems, options.lang()))
        })
    }
}

/// `ocop score FILE --format json [--partial] [--lang en]`.
const SCORE_SHEET: Endpoint = Endpoint {
    request: "sheet",
    second: "",
    options: OCOP_OPTION_PARTIAL | OCOP_OPTION_ENGLISH,
};

/// Scores a council session (every member's sheet of one product), as
/// `ocop council FILE --format json [--rules RULES]` does: quorum, spread, the mean, gates, stars
/// and the certificate, under the council rules of the decision and of the session.
///
/// `session` is the session as JSON (the input contract of `ocop council`), UTF-8 of
/// `session_len` bytes, without NUL terminator. `rules` is NULL (with `rules_len` 0) or a rules
/// file's JSON (what `ocop council --rules` reads: a province's quorum, largest spread or
/// rounding), UTF-8 of `rules_len` bytes; the result names it "rules file (rules)" where it
/// applies. `options` is 0 or a combination of `OCOP_OPTION_PARTIAL` and `OCOP_OPTION_ENGLISH`;
/// any other bit is `OCOP_STATUS_INVALID_ARGUMENT`.
///
/// On success, writes the result document (byte for byte what the command prints, ending with a
/// newline) to `*result_out` and its length to `*result_len_out`; release it with
/// `ocop_string_free`. A session that is not valid is `OCOP_STATUS_INVALID_INPUT`, with every
/// problem in the error object's document (`ocop_error_document`); when the rules are not valid,
/// that document names `"file": "rules"`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `session` is NULL or valid for reading `session_len` bytes;
/// `rules` is NULL or valid for reading `rules_len` bytes; `result_out`, `result_len_out` and
/// `err_out` are NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_score_council(
    engine: *const ocop_engine,
    session: *const c_char,
    session_len: usize,
    rules: *const c_char,
    rules_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let call = JsonCall {
        engine,
        request: (session, session_len),
        second: (rules, rules_len),
        options,
        result_out,
        result_len_out,
        err_out,
    };
    // SAFETY: the caller keeps this function's contract, which is `Endpoint::answer`'s.
    unsafe {
        SCORE_COUNCIL.answer(call, |catalog, request, options| {
            let rules = rule_overrides(request.second, options)?;
            council::score_session(
                catalog,
                request.text,
                options.session_options(rules.as_ref()),
            )
            .map(|result| json_document(&result))
            .map_err(|problems| ocop_error::invalid_input(problems, options.lang()))
        })
    }
}

/// `ocop council FILE --format json [--partial] [--lang en] [--rules RULES]`.
const SCORE_COUNCIL: Endpoint = Endpoint {
    request: "session",
    second: "rules",
    options: OCOP_OPTION_PARTIAL | OCOP_OPTION_ENGLISH,
};

/// Ranks a round of council sessions, as `ocop rank FILE.ndjson --format json [--rules RULES]`
/// does: each session scored, then all ranked by status, stars and mean, with ties shared.
///
/// `sessions` is NDJSON: one session per line (the input contract of `ocop council`, each on one
/// line), blank lines skipped; UTF-8 of `sessions_len` bytes, without NUL terminator. `source`
/// names where the sessions came from, as the command names the file it read: a row's `source`
/// is `SOURCE:LINE`, a failure's is `SOURCE`; NULL (with `source_len` 0) names them `sessions`.
/// `rules` and `options` are those of `ocop_engine_score_council`.
///
/// On success, writes the ranking document to `*result_out` and its length to
/// `*result_len_out`; release it with `ocop_string_free`. Given the name of the file the command
/// read, the document is byte for byte the command's. A session that cannot be scored does
/// not stop the round: it is listed in the document's `failures` (with every problem, its line
/// counted in `sessions`) and counted in `distribution.failed`, and the call still succeeds, so
/// check `failures` (the command exits with status 1 for them). Rules that are not valid are
/// `OCOP_STATUS_INVALID_INPUT`, with `"file": "rules"` in the error object's document.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `sessions` is NULL or valid for reading `sessions_len`
/// bytes; `source` is NULL or valid for reading `source_len` bytes; `rules` is NULL or valid for
/// reading `rules_len` bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid for
/// writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_rank(
    engine: *const ocop_engine,
    sessions: *const c_char,
    sessions_len: usize,
    source: *const c_char,
    source_len: usize,
    rules: *const c_char,
    rules_len: usize,
    options: u32,
    result_out: *mut *mut c_char,
    result_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let call = JsonCall {
        engine,
        request: (sessions, sessions_len),
        second: (rules, rules_len),
        options,
        result_out,
        result_len_out,
        err_out,
    };
    // SAFETY: the caller keeps this function's contract, which is `Endpoint::answer`'s, and
    // `source` is NULL or readable for `source_len` bytes.
    unsafe {
        RANK.answer(call, |catalog, request, options| {
            let source = boundary::optional_text(source, source_len, "source")?;
            let rules = rule_overrides(request.second, options)?;
            let out = Vec::with_capacity(request.text.len() / 4);
            let mut round = RankStream::start(
                catalog,
                options.session_options(rules.as_ref()),
                source.unwrap_or("sessions"),
                options.lang(),
                out,
            )
            .map_err(ocop_error::internal)?;
            round
                .feed(request.text.as_bytes())
                .map_err(ocop_error::internal)?;
            let bytes = round.finish().map_err(ocop_error::internal)?;
            // The writer writes JSON, which is UTF-8.
            String::from_utf8(bytes).map_err(ocop_error::internal)
        })
    }
}

/// `ocop rank FILE.ndjson --format json [--partial] [--lang en] [--rules RULES]`.
const RANK: Endpoint = Endpoint {
    request: "sessions",
    second: "rules",
    options: OCOP_OPTION_PARTIAL | OCOP_OPTION_ENGLISH,
};

/// Checks every rubric of the engine, as `ocop lint --format json` does: every instrument and
/// every product set, read and validated now.
///
/// On success (the check ran, whatever it found), writes the lint report to `*report_out` and its
/// length to `*report_len_out`: the `"report"` the command prints for one source, with
/// `rubrics` (per rubric revision: `id`, `revision`, `product_sets`, and the counts of `errors`,
/// `warnings` and `errata`), `problems` (every problem, errors and warnings, in file order: its
/// `severity`, `file`, `path`, `line`, `column`, `rubric`, `set`, `code` and `kind` with its
/// details) and `errata` (every recorded departure from the printed source). A rubric with a
/// problem of severity `"error"` never scores. Release the report with `ocop_string_free`.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `report_out`, `report_len_out` and `err_out` are NULL or
/// valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_lint_rubrics(
    engine: *const ocop_engine,
    report_out: *mut *mut c_char,
    report_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    // SAFETY: the caller keeps this function's contract, which is `report`'s.
    unsafe {
        report(
            engine,
            report_out,
            report_len_out,
            "report",
            err_out,
            |catalog| Ok(json_document(&lint::lint(catalog))),
        )
    }
}

/// Lists the engine's rubrics and their product sets, as `ocop rubrics --format json` does.
///
/// On success, writes the document (an array of rubrics: `id`, `revision`, `decision`,
/// `effective_from`, `effective_until`, `fingerprint`, `product_sets` with `number` and `name`) to
/// `*rubrics_out` and its length to `*rubrics_len_out`; release it with `ocop_string_free`. A
/// rubric whose instrument file is not valid is left out, as the command leaves it out.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `rubrics_out`, `rubrics_len_out` and `err_out` are NULL or
/// valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_engine_list_rubrics(
    engine: *const ocop_engine,
    rubrics_out: *mut *mut c_char,
    rubrics_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    // SAFETY: the caller keeps this function's contract, which is `report`'s.
    unsafe {
        report(
            engine,
            rubrics_out,
            rubrics_len_out,
            "rubrics",
            err_out,
            |catalog| Ok(json_document(&catalog.summaries())),
        )
    }
}

/// The council rules given with a request, parsed; problems in them are the request's.
pub(crate) fn rule_overrides(
    rules: Option<&str>,
    options: Options,
) -> Result<Option<RuleOverrides>, ocop_error> {
    rules
        .map(council::parse_overrides)
        .transpose()
        .map_err(|problems| ocop_error::invalid_rules(problems, options.lang()))
}

/// The arguments of a JSON entry point, as the caller gave them: an engine, a request (UTF-8,
/// pointer and length), an optional second text (council rules, costs, a rubric; NULL with length
/// 0 when none), option bits, the result's out-parameters and `err_out`.
pub(crate) struct JsonCall {
    pub(crate) engine: *const ocop_engine,
    pub(crate) request: (*const c_char, usize),
    pub(crate) second: (*const c_char, usize),
    pub(crate) options: u32,
    pub(crate) result_out: *mut *mut c_char,
    pub(crate) result_len_out: *mut usize,
    pub(crate) err_out: *mut *mut ocop_error,
}

/// A "JSON request in, JSON document out" entry point, apart from the boundary and its handler:
/// every such entry point is an `Endpoint` constant and a short `extern "C"` function calling
/// [`Endpoint::answer`] with the handler.
pub(crate) struct Endpoint {
    /// The request's parameter name in the header, for messages (`"sheet"`).
    pub(crate) request: &'static str,
    /// The second text's parameter name (`"rules"`), or empty when the entry point takes none.
    pub(crate) second: &'static str,
    /// The option bits the entry point takes; any other bit is `OCOP_STATUS_INVALID_ARGUMENT`.
    pub(crate) options: u32,
}

/// A request's text, and the optional second text given with it, both checked to be UTF-8.
pub(crate) struct Request<'a> {
    pub(crate) text: &'a str,
    pub(crate) second: Option<&'a str>,
}

impl Endpoint {
    /// Checks the arguments (NULLs first, then the options, then the texts' lengths and UTF-8),
    /// runs the handler inside the panic boundary, and writes the document to the result
    /// out-parameters only when it succeeds. The handler answers a valid UTF-8 request: the
    /// document, or why there is none (an invalid request is `ocop_error::invalid_input`).
    ///
    /// # Safety
    ///
    /// `engine` is NULL or a live engine; `request` and `second` are NULL or valid for reading
    /// their lengths in bytes; `result_out`, `result_len_out` and `err_out` are NULL or valid for
    /// writing.
    pub(crate) unsafe fn answer(
        &self,
        call: JsonCall,
        handler: impl FnOnce(&Catalog, Request<'_>, Options) -> Result<String, ocop_error>,
    ) -> ocop_status {
        let body = || {
            // SAFETY: `engine` is NULL or live, as the contract says.
            let engine = unsafe { engine_ref(call.engine) }?;
            let out = StringOut::new(call.result_out, call.result_len_out, "result")?;
            let options = Options::check(call.options, self.options)?;
            let (request, request_len) = call.request;
            // SAFETY: `request` is NULL or readable for `request_len` bytes, as the contract says.
            let text = unsafe { boundary::text(request, request_len, self.request) }?;
            let (second, second_len) = call.second;
            // SAFETY: `second` is NULL or readable for `second_len` bytes, as the contract says.
            let second = unsafe { boundary::optional_text(second, second_len, self.second) }?;
            let document = handler(&engine.catalog, Request { text, second }, options)?;
            // SAFETY: both checked for NULL, and writable as the contract says.
            unsafe { out.write(document) };
            Ok(())
        };
        // SAFETY: `err_out` is NULL or writable, as the contract says.
        unsafe { boundary::call(call.err_out, body) }
    }
}

/// The body of an entry point that answers with a document without a request: about the
/// engine's rubrics, or computed from plain arguments the closure checks itself.
///
/// # Safety
///
/// `engine` is NULL or a live engine; `out`, `len_out` and `err_out` are NULL or valid for
/// writing.
pub(crate) unsafe fn report(
    engine: *const ocop_engine,
    out: *mut *mut c_char,
    len_out: *mut usize,
    name: &str,
    err_out: *mut *mut ocop_error,
    document: impl FnOnce(&Catalog) -> Result<String, ocop_error>,
) -> ocop_status {
    let body = || {
        // SAFETY: `engine` is NULL or live, as the contract says.
        let engine = unsafe { engine_ref(engine) }?;
        let out = StringOut::new(out, len_out, name)?;
        let document = document(&engine.catalog)?;
        // SAFETY: both checked for NULL, and writable as the contract says.
        unsafe { out.write(document) };
        Ok(())
    };
    // SAFETY: `err_out` is NULL or writable, as the contract says.
    unsafe { boundary::call(err_out, body) }
}

/// Borrows the engine behind a pointer.
///
/// # Safety
///
/// `engine` is NULL or an engine from this library, not yet freed, for the lifetime `'a`.
unsafe fn engine_ref<'a>(engine: *const ocop_engine) -> Result<&'a ocop_engine, ocop_error> {
    // SAFETY: NULL or a pointer from `Arc::into_raw` whose engine lives during the call.
    unsafe { engine.as_ref() }.ok_or_else(|| ocop_error::null_argument("engine"))
}

/// Option bits, checked against those an entry point takes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options(u32);

impl Options {
    pub(crate) fn check(bits: u32, accepted: u32) -> Result<Self, ocop_error> {
        match bits & !accepted {
            0 => Ok(Self(bits)),
            unknown => Err(ocop_error::invalid_argument(format!(
                "options has bits this function does not take: {unknown:#x}"
            ))),
        }
    }

    /// Whether an option bit is set.
    pub(crate) fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    pub(crate) fn completeness(self) -> Completeness {
        if self.has(OCOP_OPTION_PARTIAL) {
            Completeness::Partial
        } else {
            Completeness::Complete
        }
    }

    pub(crate) fn lang(self) -> Lang {
        if self.has(OCOP_OPTION_ENGLISH) {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// How sessions are scored: complete or partial, under the rules given (named `rules`).
    fn session_options(self, rules: Option<&RuleOverrides>) -> SessionOptions<'_> {
        SessionOptions {
            completeness: self.completeness(),
            rules_file: rules.map(|overrides| ("rules", overrides)),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! Each error path, through the `extern "C"` functions as a C caller reaches them.

    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::error::{
        ocop_error_column, ocop_error_document, ocop_error_free, ocop_error_line,
        ocop_error_message, ocop_error_path, ocop_error_status,
    };
    use crate::string::ocop_string_free;

    pub(crate) const EXAMPLE: &str = include_str!("../../../fixtures/examples/toi-den-ly-son.json");

    pub(crate) fn bundled() -> *const ocop_engine {
        let mut engine = ptr::null();
        // SAFETY: valid out-parameters.
        let status = unsafe { ocop_engine_new_bundled(&raw mut engine, ptr::null_mut()) };
        assert_eq!(status, ocop_status::Ok);
        engine
    }

    /// What a failed call gave: its status, message, path, line, column and document.
    #[derive(Debug)]
    pub(crate) struct Failure {
        pub(crate) status: ocop_status,
        pub(crate) message: String,
        pub(crate) path: Option<String>,
        pub(crate) line: usize,
        pub(crate) column: usize,
        pub(crate) document: Option<String>,
    }

    /// Reads and releases an error object.
    pub(crate) fn failure(error: *mut ocop_error) -> Failure {
        assert!(!error.is_null(), "a failed call gives an error object");
        let text = |pointer: *const c_char| {
            (!pointer.is_null()).then(|| {
                // SAFETY: a NUL-terminated string borrowed from the live error.
                let text = unsafe { CStr::from_ptr(pointer) };
                text.to_str().unwrap().to_owned()
            })
        };
        let mut len = 0;
        // SAFETY: a live error object, released once at the end.
        unsafe {
            let failure = Failure {
                status: ocop_error_status(error),
                message: text(ocop_error_message(error)).unwrap(),
                path: text(ocop_error_path(error)),
                line: ocop_error_line(error),
                column: ocop_error_column(error),
                document: text(ocop_error_document(error, &raw mut len)),
            };
            if let Some(document) = &failure.document {
                assert_eq!(document.len(), len);
            }
            ocop_error_free(error);
            failure
        }
    }

    /// Scores through the C ABI: the result, or the failure. Checks that a failure leaves the
    /// result out-parameters alone.
    fn score(engine: *const ocop_engine, sheet: &[u8], options: u32) -> Result<String, Failure> {
        // SAFETY: `sheet` is readable; the out-parameters are valid.
        outcome(|result, len, error| unsafe {
            ocop_engine_score_sheet(
                engine,
                sheet.as_ptr().cast(),
                sheet.len(),
                options,
                result,
                len,
                error,
            )
        })
    }

    fn council(engine: *const ocop_engine, session: &str, rules: &[u8]) -> Result<String, Failure> {
        // SAFETY: `session` and `rules` are readable; the out-parameters are valid.
        outcome(|result, len, error| unsafe {
            ocop_engine_score_council(
                engine,
                session.as_ptr().cast(),
                session.len(),
                rules.as_ptr().cast(),
                rules.len(),
                0,
                result,
                len,
                error,
            )
        })
    }

    fn rank(engine: *const ocop_engine, sessions: &str) -> Result<String, Failure> {
        // SAFETY: `sessions` is readable, `rules` NULL; the out-parameters are valid.
        outcome(|result, len, error| unsafe {
            ocop_engine_rank(
                engine,
                sessions.as_ptr().cast(),
                sessions.len(),
                ptr::null(),
                0,
                ptr::null(),
                0,
                OCOP_OPTION_ENGLISH,
                result,
                len,
                error,
            )
        })
    }

    /// Makes a call whose result out-parameters hold sentinels: the document it writes, or its
    /// failure, checking that a failed call leaves the sentinels alone.
    pub(crate) fn outcome(
        call: impl FnOnce(*mut *mut c_char, *mut usize, *mut *mut ocop_error) -> ocop_status,
    ) -> Result<String, Failure> {
        let mut untouched = 0 as c_char;
        let (mut result, mut len, mut error) = (&raw mut untouched, 7, ptr::null_mut());
        let status = call(&raw mut result, &raw mut len, &raw mut error);
        if status != ocop_status::Ok {
            assert_eq!((result, len), (&raw mut untouched, 7), "no partial success");
            let failure = failure(error);
            assert_eq!(failure.status, status);
            return Err(failure);
        }
        assert!(error.is_null(), "err_out is written only on failure");
        // SAFETY: the library's NUL-terminated string of `len` bytes, released once.
        unsafe {
            let text = CStr::from_ptr(result).to_str().unwrap().to_owned();
            assert_eq!(text.len(), len);
            ocop_string_free(result);
            Ok(text)
        }
    }

    #[test]
    fn a_valid_sheet_is_scored() {
        let engine = bundled();
        let result = score(engine, EXAMPLE.as_bytes(), 0).unwrap();
        assert!(result.contains("\"stars\": 3"), "{result}");
        assert!(result.ends_with("}\n"));
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn an_invalid_sheet_gives_the_error_document_and_the_first_place() {
        let engine = bundled();
        let sheet = "{\"rubric\": \"qd26-2026\", \"product_set\": 10,\n \"answers\": {\"1.1\": 9}}";
        let failure = score(engine, sheet.as_bytes(), OCOP_OPTION_ENGLISH).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        assert_eq!(failure.path.as_deref(), Some("/answers/1.1"));
        assert_eq!((failure.line, failure.column), (2, 21));
        assert!(failure.message.contains("option 9"), "{failure:?}");
        let document = failure.document.unwrap();
        assert!(document.starts_with("{\n  \"error\": {\n    \"kind\": \"invalid_input\""));
        assert!(!document.contains("\"file\""));
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn messages_are_vietnamese_unless_english_is_asked_for() {
        let engine = bundled();
        let failure = score(engine, b"{}", 0).unwrap_err();
        let english = score(engine, b"{}", OCOP_OPTION_ENGLISH).unwrap_err();
        assert_ne!(failure.message, english.message);
        assert_eq!(failure.path, english.path);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn a_partial_sheet_needs_the_partial_option() {
        let engine = bundled();
        let sheet = r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 3}}"#;
        let failure = score(engine, sheet.as_bytes(), 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        let result = score(engine, sheet.as_bytes(), OCOP_OPTION_PARTIAL).unwrap();
        assert!(result.contains("\"status\": \"incomplete\""), "{result}");
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn invalid_utf8_is_an_error_with_its_place() {
        let engine = bundled();
        let failure = score(engine, b"{\n  \"rubric\": \"\xe1\x00\"}", 0).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidUtf8);
        assert_eq!((failure.line, failure.column), (2, 14));
        assert_eq!((failure.path, failure.document), (None, None));
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn unknown_option_bits_are_refused() {
        let engine = bundled();
        let failure = score(engine, EXAMPLE.as_bytes(), 1 << 31).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidArgument);
        assert!(failure.message.contains("0x80000000"), "{failure:?}");
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn a_length_above_isize_max_is_refused_without_reading() {
        let engine = bundled();
        let (mut result, mut len, mut error) = (ptr::null_mut(), 0, ptr::null_mut());
        // SAFETY: the library must not read past the one byte, which it refuses to read at all.
        let status = unsafe {
            ocop_engine_score_sheet(
                engine,
                c"x".as_ptr(),
                usize::MAX,
                0,
                &raw mut result,
                &raw mut len,
                &raw mut error,
            )
        };
        assert_eq!(status, ocop_status::InvalidArgument);
        assert!(failure(error).message.contains("sheet_len"));
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn null_arguments_are_named() {
        let engine = bundled();
        let sheet = EXAMPLE.as_bytes();
        let (mut result, mut len) = (ptr::null_mut(), 0);
        let (result_out, len_out) = (&raw mut result, &raw mut len);
        // Each call with one NULL argument, and the name the message must give it.
        type Call = Box<dyn Fn(*mut *mut ocop_error) -> ocop_status>;
        let calls: Vec<(&str, Call)> = vec![
            (
                "engine",
                Box::new(move |error| {
                    // SAFETY: every pointer but `engine` is valid.
                    unsafe {
                        ocop_engine_score_sheet(
                            ptr::null(),
                            sheet.as_ptr().cast(),
                            sheet.len(),
                            0,
                            result_out,
                            len_out,
                            error,
                        )
                    }
                }),
            ),
            (
                "result_out",
                Box::new(move |error| {
                    // SAFETY: every pointer but `result_out` is valid.
                    unsafe {
                        ocop_engine_score_sheet(
                            engine,
                            sheet.as_ptr().cast(),
                            sheet.len(),
                            0,
                            ptr::null_mut(),
                            len_out,
                            error,
                        )
                    }
                }),
            ),
            (
                "result_len_out",
                Box::new(move |error| {
                    // SAFETY: every pointer but `result_len_out` is valid.
                    unsafe {
                        ocop_engine_score_sheet(
                            engine,
                            sheet.as_ptr().cast(),
                            sheet.len(),
                            0,
                            result_out,
                            ptr::null_mut(),
                            error,
                        )
                    }
                }),
            ),
            (
                "engine_out",
                // SAFETY: `engine_out` is NULL, `error` valid.
                Box::new(move |error| unsafe { ocop_engine_new_bundled(ptr::null_mut(), error) }),
            ),
            (
                "report_out",
                Box::new(move |error| {
                    // SAFETY: every pointer but `report_out` is valid.
                    unsafe { ocop_engine_lint_rubrics(engine, ptr::null_mut(), len_out, error) }
                }),
            ),
            (
                "rubrics_len_out",
                Box::new(move |error| {
                    // SAFETY: every pointer but `rubrics_len_out` is valid.
                    unsafe { ocop_engine_list_rubrics(engine, result_out, ptr::null_mut(), error) }
                }),
            ),
        ];
        for (name, call) in calls {
            let mut error = ptr::null_mut();
            assert_eq!(call(&raw mut error), ocop_status::NullArgument, "{name}");
            let failure = failure(error);
            assert_eq!(failure.status, ocop_status::NullArgument);
            assert_eq!(failure.message, format!("{name} is NULL"));
            // Without an error object: the status alone.
            assert_eq!(call(ptr::null_mut()), ocop_status::NullArgument, "{name}");
        }
        assert!(result.is_null() && len == 0, "nothing written");
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn unreadable_rubrics_are_an_error() {
        let path = "/nonexistent/ocop-rubrics";
        let (mut engine, mut error) = (ptr::null(), ptr::null_mut());
        // SAFETY: `path` is readable; the out-parameters are valid.
        let status = unsafe {
            ocop_engine_new_from_path(
                path.as_ptr().cast(),
                path.len(),
                &raw mut engine,
                &raw mut error,
            )
        };
        assert_eq!(status, ocop_status::RubricUnreadable);
        assert!(engine.is_null());
        let failure = failure(error);
        assert!(failure.message.contains(path), "{failure:?}");
        assert_eq!(
            (failure.path, failure.line, failure.document),
            (None, 0, None)
        );
    }

    #[test]
    fn rubric_files_score_as_the_bundled_rubrics() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rubrics/qd26-2026");
        let (mut engine, mut error) = (ptr::null(), ptr::null_mut());
        // SAFETY: `path` is readable; the out-parameters are valid.
        let status = unsafe {
            ocop_engine_new_from_path(
                path.as_ptr().cast(),
                path.len(),
                &raw mut engine,
                &raw mut error,
            )
        };
        assert_eq!(status, ocop_status::Ok);
        let bundled = bundled();
        assert_eq!(
            score(engine, EXAMPLE.as_bytes(), 0).unwrap(),
            score(bundled, EXAMPLE.as_bytes(), 0).unwrap()
        );
        // SAFETY: each released once.
        unsafe {
            ocop_engine_free(engine);
            ocop_engine_free(bundled);
        }
    }

    #[test]
    fn the_bundled_rubrics_lint_and_list_as_the_core_reports_them() {
        let engine = bundled();
        for (function, expected) in [
            (
                ocop_engine_lint_rubrics as unsafe extern "C" fn(_, _, _, _) -> _,
                json_document(&lint::lint(Catalog::bundled())),
            ),
            (
                ocop_engine_list_rubrics,
                json_document(&Catalog::bundled().summaries()),
            ),
        ] {
            let (mut text, mut len, mut error) = (ptr::null_mut(), 0, ptr::null_mut());
            // SAFETY: valid out-parameters; the string is released once.
            unsafe {
                assert_eq!(
                    function(engine, &raw mut text, &raw mut len, &raw mut error),
                    ocop_status::Ok
                );
                assert_eq!(CStr::from_ptr(text).to_str().unwrap(), expected);
                assert_eq!(len, expected.len());
                ocop_string_free(text);
            }
        }
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    pub(crate) const SESSION: &str =
        include_str!("../../../fixtures/examples/council-toi-den-ly-son.json");

    #[test]
    fn a_council_session_scores_under_the_rules_given() {
        let engine = bundled();
        let result = council(engine, SESSION, b"{}").unwrap();
        assert!(result.contains("\"status\": \"ranked\""), "{result}");
        // The members' totals differ by 8 points.
        let result = council(engine, SESSION, br#"{"max_spread": "5"}"#).unwrap();
        assert!(
            result.contains("\"status\": \"needs_rescoring\""),
            "{result}"
        );
        assert!(
            result.contains("\"source\": \"rules file (rules)\""),
            "{result}"
        );
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn invalid_rules_are_named_in_the_message_and_the_document() {
        let engine = bundled();
        let failure = council(engine, SESSION, br#"{"max_spread": 5}"#).unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidInput);
        assert!(failure.message.starts_with("rules: "), "{failure:?}");
        assert_eq!(failure.path.as_deref(), Some("/max_spread"));
        let document = failure.document.unwrap();
        assert!(document.contains("\"file\": \"rules\""), "{document}");
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn rules_that_are_not_utf8_are_refused() {
        let engine = bundled();
        let failure = council(engine, SESSION, b"{\"max_spread\": \"\xff\"}").unwrap_err();
        assert_eq!(failure.status, ocop_status::InvalidUtf8);
        assert!(
            failure.message.starts_with("rules is not valid UTF-8"),
            "{failure:?}"
        );
        assert_eq!((failure.line, failure.column), (1, 17));
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn a_round_with_a_broken_session_succeeds_and_lists_it() {
        let engine = bundled();
        let session =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(SESSION).unwrap())
                .unwrap();
        let ranking = rank(engine, &format!("\n{session}\n{{\"members\": \n")).unwrap();
        let ranking: serde_json::Value = serde_json::from_str(&ranking).unwrap();
        assert_eq!(ranking["rows"][0]["source"], "sessions:2");
        assert_eq!(ranking["failures"][0]["source"], "sessions");
        assert_eq!(ranking["failures"][0]["problems"][0]["line"], 3);
        let message = ranking["failures"][0]["problems"][0]["message"]
            .as_str()
            .unwrap();
        assert!(
            message.starts_with("not valid JSON"),
            "in English: {message}"
        );
        assert_eq!(ranking["distribution"]["failed"], 1);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn null_with_length_zero_is_the_empty_text() {
        let engine = bundled();
        let (mut result, mut len, mut error) = (ptr::null_mut(), 0, ptr::null_mut());
        // SAFETY: NULL with length 0 is allowed; the out-parameters are valid.
        let status = unsafe {
            ocop_engine_score_sheet(
                engine,
                ptr::null(),
                0,
                0,
                &raw mut result,
                &raw mut len,
                &raw mut error,
            )
        };
        assert_eq!(
            status,
            ocop_status::InvalidInput,
            "empty text is not a sheet"
        );
        let empty = failure(error);
        assert_eq!(empty.document, score(engine, b"", 0).unwrap_err().document);
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn null_with_a_length_is_an_invalid_argument() {
        let engine = bundled();
        let (mut result, mut len, mut error) = (ptr::null_mut(), 0, ptr::null_mut());
        // SAFETY: the library must not read the NULL texts; the out-parameters are valid.
        let status = unsafe {
            ocop_engine_score_council(
                engine,
                SESSION.as_ptr().cast(),
                SESSION.len(),
                ptr::null(),
                3,
                0,
                &raw mut result,
                &raw mut len,
                &raw mut error,
            )
        };
        assert_eq!(status, ocop_status::InvalidArgument);
        assert_eq!(failure(error).message, "rules is NULL but rules_len is 3");
        assert!(result.is_null());
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }

    #[test]
    fn a_round_names_its_rows_after_the_source_given() {
        let engine = bundled();
        let session =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(SESSION).unwrap())
                .unwrap();
        let source = "vong-1.ndjson";
        let ranking = outcome(|result, len, error| {
            // SAFETY: valid texts and out-parameters.
            unsafe {
                ocop_engine_rank(
                    engine,
                    session.as_ptr().cast(),
                    session.len(),
                    source.as_ptr().cast(),
                    source.len(),
                    ptr::null(),
                    0,
                    0,
                    result,
                    len,
                    error,
                )
            }
        })
        .unwrap();
        let ranking: serde_json::Value = serde_json::from_str(&ranking).unwrap();
        assert_eq!(ranking["rows"][0]["source"], "vong-1.ndjson:1");
        // SAFETY: released once.
        unsafe { ocop_engine_free(engine) };
    }
}
