//! What the C ABI adds to a score call: `ocop_engine_score_sheet` (checks, UTF-8 validation, the
//! panic boundary, the copy into a C string, `ocop_string_free`) against the same call in Rust,
//! on the example sheet (set 10, 73 points).

// The benchmark calls the `extern "C"` functions as a C caller would, through raw pointers.
#![allow(unsafe_code)]

use std::hint::black_box;
use std::ptr;

use criterion::{Criterion, criterion_group, criterion_main};
use ocop_core::output::json_document;
use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::Completeness;
use ocop_ffi::engine::{ocop_engine_free, ocop_engine_new_bundled, ocop_engine_score_sheet};
use ocop_ffi::error::ocop_status;
use ocop_ffi::string::ocop_string_free;

fn benches(c: &mut Criterion) {
    let text = std::fs::read_to_string(ocop_benches::example_sheet()).unwrap();
    let catalog = Catalog::bundled();
    let mut engine = ptr::null();
    // SAFETY: a valid out-parameter; the engine is released at the end.
    let status = unsafe { ocop_engine_new_bundled(&raw mut engine, ptr::null_mut()) };
    assert_eq!(status, ocop_status::Ok);

    let mut group = c.benchmark_group("score the example sheet");
    group.bench_function("Rust: score_sheet", |b| {
        b.iter(|| score_sheet(catalog, black_box(&text), Completeness::Complete).unwrap())
    });
    group.bench_function("Rust: score_sheet + json_document", |b| {
        b.iter(|| {
            json_document(&score_sheet(catalog, black_box(&text), Completeness::Complete).unwrap())
        })
    });
    group.bench_function("C ABI: ocop_engine_score_sheet + ocop_string_free", |b| {
        b.iter(|| {
            let (mut result, mut len) = (ptr::null_mut(), 0);
            let sheet = black_box(text.as_bytes());
            // SAFETY: a live engine, a readable sheet, valid out-parameters; the result is
            // released once.
            unsafe {
                let status = ocop_engine_score_sheet(
                    engine,
                    sheet.as_ptr().cast(),
                    sheet.len(),
                    0,
                    &raw mut result,
                    &raw mut len,
                    ptr::null_mut(),
                );
                assert_eq!(status, ocop_status::Ok);
                ocop_string_free(black_box(result));
            }
            len
        })
    });
    group.finish();
    // SAFETY: released once, after the last use.
    unsafe { ocop_engine_free(engine) };
}

criterion_group!(ffi_benches, benches);
criterion_main!(ffi_benches);
