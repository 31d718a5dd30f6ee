//! A council session: scored with the rubric's default rules. Any input gives a result or
//! problems; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::council::{SessionOptions, score_session};
use ocop_core::rubric::Catalog;
use ocop_core::sheet::Completeness;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for completeness in [Completeness::Complete, Completeness::Partial] {
        let options = SessionOptions {
            completeness,
            rules_file: None,
        };
        if let Err(problems) = score_session(Catalog::bundled(), text, options) {
            assert!(problems.total() > 0);
        }
    }
});
