//! A member's sheet: scored complete and partial, and advised on. Any input gives a result or
//! problems; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::advise::{Request, Subject};
use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::Completeness;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let catalog = Catalog::bundled();
    for completeness in [Completeness::Complete, Completeness::Partial] {
        if let Err(problems) = score_sheet(catalog, text, completeness) {
            assert!(problems.total() > 0);
        }
    }
    if let Ok(subject) = Subject::read(catalog, text, Completeness::Partial) {
        subject.advise(&Request::default());
    }
});
