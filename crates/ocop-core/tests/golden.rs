//! Every stored fixture gives the result a person checked by hand: scoring and council cases
//! under `fixtures/cases/`, invalid rubrics with their lint output under
//! `fixtures/invalid-rubrics/` (the same check `ocop fixtures check` runs).

use std::path::Path;

use ocop_core::fixtures::{self, Fixture};
use ocop_core::rubric::Catalog;

#[test]
fn every_stored_fixture_gives_its_expected_result() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let found = fixtures::discover(&folder).unwrap();
    let cases = found
        .iter()
        .filter(|fixture| matches!(fixture, Fixture::Case(_)))
        .count();
    let rubrics = found.len() - cases;
    assert!(
        cases >= 40 && rubrics >= 10,
        "expected the stored fixtures in {}",
        folder.display()
    );
    let mut failures = Vec::new();
    for fixture in &found {
        match fixtures::check(fixture, Catalog::bundled()) {
            Ok(differences) => failures.extend(differences.into_iter().map(|difference| {
                format!(
                    "{}: {}: expected {}, got {}",
                    fixture.path().display(),
                    difference.path,
                    difference.expected,
                    difference.actual
                )
            })),
            Err(error) => failures.push(format!("{}: {error}", fixture.path().display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
