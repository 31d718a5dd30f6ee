//! Crossing the boundary: the panic guard around every entry point, reading the caller's
//! arguments, and writing out-parameters.

use std::ffi::{CString, c_char};

use crate::error::{ocop_error, ocop_status};

/// Runs the body of a function that returns no status; a panic gives `default`.
pub(crate) fn guard<T>(default: T, body: impl FnOnce() -> T) -> T {
    quiet::catch(body).unwrap_or(default)
}

/// Panics caught at the boundary print nothing: the library never writes to the host's standard
/// error. Rust's panic hook prints a panic's message before unwinding starts, so the library
/// installs a hook, once, that stays silent while a thread is inside an entry point and hands
/// every other panic (of the host's own Rust code) to the hook that was there before.
mod quiet {
    use std::cell::Cell;
    use std::panic::{self, AssertUnwindSafe, PanicHookInfo, catch_unwind};
    use std::sync::{Once, OnceLock};

    type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Send + Sync + 'static>;

    thread_local! {
        /// How many entry points this thread is inside (a callback may nest them).
        static INSIDE: Cell<usize> = const { Cell::new(0) };
    }

    /// The hook found when the library's was installed.
    static PREVIOUS: OnceLock<Hook> = OnceLock::new();

    /// Runs `body`, catching a panic without printing it.
    pub(super) fn catch<T>(body: impl FnOnce() -> T) -> std::thread::Result<T> {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            let _ = PREVIOUS.set(panic::take_hook());
            // A closure capturing nothing: boxing it allocates nothing, so nothing is left
            // behind for a leak checker.
            panic::set_hook(Box::new(|info| {
                if INSIDE.with(Cell::get) == 0
                    && let Some(previous) = PREVIOUS.get()
                {
                    previous(info);
                }
            }));
        });
        INSIDE.with(|inside| inside.set(inside.get() + 1));
        let outcome = catch_unwind(AssertUnwindSafe(body));
        INSIDE.with(|inside| inside.set(inside.get().saturating_sub(1)));
        outcome
    }
}

/// Runs the body of a fallible entry point: `OCOP_STATUS_OK`, or the error's status with the error
/// handed to the caller through `err_out` (when not NULL). A panic becomes `OCOP_STATUS_PANIC`.
///
/// The body writes its out-parameters last, once nothing can fail any more, so that they are
/// written only on success.
///
/// # Safety
///
/// `err_out` is NULL or valid for writing a pointer.
pub(crate) unsafe fn call(
    err_out: *mut *mut ocop_error,
    body: impl FnOnce() -> Result<(), ocop_error>,
) -> ocop_status {
    let outcome =
        quiet::catch(body).unwrap_or_else(|payload| Err(ocop_error::panic(payload.as_ref())));
    let Err(error) = outcome else {
        return ocop_status::Ok;
    };
    let status = error.status();
    if !err_out.is_null() {
        // SAFETY: not NULL, and the caller passes a pointer valid for writing. The error is
        // released by `ocop_error_free`.
        unsafe { err_out.write(Box::into_raw(Box::new(error))) };
    }
    status
}

/// Borrows a text argument given as a pointer and a length: checked for a length a slice can
/// have, and for UTF-8. NULL with length 0 is the empty text; NULL with any other length is an
/// invalid argument.
///
/// # Safety
///
/// `text` is NULL or valid for reading `len` bytes during the call.
pub(crate) unsafe fn text<'a>(
    text: *const c_char,
    len: usize,
    name: &str,
) -> Result<&'a str, ocop_error> {
    if text.is_null() {
        return match len {
            0 => Ok(""),
            _ => Err(ocop_error::invalid_argument(format!(
                "{name} is NULL but {name}_len is {len}"
            ))),
        };
    }
    if len > isize::MAX.unsigned_abs() {
        return Err(ocop_error::invalid_argument(format!(
            "{name}_len is {len}, above PTRDIFF_MAX"
        )));
    }
    // SAFETY: not NULL, at most `isize::MAX` bytes, and the caller promises `len` readable bytes
    // that nothing writes during the call.
    let bytes = unsafe { std::slice::from_raw_parts(text.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|error| ocop_error::invalid_utf8(name, bytes, error))
}

/// Borrows an optional text argument: NULL with length 0 is none, anything else is a text as
/// [`text`] reads it.
///
/// # Safety
///
/// `text` is NULL or valid for reading `len` bytes during the call.
pub(crate) unsafe fn optional_text<'a>(
    pointer: *const c_char,
    len: usize,
    name: &str,
) -> Result<Option<&'a str>, ocop_error> {
    if pointer.is_null() && len == 0 {
        return Ok(None);
    }
    // SAFETY: as this function's contract says.
    unsafe { text(pointer, len, name) }.map(Some)
}

/// Checks a pointer argument for NULL.
pub(crate) fn non_null<T>(pointer: *mut T, name: &str) -> Result<*mut T, ocop_error> {
    if pointer.is_null() {
        Err(ocop_error::null_argument(name))
    } else {
        Ok(pointer)
    }
}

/// A string out-parameter and its length out-parameter, both checked for NULL.
pub(crate) struct StringOut {
    text: *mut *mut c_char,
    len: *mut usize,
}

impl StringOut {
    /// Checks both pointers, named `<name>_out` and `<name>_len_out` in the header.
    pub(crate) fn new(
        text: *mut *mut c_char,
        len: *mut usize,
        name: &str,
    ) -> Result<Self, ocop_error> {
        Ok(Self {
            text: non_null(text, &format!("{name}_out"))?,
            len: non_null(len, &format!("{name}_len_out"))?,
        })
    }

    /// Hands a string to the caller, who releases it with `ocop_string_free`.
    ///
    /// # Safety
    ///
    /// Both pointers are valid for writing.
    pub(crate) unsafe fn write(self, text: String) {
        let text = c_string(text);
        let len = text.as_bytes().len();
        // SAFETY: both pointers were checked for NULL and the caller passes pointers valid for
        // writing. The string is released by `ocop_string_free`, which takes it back with
        // `CString::from_raw`.
        unsafe {
            self.len.write(len);
            self.text.write(text.into_raw());
        }
    }
}

/// A Rust string as a C string. JSON documents never hold a NUL byte (JSON escapes it as
/// `\u0000`); in a message, one that does (from a path given by the caller) becomes U+FFFD.
pub(crate) fn c_string(text: String) -> CString {
    CString::new(text).unwrap_or_else(|error| {
        let text = String::from_utf8_lossy(&error.into_vec()).replace('\0', "\u{FFFD}");
        CString::new(text).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ptr;

    #[test]
    fn a_panic_becomes_a_status_and_an_error() {
        let mut error: *mut ocop_error = ptr::null_mut();
        // SAFETY: `error` is a valid place for the error pointer.
        let status = unsafe { call(&raw mut error, || panic!("boom")) };
        assert_eq!(status, ocop_status::Panic);
        assert!(!error.is_null());
        // SAFETY: `error` is the error object just returned.
        let message = unsafe { std::ffi::CStr::from_ptr(crate::error::ocop_error_message(error)) };
        assert!(message.to_str().unwrap().contains("boom"), "{message:?}");
        // SAFETY: released once.
        unsafe { crate::error::ocop_error_free(error) };
    }

    #[test]
    fn a_panic_with_a_formatted_message_keeps_it() {
        let mut error: *mut ocop_error = ptr::null_mut();
        // SAFETY: `error` is a valid place for the error pointer.
        let status = unsafe { call(&raw mut error, || panic!("{} {}", "formatted", 1)) };
        assert_eq!(status, ocop_status::Panic);
        assert!(!error.is_null());
        // SAFETY: `error` is the error object just returned.
        let message = unsafe { std::ffi::CStr::from_ptr(crate::error::ocop_error_message(error)) };
        assert!(
            message.to_str().unwrap().contains("formatted 1"),
            "{message:?}"
        );
        // SAFETY: released once.
        unsafe { crate::error::ocop_error_free(error) };
        assert_eq!(guard(7, || panic!("no status here")), 7);
    }

    #[test]
    fn a_nul_in_a_message_is_replaced() {
        assert_eq!(c_string("a\0b".to_owned()).to_str().unwrap(), "a\u{FFFD}b");
    }
}
