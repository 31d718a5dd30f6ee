//! Strings the library hands to the caller.

use std::ffi::{CString, c_char};

use crate::boundary::guard;

/// Releases a string returned through an out-parameter (a result document). NULL is a no-op.
///
/// Only for strings this library returned through an out-parameter, never for those borrowed from
/// an object (`ocop_error_message`) nor for `ocop_version`.
///
/// # Safety
///
/// `string` is NULL or a string from this library's out-parameters, unmodified and not yet freed;
/// it is not used after.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_string_free(string: *mut c_char) {
    guard((), || {
        if !string.is_null() {
            // SAFETY: a non-NULL string comes from `CString::into_raw` in `StringOut::write`, its
            // NUL terminator where it was put, and is freed once, as the caller promises.
            drop(unsafe { CString::from_raw(string) });
        }
    });
}
