//! A product set file, loaded and validated beside the released QĐ 26/2026 instrument; a set
//! that loads scores the example sheet. Invalid data gives problems; a panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::Completeness;

const INSTRUMENT: &str = include_str!("../../rubrics/qd26-2026/rubric.json");
const COUNCIL: &str = include_str!("../../rubrics/qd26-2026/council.json");
const SHEET: &str = include_str!("../../fixtures/examples/toi-den-ly-son.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let catalog = Catalog::from_texts(
        "qd26-2026",
        [
            ("rubric.json".to_owned(), INSTRUMENT.to_owned()),
            ("council.json".to_owned(), COUNCIL.to_owned()),
            ("sets/10.json".to_owned(), text.to_owned()),
        ],
    );
    catalog.check_all();
    if catalog.product_set("qd26-2026", 10).is_ok() {
        let _ = score_sheet(&catalog, SHEET, Completeness::Partial);
    }
});
