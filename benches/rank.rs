//! `ocop rank` over NDJSON of generated sessions (9 members each): scoring and ranking against
//! just parsing the same lines into the input types.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ocop_core::council::SessionOptions;
use ocop_core::round::Round;
use ocop_core::rubric::Catalog;
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let sessions = 200;
    let ndjson = ocop_benches::round_ndjson(sessions);
    let catalog = Catalog::bundled();
    // Load every product set once, so the measurement is scoring, not first-use validation.
    let mut warm = Round::new(catalog, SessionOptions::default());
    for line in ndjson.lines() {
        assert!(
            warm.add("warm", line).is_ok(),
            "generated sessions must be valid"
        );
    }

    for (name, throughput) in [
        ("bytes", Throughput::Bytes(ndjson.len() as u64)),
        ("sessions", Throughput::Elements(sessions as u64)),
    ] {
        let mut group = c.benchmark_group(format!("round of {sessions} sessions ({name})"));
        group.throughput(throughput);
        group.sample_size(20);
        group.bench_function("parse into serde_json::Value only", |b| {
            b.iter(|| {
                for line in ndjson.lines() {
                    black_box(serde_json::from_str::<serde_json::Value>(line).unwrap());
                }
            })
        });
        group.bench_function("score and rank", |b| {
            b.iter(|| {
                let mut round = Round::new(catalog, SessionOptions::default());
                for (number, line) in ndjson.lines().enumerate() {
                    round.add_line("round.ndjson", number + 1, line.as_bytes());
                }
                black_box(round.finish())
            })
        });
        group.finish();
    }
}

criterion_group!(rank_benches, benches);
criterion_main!(rank_benches);
