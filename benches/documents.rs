//! Printable documents (`--format html`), each rendered end to end by the release `ocop`
//! command: read the input, score, render, write. Compare with the start-up bench's
//! `ocop score --format json` to see what rendering adds.
//!
//! Needs `cargo build --release -p ocop-cli`: the benchmark runs `target/release/ocop`.

use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn benches(c: &mut Criterion) {
    let Some(ocop) = ocop_benches::release_ocop() else {
        eprintln!(
            "skipping documents: build the CLI first with `cargo build --release -p ocop-cli`"
        );
        return;
    };
    let root = ocop_benches::root();
    let sheet = ocop_benches::example_sheet();
    let session = root.join("fixtures/examples/council-toi-den-ly-son.json");
    let dir = std::env::temp_dir().join(format!("ocop-bench-documents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let round = dir.join("round.ndjson");
    std::fs::write(&round, ocop_benches::round_ndjson(26)).unwrap();
    let out = dir.join("out.html");
    let documents: [(&str, Vec<&std::ffi::OsStr>); 5] = [
        (
            "sheet",
            ["sheet", "--rubric", "qd26-2026", "--set", "10"]
                .map(std::ffi::OsStr::new)
                .to_vec(),
        ),
        ("score", vec!["score".as_ref(), sheet.as_os_str()]),
        ("council", vec!["council".as_ref(), session.as_os_str()]),
        (
            "rank (26 sessions of 9 members)",
            vec!["rank".as_ref(), round.as_os_str()],
        ),
        ("advise", vec!["advise".as_ref(), sheet.as_os_str()]),
    ];
    for (name, args) in documents {
        c.bench_function(&format!("process: ocop {name} --format html"), |b| {
            b.iter(|| {
                let status = Command::new(&ocop)
                    .args(&args)
                    .args(["--format", "html", "-o"])
                    .arg(&out)
                    .status()
                    .unwrap();
                assert!(status.success());
            })
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(document_benches, benches);
criterion_main!(document_benches);
