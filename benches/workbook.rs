//! Council workbooks: writing a 9-member council's workbook, and reading it back into the
//! session the engine scores (open, check every fixed cell, read every answer, score).

use criterion::{Criterion, criterion_group, criterion_main};
use ocop_core::council::{self, SessionOptions};
use ocop_core::rubric::Catalog;
use ocop_workbook::{Form, council_workbook, read};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    // A generated 9-member session on set 10, every answer given.
    let round = ocop_benches::round_ndjson(26);
    let session = round
        .lines()
        .find(|line| line.contains("\"product_set\": 10,"))
        .expect("the round has a session on set 10");
    let form = Form::from_session(catalog, session).unwrap();
    assert_eq!(form.members.len(), 9);
    c.bench_function("workbook: write a 9-member council's workbook", |b| {
        b.iter(|| council_workbook(black_box(&form)).unwrap())
    });
    let bytes = council_workbook(&form).unwrap();
    c.bench_function(
        "workbook: read back a 9-member workbook (no scoring)",
        |b| b.iter(|| read(catalog, black_box(&bytes)).unwrap().session()),
    );
    c.bench_function("workbook: read back and score the council", |b| {
        b.iter(|| {
            let document = read(catalog, black_box(&bytes)).unwrap().session();
            let options = SessionOptions::default();
            document
                .check(council::score_session(catalog, document.text(), options))
                .unwrap()
        })
    });
}

criterion_group!(workbook_benches, benches);
criterion_main!(workbook_benches);
