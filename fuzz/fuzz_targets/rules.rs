//! A council rules file (`ocop council --rules`). Any input gives overrides or problems.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::council::parse_overrides;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problems) = parse_overrides(text) {
        assert!(problems.total() > 0);
    }
});
