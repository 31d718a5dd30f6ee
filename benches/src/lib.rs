//! Benchmarks of the OCOP engine. Run them with `cargo bench -p ocop-benches`; the start-up
//! benchmark needs a release build of the CLI first (`cargo build --release -p ocop-cli`).

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The release build of the `ocop` command, which the process benchmarks run; `None` until
/// `cargo build --release -p ocop-cli` has built it.
pub fn release_ocop() -> Option<PathBuf> {
    let path = root().join("target/release/ocop");
    path.is_file().then_some(path)
}

/// The bundled example sheet.
pub fn example_sheet() -> PathBuf {
    root().join("fixtures/examples/toi-den-ly-son.json")
}

/// How many product sets QĐ 26/2026 has: the sessions of a round take them in turn.
const PRODUCT_SETS: usize = 26;

/// A deterministic round of `sessions` council sessions, one JSON document per line (NDJSON):
/// each has 9 scoring members with varied answers, on the 26 QĐ 26/2026 product sets in turn.
///
/// # Panics
///
/// When a product set of the bundled QĐ 26/2026 cannot be loaded: the round would not have the
/// sessions it promises.
pub fn round_ndjson(sessions: usize) -> String {
    use ocop_core::rubric::{Catalog, Scoring};
    use std::fmt::Write as _;

    let catalog = Catalog::bundled();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        // A small linear congruential generator: reproducible data without a dependency.
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(seed >> 33).unwrap_or(0) % bound.max(1)
    };
    let mut out = String::new();
    for index in 0..sessions {
        let number = u8::try_from(index % PRODUCT_SETS + 1).expect("a product set number");
        let loaded = catalog
            .product_set("qd26-2026", number)
            .unwrap_or_else(|error| panic!("product set {number} of qd26-2026: {error}"));
        let members: Vec<String> = (0..9)
            .map(|member| {
                let answers: Vec<String> = loaded
                    .set
                    .leaves()
                    .map(|leaf| {
                        let criterion = leaf.criterion;
                        let value = match &criterion.scoring {
                            Scoring::YesNo => (next(2) == 0).to_string(),
                            Scoring::Additive(options) => format!("[{}]", next(options.len()) + 1),
                            _ => {
                                // Mostly the upper options, as councils score products they see.
                                let count = criterion.options().len();
                                (count - next(count.min(3))).to_string()
                            }
                        };
                        format!("\"{}\": {value}", criterion.code)
                    })
                    .collect();
                let role = if member == 0 { "chair" } else { "member" };
                format!(
                    "{{\"id\": \"m{member}\", \"name\": \"Thành viên {member}\", \"role\": \"{role}\", \"answers\": {{{}}}, \"knockouts\": []}}",
                    answers.join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{{\"rubric\": \"qd26-2026\", \"product_set\": {number}, \"product\": {{\"name\": \"Sản phẩm {index}\", \"code\": \"P-{index:06}\"}}, \"council\": {{\"level\": \"province\"}}, \"members\": [{}]}}",
            members.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use ocop_core::council::SessionOptions;
    use ocop_core::round::Round;
    use ocop_core::rubric::Catalog;

    #[test]
    fn a_round_has_every_session_it_promises_on_every_product_set() {
        let sessions = 2 * super::PRODUCT_SETS;
        let ndjson = super::round_ndjson(sessions);
        assert_eq!(ndjson.lines().count(), sessions);
        let mut round = Round::new(Catalog::bundled(), SessionOptions::default());
        for (number, line) in ndjson.lines().enumerate() {
            let outcome = round.add_line("round.ndjson", number + 1, line.as_bytes());
            assert!(matches!(outcome, Some(Ok(()))), "{outcome:?}");
        }
        let ranking = round.finish();
        assert_eq!(ranking.rows.len(), sessions);
        for set in 1..=super::PRODUCT_SETS {
            assert!(
                ndjson.contains(&format!("\"product_set\": {set}, ")),
                "product set {set}"
            );
        }
    }
}
