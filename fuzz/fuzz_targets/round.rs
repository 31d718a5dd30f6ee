//! An NDJSON round, line by line as `ocop rank` reads it, bytes that are not UTF-8 included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::council::SessionOptions;
use ocop_core::round::Round;
use ocop_core::rubric::Catalog;

fuzz_target!(|data: &[u8]| {
    let mut round = Round::new(Catalog::bundled(), SessionOptions::default());
    for (number, line) in data.split(|byte| *byte == b'\n').enumerate() {
        if let Some(Err(failure)) = round.add_line("round.ndjson", number + 1, line) {
            assert!(!failure.problems.is_empty());
        }
    }
    round.finish();
});
