//! The bundled rubric data is valid and complete.

use ocop_core::rubric::{Catalog, Severity};

#[test]
fn every_bundled_rubric_validates_without_errors() {
    let problems = Catalog::bundled().check_all();
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn qd26_2026_has_all_26_product_sets() {
    let catalog = Catalog::bundled();
    for number in 1..=26 {
        let loaded = catalog.product_set("qd26-2026", number).unwrap();
        assert_eq!(loaded.set.number, number);
        assert_eq!(loaded.set.total_max(), 100.into());
    }
    assert!(catalog.product_set("qd26-2026", 27).is_err());
}
