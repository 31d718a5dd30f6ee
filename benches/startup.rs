//! `ocop score FILE` end to end, as a process, against an empty Rust program's start-up.
//!
//! Needs `cargo build --release -p ocop-cli`: the benchmark runs `target/release/ocop`.

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let empty = env!("CARGO_BIN_EXE_empty");
    c.bench_function("process: empty Rust program", |b| {
        b.iter(|| assert!(Command::new(empty).status().unwrap().success()))
    });
    let Some(ocop) = ocop_benches::release_ocop() else {
        eprintln!("skipping `ocop score`: build it first with `cargo build --release -p ocop-cli`");
        return;
    };
    let sheet = ocop_benches::example_sheet();
    for format in ["json", "text"] {
        c.bench_function(
            &format!("process: ocop score example --format {format}"),
            |b| {
                b.iter(|| {
                    let output = Command::new(&ocop)
                        .arg("score")
                        .arg(&sheet)
                        .args(["--format", format])
                        .output()
                        .unwrap();
                    assert!(output.status.success());
                })
            },
        );
    }
}

criterion_group!(startup_benches, benches);
criterion_main!(startup_benches);
