//! Scoring one member's sheet in process: from text, from checked answers, and loading a set.

use criterion::{Criterion, criterion_group, criterion_main};
use ocop_core::rubric::Catalog;
use ocop_core::score::{score, score_sheet};
use ocop_core::sheet::{Answers, Completeness, RawAnswers, Sheet};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let text = std::fs::read_to_string(ocop_benches::example_sheet()).unwrap();
    let catalog = Catalog::bundled();
    let sheet = Sheet::parse(&text).unwrap();
    let loaded = sheet.resolve(catalog).unwrap();
    let answers = Answers::check(
        loaded.set,
        &sheet.answers,
        &sheet.knockouts,
        Completeness::Complete,
    )
    .unwrap();

    c.bench_function("score checked answers (set 10)", |b| {
        b.iter(|| score(black_box(loaded), black_box(&answers), None))
    });
    c.bench_function("score sheet text: parse, check, score", |b| {
        b.iter(|| score_sheet(catalog, black_box(&text), Completeness::Complete).unwrap())
    });
    // The baseline of the line above: parsing the same text into a serde_json::Value.
    c.bench_function(
        "baseline: parse the sheet text into serde_json::Value",
        |b| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap()),
    );
    c.bench_function("score sheet text and write the JSON result", |b| {
        let mut out = Vec::with_capacity(64 * 1024);
        b.iter(|| {
            out.clear();
            let card = score_sheet(catalog, black_box(&text), Completeness::Complete).unwrap();
            ocop_core::output::write_json_document(&mut out, &card).unwrap();
            out.len()
        })
    });
    let first_ten = RawAnswers {
        entries: sheet.answers.entries[..10].to_vec(),
        ..sheet.answers.clone()
    };
    let partial = Answers::check(loaded.set, &first_ten, &[], Completeness::Partial).unwrap();
    c.bench_function("score a partial sheet (best and worst completions)", |b| {
        b.iter(|| score(black_box(loaded), black_box(&partial), None))
    });
    let folder = ocop_benches::root().join("rubrics/qd26-2026");
    c.bench_function("load and validate one product set from disk", |b| {
        b.iter(|| {
            let catalog = Catalog::from_path(&folder).unwrap();
            catalog
                .product_set("qd26-2026", 10)
                .unwrap()
                .set
                .leaf_count()
        })
    });
}

criterion_group!(score_benches, benches);
criterion_main!(score_benches);
