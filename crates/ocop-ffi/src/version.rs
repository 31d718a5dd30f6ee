//! Which library and which rubric data a caller has.

use std::ffi::{CStr, c_char};

use ocop_core::output::json_document;
use ocop_core::rubric::Catalog;
use serde_json::json;

use crate::boundary::{self, StringOut};
use crate::error::{ocop_error, ocop_status};

/// The library's version, as a static NUL-terminated string (`"0.1.0"`), to compare with the
/// header's `OCOP_VERSION`. Never NULL; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn ocop_version() -> *const c_char {
    // A constant: nothing here can panic, so there is no boundary to guard.
    VERSION.as_ptr()
}

/// The library's version as one number, `MAJOR * 65536 + MINOR * 256 + PATCH` (`0.1.0` is
/// `0x000100`), to compare with the header's `OCOP_VERSION_NUMBER`: the ABI of the header is
/// the library's when `ocop_version_number() >> 8 == OCOP_VERSION_NUMBER >> 8` (same major and
/// minor; a patch release changes no function).
#[unsafe(no_mangle)]
pub extern "C" fn ocop_version_number() -> u32 {
    VERSION_NUMBER
}

/// `MAJOR << 16 | MINOR << 8 | PATCH`, from the package's version.
const VERSION_NUMBER: u32 = {
    const fn number(text: &str) -> u32 {
        let mut digits = text.as_bytes();
        let mut value = 0;
        // Cargo versions are digits here; anything else would fail `the_version_number_*`.
        while let [digit, rest @ ..] = digits {
            value = value * 10 + (*digit as u32).wrapping_sub(b'0' as u32);
            digits = rest;
        }
        value
    }
    number(env!("CARGO_PKG_VERSION_MAJOR")) << 16
        | number(env!("CARGO_PKG_VERSION_MINOR")) << 8
        | number(env!("CARGO_PKG_VERSION_PATCH"))
};

const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(version) => version,
        Err(_) => c"unknown",
    };

/// Describes the library and the rubric data compiled into it, as a JSON document:
/// `{"version": "0.1.0", "bundled_rubrics": [{"id": "qd26-2026", "revision": 1, "fingerprint":
/// "sha256:…"}]}`, the identifiers, data revisions and fingerprints `ocop rubrics --format json`
/// lists.
///
/// On success, writes the document to `*version_out` and its length to `*version_len_out`;
/// release it with `ocop_string_free`.
///
/// # Safety
///
/// `version_out`, `version_len_out` and `err_out` are NULL or valid for writing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ocop_version_json(
    version_out: *mut *mut c_char,
    version_len_out: *mut usize,
    err_out: *mut *mut ocop_error,
) -> ocop_status {
    let body = || {
        let out = StringOut::new(version_out, version_len_out, "version")?;
        // A catalog of its own, released on return: the library keeps no memory for this.
        let rubrics: Vec<_> = Catalog::bundled_owned()
            .summaries()
            .into_iter()
            .map(|rubric| {
                json!({
                    "id": rubric.id,
                    "revision": rubric.revision,
                    "fingerprint": rubric.fingerprint,
                })
            })
            .collect();
        let document = json!({
            "version": env!("CARGO_PKG_VERSION"),
            "bundled_rubrics": rubrics,
        });
        // SAFETY: both checked for NULL, and writable as this function's contract says.
        unsafe { out.write(json_document(&document)) };
        Ok(())
    };
    // SAFETY: `err_out` is NULL or writable, as this function's contract says.
    unsafe { boundary::call(err_out, body) }
}

#[cfg(test)]
mod tests {
    use std::ptr;

    use super::*;
    use crate::string::ocop_string_free;

    #[test]
    fn the_version_is_the_packages() {
        // SAFETY: a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(ocop_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn the_version_number_is_the_packages() {
        let [major, minor, patch] = [
            env!("CARGO_PKG_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MINOR"),
            env!("CARGO_PKG_VERSION_PATCH"),
        ]
        .map(|part| part.parse::<u32>().unwrap());
        assert_eq!(ocop_version_number(), major << 16 | minor << 8 | patch);
    }

    #[test]
    fn the_version_document_names_the_bundled_rubric_data() {
        let (mut text, mut len) = (ptr::null_mut(), 0);
        // SAFETY: valid out-parameters; the string is released once.
        let document = unsafe {
            let status = ocop_version_json(&raw mut text, &raw mut len, ptr::null_mut());
            assert_eq!(status, ocop_status::Ok);
            let document = CStr::from_ptr(text).to_str().unwrap().to_owned();
            ocop_string_free(text);
            document
        };
        assert_eq!(document.len(), len);
        let value: serde_json::Value = serde_json::from_str(&document).unwrap();
        assert_eq!(value["version"], env!("CARGO_PKG_VERSION"));
        let summaries = Catalog::bundled().summaries();
        assert_eq!(
            value["bundled_rubrics"].as_array().unwrap().len(),
            summaries.len()
        );
        for (rubric, summary) in value["bundled_rubrics"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&summaries)
        {
            assert_eq!(rubric["id"], summary.id.as_str());
            assert_eq!(rubric["revision"], summary.revision);
            assert_eq!(rubric["fingerprint"], summary.fingerprint.as_str());
        }
    }

    #[test]
    fn null_out_parameters_are_refused() {
        let mut len = 0;
        // SAFETY: NULL is checked; `len` is valid.
        let status = unsafe { ocop_version_json(ptr::null_mut(), &raw mut len, ptr::null_mut()) };
        assert_eq!(status, ocop_status::NullArgument);
        assert_eq!(len, 0);
    }
}
