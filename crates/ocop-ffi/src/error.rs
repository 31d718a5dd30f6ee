//! Why a call failed: a stable status number, and an optional owned error object with the message
//! and the place in the input.

use std::any::Any;
use std::ffi::{CStr, CString, c_char};
use std::ptr;

use ocop_core::calendar::CalendarError;
use ocop_core::certificate::CertificateError;
use ocop_core::json::Position;
use ocop_core::lang::{Describe, Lang};
use ocop_core::output::{ErrorDocument, json_document};
use ocop_core::rubric::RubricError;
use ocop_core::sheet::InputProblems;

use crate::boundary::{c_string, guard};

/// The outcome of a call: `OCOP_STATUS_OK`, or why the call failed.
///
/// The numbers are stable: a number is never changed, and a retired number is never given to
/// another meaning. A newer library may return numbers this header does not list: treat every
/// value other than `OCOP_STATUS_OK` as a failure. The hundreds group the causes: 1xx the
/// arguments of the call, 2xx the content of a request, 3xx rubric data, 9xx the library itself.
///
/// Retired numbers (kept here so that they are never reused): none yet.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ocop_status {
    /// The call succeeded, and its out-parameters are written.
    Ok = 0,
    /// A pointer argument that must not be NULL is NULL. The message names the argument.
    NullArgument = 100,
    /// A text argument (a request, a path) is not valid UTF-8. The error's line and column give
    /// the place of the first invalid byte.
    InvalidUtf8 = 101,
    /// An argument is out of range: an option bit the function does not take, or a length above
    /// `PTRDIFF_MAX`.
    InvalidArgument = 102,
    /// The request is not valid: not JSON, or not a sheet, session or rules file of the contract
    /// (unknown fields, codes or options, wrong types, missing answers, an unknown rubric or
    /// product set). A normal outcome: every problem is in the error object's JSON document
    /// (`ocop_error_document`), the document the command prints for it; the error's message,
    /// path, line and column are those of the first problem.
    InvalidInput = 200,
    /// Rubric files cannot be read or used: the path does not exist or holds no `rubric.json`,
    /// or the product set asked for does not pass validation.
    RubricUnreadable = 300,
    /// No rubric has the identifier given, the rubric has no product set with the number given,
    /// or no rubric is in force on the date given. The message lists the rubrics known.
    UnknownRubric = 301,
    /// The library panicked: a bug, please report it with the message. Nothing unwound into the
    /// caller, and the engine can still be used.
    Panic = 900,
}

/// Why a call failed: a status, a message, and the place in the input when it is known.
///
/// Returned through the `err_out` argument of a failed call; owned by the caller, who releases
/// it with `ocop_error_free`. Its strings are borrowed from it: valid until it is freed.
pub struct ocop_error {
    status: ocop_status,
    message: CString,
    path: Option<CString>,
    position: Option<Position>,
    document: Option<CString>,
}

impl ocop_error {
    fn new(status: ocop_status, message: String) -> Self {
        Self {
            status,
            message: c_string(message),
            path: None,
            position: None,
            document: None,
        }
    }

    /// The status the failed call returns.
    pub(crate) fn status(&self) -> ocop_status {
        self.status
    }

    /// A pointer argument is NULL.
    pub(crate) fn null_argument(name: &str) -> Self {
        Self::new(ocop_status::NullArgument, format!("{name} is NULL"))
    }

    /// A text argument is not UTF-8: the place is that of the first invalid byte.
    pub(crate) fn invalid_utf8(name: &str, bytes: &[u8], error: std::str::Utf8Error) -> Self {
        let valid = bytes
            .get(..error.valid_up_to())
            .and_then(|prefix| std::str::from_utf8(prefix).ok())
            .unwrap_or_default();
        let position = Position::of_offset(valid, valid.len());
        let mut this = Self::new(
            ocop_status::InvalidUtf8,
            format!(
                "{name} is not valid UTF-8 at line {}, column {}: {error}",
                position.line, position.column
            ),
        );
        this.position = Some(position);
        this
    }

    /// An argument is out of range.
    pub(crate) fn invalid_argument(message: String) -> Self {
        Self::new(ocop_status::InvalidArgument, message)
    }

    /// An invalid request: every problem in the document, the first one in the message and place.
    pub(crate) fn invalid_input(problems: InputProblems, lang: Lang) -> Self {
        Self::invalid(None, problems, lang)
    }

    /// Invalid council rules given with a request: as an invalid request, with the document's
    /// `"file"` and the message naming the rules.
    pub(crate) fn invalid_rules(problems: InputProblems, lang: Lang) -> Self {
        Self::invalid_named("rules", problems, lang)
    }

    /// An invalid second input given with a request (`"rules"`, `"costs"`): as an invalid
    /// request, with the document's `"file"` and the message naming it.
    pub(crate) fn invalid_named(name: &str, problems: InputProblems, lang: Lang) -> Self {
        Self::invalid(Some(name), problems, lang)
    }

    fn invalid(file: Option<&str>, mut problems: InputProblems, lang: Lang) -> Self {
        problems.localize(lang);
        let document = json_document(&ErrorDocument::invalid_input(file, &problems));
        let mut this = match problems.listed().first() {
            Some(first) => {
                let message = first.describe(lang);
                let message = match file {
                    Some(file) => format!("{file}: {message}"),
                    None => message,
                };
                let mut this = Self::new(ocop_status::InvalidInput, message);
                this.path = Some(c_string(first.path.to_string()));
                this.position = first.position;
                this
            }
            None => Self::new(
                ocop_status::InvalidInput,
                lang.pick("dữ liệu vào không hợp lệ", "invalid input")
                    .to_owned(),
            ),
        };
        this.document = Some(c_string(document));
        this
    }

    /// A certificate's dates cannot be computed: no rubric was in force on its decision date,
    /// or an argument is out of range.
    pub(crate) fn certificate(error: &CertificateError) -> Self {
        match error {
            CertificateError::Rubric(error) => Self::rubric(error),
            CertificateError::NoRubric(_) => {
                Self::new(ocop_status::UnknownRubric, error.to_string())
            }
            _ => Self::invalid_argument(error.to_string()),
        }
    }

    /// A year has no calendar. A year outside the calendar's range is an invalid argument, as
    /// it is a usage error of `ocop calendar`; a year under no rubric, or under rules that set no
    /// rounds, is invalid input with the document the command prints (exit status 1): one
    /// problem, the invalid value of `year`.
    pub(crate) fn calendar(error: &CalendarError, lang: Lang) -> Self {
        match error {
            CalendarError::OutOfRange(_) => Self::invalid_argument(error.to_string()),
            _ => Self::invalid_input(InputProblems::one(error.as_problem(lang)), lang),
        }
    }

    /// A rubric or product set cannot be used: unknown, or its files unreadable or invalid.
    pub(crate) fn rubric(error: &RubricError) -> Self {
        let status = match error {
            RubricError::UnknownRubric { .. }
            | RubricError::UnknownSet { .. }
            | RubricError::NoneInForce { .. } => ocop_status::UnknownRubric,
            _ => ocop_status::RubricUnreadable,
        };
        Self::new(status, error.to_string())
    }

    /// A failure of the library itself that is not a panic (writing a document in memory
    /// failed): reported like a panic, as the bug it would be.
    pub(crate) fn internal(error: impl std::fmt::Display) -> Self {
        Self::new(
            ocop_status::Panic,
            format!("the library failed (a bug, please report it): {error}"),
        )
    }

    /// A panic caught at the boundary.
    pub(crate) fn panic(payload: &(dyn Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Self::new(
            ocop_status::Panic,
            format!("the library panicked (a bug, please report it): {what}"),
        )
    }
}

impl ocop_status {
    /// Every status, for the name lookup.
    const ALL: [ocop_status; 8] = [
        ocop_status::Ok,
        ocop_status::NullArgument,
        ocop_status::InvalidUtf8,
        ocop_status::InvalidArgument,
        ocop_status::InvalidInput,
        ocop_status::RubricUnreadable,
        ocop_status::UnknownRubric,
        ocop_status::Panic,
    ];

    /// The name the header gives the status, NUL-terminated.
    fn name(self) -> &'static CStr {
        match self {
            ocop_status::Ok => c"OCOP_STATUS_OK",
            ocop_status::NullArgument => c"OCOP_STATUS_NULL_ARGUMENT",
            ocop_status::InvalidUtf8 => c"OCOP_STATUS_INVALID_UTF8",
            ocop_status::InvalidArgument => c"OCOP_STATUS_INVALID_ARGUMENT",
            ocop_status::InvalidInput => c"OCOP_STATUS_INVALID_INPUT",
            ocop_status::RubricUnreadable => c"OCOP_STATUS_RUBRIC_UNREADABLE",
            ocop_status::UnknownRubric => c"OCOP_STATUS_UNKNOWN_RUBRIC",
            ocop_status::Panic => c"OCOP_STATUS_PANIC",
        }
    }
}

/// The name of a status as this header spells it (`"OCOP_STATUS_INVALID_INPUT"`), for logs: a
/// static NUL-terminated string, never NULL. A number this library does not know (from a newer
/// header) is `"OCOP_STATUS_UNKNOWN"`.
#[unsafe(no_mangle)]
pub extern "C" fn ocop_status_name(status: u32) -> *const c_char {
    ocop_status::ALL
        .into_iter()
        .find(|known| *known as u32 == status)
        .map_or(c"OCOP_STATUS_UNKNOWN", ocop_status::name)
        .as_ptr()
}

/// The status of a failed call; `OCOP_STATUS_NULL_ARGUMENT` when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_status(error: *const ocop_error) -> ocop_status {
    guard(ocop_status::Panic, || {
        // SAFETY: the caller passes NULL or a live error object.
        unsafe { error.as_ref() }.map_or(ocop_status::NullArgument, |error| error.status)
    })
}

/// The message: what went wrong, naming the thing concerned (NUL-terminated UTF-8).
///
/// Borrowed from `error`: valid until `ocop_error_free(error)`. NULL when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_message(error: *const ocop_error) -> *const c_char {
    guard(ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error object.
        unsafe { error.as_ref() }.map_or(ptr::null(), |error| error.message.as_ptr())
    })
}

/// Where in the request the error is, as a JSON Pointer (RFC 6901, `/answers/1.1`; the document
/// itself is `/`), NUL-terminated.
///
/// Borrowed from `error`: valid until `ocop_error_free(error)`. NULL when the error has no path
/// (it is not about a request's content), or when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_path(error: *const ocop_error) -> *const c_char {
    guard(ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error object.
        let error = unsafe { error.as_ref() };
        error
            .and_then(|error| error.path.as_ref())
            .map_or(ptr::null(), |path| path.as_ptr())
    })
}

/// The line in the request text where the error is, from 1; 0 when unknown, or when `error` is
/// NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_line(error: *const ocop_error) -> usize {
    guard(0, || {
        // SAFETY: the caller passes NULL or a live error object.
        let error = unsafe { error.as_ref() };
        error
            .and_then(|error| error.position)
            .map_or(0, |position| position.line)
    })
}

/// The column in the request text where the error is, in characters from 1; 0 when unknown, or
/// when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_column(error: *const ocop_error) -> usize {
    guard(0, || {
        // SAFETY: the caller passes NULL or a live error object.
        let error = unsafe { error.as_ref() };
        error
            .and_then(|error| error.position)
            .map_or(0, |position| position.column)
    })
}

/// The JSON error document, for `OCOP_STATUS_INVALID_INPUT`: `{"error": {"kind":
/// "invalid_input", "problems": [...]}}`, every problem with its path, line, column and message,
/// as `ocop score --format json` prints it (less the `"file"` the command adds). NUL-terminated;
/// when `document_len_out` is not NULL, the length in bytes (without the NUL) is written there.
///
/// Borrowed from `error`: valid until `ocop_error_free(error)`. NULL, and `document_len_out` left
/// alone, when the error has no document (any other status), or when `error` is NULL.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed; `document_len_out` is
/// NULL or valid for writing a `size_t`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_document(
    error: *const ocop_error,
    document_len_out: *mut usize,
) -> *const c_char {
    guard(ptr::null(), || {
        // SAFETY: the caller passes NULL or a live error object.
        let error = unsafe { error.as_ref() };
        let Some(document) = error.and_then(|error| error.document.as_ref()) else {
            return ptr::null();
        };
        if !document_len_out.is_null() {
            // SAFETY: not NULL, and the caller passes a pointer valid for writing a `size_t`.
            unsafe { document_len_out.write(document.as_bytes().len()) };
        }
        document.as_ptr()
    })
}

/// Releases an error object and the strings borrowed from it. NULL is a no-op.
///
/// # Safety
///
/// `error` is NULL or an error object from this library, not yet freed; it is not used after.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_error_free(error: *mut ocop_error) {
    guard((), || {
        if !error.is_null() {
            // SAFETY: a non-NULL error comes from `Box::into_raw` in `boundary::call` and is
            // freed once, as the caller promises.
            drop(unsafe { Box::from_raw(error) });
        }
    });
}
