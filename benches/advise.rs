//! The upgrade advisor on every product set of QĐ 26/2026: a mid-range sheet per set (each
//! criterion at its middle option), advised toward the next star and toward 5★.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ocop_core::advise::{self, CostMap, Request, Standing};
use ocop_core::rubric::{Catalog, LoadedSet, Scoring};
use ocop_core::sheet::{Answer, Answers, Completeness};

/// A complete sheet with every criterion at its middle option (yes/no criteria met).
fn mid_range(loaded: &LoadedSet) -> Answers {
    let pairs: Vec<(String, Answer)> = loaded
        .set
        .leaves()
        .map(|leaf| {
            let criterion = leaf.criterion;
            let answer = match &criterion.scoring {
                Scoring::YesNo => Answer::YesNo(true),
                Scoring::Additive(_) => Answer::Options(Default::default()),
                _ => {
                    let options = criterion.options();
                    Answer::Option(options[options.len() / 2].number)
                }
            };
            (criterion.code.clone(), answer)
        })
        .collect();
    Answers::from_pairs(loaded.set, pairs, [], Completeness::Complete).unwrap()
}

fn benches(c: &mut Criterion) {
    let catalog = Catalog::bundled();
    let sets: Vec<(LoadedSet, Standing)> = (1..=26)
        .map(|number| {
            let loaded = catalog.product_set("qd26-2026", number).unwrap();
            let answers = mid_range(&loaded);
            let standing = Standing::of_answers(loaded.instrument, loaded.set, &answers);
            (loaded, standing)
        })
        .collect();
    for (name, target) in [("next star", None), ("five stars", Some(5))] {
        let mut group = c.benchmark_group(format!("advise a mid-range sheet, {name}"));
        group
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1))
            .sample_size(20);
        let request = Request {
            target,
            ..Request::default()
        };
        for (loaded, standing) in &sets {
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("set {:02}", loaded.set.number)),
                standing,
                |b, standing| {
                    b.iter(|| {
                        advise::advise(loaded.instrument, loaded.set, black_box(standing), &request)
                    })
                },
            );
        }
        group.finish();
    }
    // With a cost file the objective changes, not the search: set 10 toward 5★.
    let (loaded, standing) = &sets[9];
    let costs = CostMap::parse(loaded.set, r#"{"4.3": "2.5", "*": "1"}"#).unwrap();
    let request = Request {
        target: Some(5),
        costs: Some(costs),
        ..Request::default()
    };
    c.bench_function("advise set 10 toward 5★ with a cost file", |b| {
        b.iter(|| advise::advise(loaded.instrument, loaded.set, black_box(standing), &request))
    });
}

criterion_group!(advise_benches, benches);
criterion_main!(advise_benches);
