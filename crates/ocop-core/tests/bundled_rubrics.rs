//! The bundled rubric data is valid and complete.

use jiff::civil::date;
use ocop_core::rubric::{Catalog, ProductSet, Severity};
use rust_decimal::Decimal;

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
fn every_bundled_rubric_has_all_26_product_sets() {
    let catalog = Catalog::bundled();
    for id in ["qd1048-2019", "qd148-2023", "qd26-2026"] {
        for number in 1..=26 {
            let loaded = catalog.product_set(id, number).unwrap();
            assert_eq!(loaded.set.number, number);
            assert_eq!(loaded.set.total_max(), 100.into(), "{id} set {number}");
        }
        assert!(catalog.product_set(id, 27).is_err());
    }
}

/// The most any sheet of a set can score.
fn attainable(set: &ProductSet) -> Decimal {
    set.leaves().map(|leaf| leaf.criterion.attainable()).sum()
}

#[test]
fn only_the_recorded_source_defects_keep_a_set_below_100() {
    let catalog = Catalog::bundled();
    let short = [
        ("qd1048-2019", 7, 99),  // 3.1 prints no 3-point option
        ("qd1048-2019", 19, 98), // 10 prints no 5-point option
        ("qd1048-2019", 26, 99), // Part A adds up to 34
        ("qd148-2023", 7, 99),   // 6.4 headed 4, best option 3
        ("qd148-2023", 11, 97),  // Part C adds up to 32
        ("qd148-2023", 12, 97),  // Part C adds up to 32
        ("qd148-2023", 13, 98),  // Part C adds up to 33
    ];
    for id in ["qd1048-2019", "qd148-2023", "qd26-2026"] {
        for number in 1..=26 {
            let set = catalog.product_set(id, number).unwrap().set;
            let expected = short
                .iter()
                .find(|(rubric, set, _)| *rubric == id && *set == number)
                .map_or(100, |(_, _, most)| *most);
            assert_eq!(attainable(set), expected.into(), "{id} set {number}");
        }
    }
}

#[test]
fn every_kept_source_defect_is_a_warning_at_its_place() {
    let mut warnings: Vec<(String, Option<u8>, Option<String>, &str)> = Catalog::bundled()
        .check_all()
        .iter()
        .filter(|problem| problem.severity == Severity::Warning)
        .map(|problem| {
            (
                problem.rubric.clone(),
                problem.set,
                problem.code.clone(),
                problem.kind_name(),
            )
        })
        .collect();
    warnings.sort();
    // Archived revisions keep the defects of the revision they archive.
    warnings.dedup();
    let expected = [
        ("qd1048-2019", 7, "3.1", "max_unreachable"),
        ("qd1048-2019", 19, "10", "max_unreachable"),
        ("qd1048-2019", 26, "A", "sum_mismatch"),
        ("qd148-2023", 7, "6.4", "max_unreachable"),
        ("qd148-2023", 11, "C", "sum_mismatch"),
        ("qd148-2023", 12, "C", "sum_mismatch"),
        ("qd148-2023", 13, "C", "sum_mismatch"),
        ("qd148-2023", 17, "1.4", "unreadable_points"),
        ("qd148-2023", 18, "1.2", "unreadable_points"),
    ]
    .map(|(rubric, set, code, kind)| (rubric.to_owned(), Some(set), Some(code.to_owned()), kind));
    assert_eq!(warnings, expected);
}

#[test]
fn an_erratum_may_concern_the_sheet_itself() {
    // QĐ 1048 set 15's heading is garbled in the source text ("Rýợu trắng"); the correction is
    // recorded by an erratum that names no part, group or criterion.
    let set = Catalog::bundled()
        .product_set("qd1048-2019", 15)
        .unwrap()
        .set;
    assert_eq!(set.name, "Rượu trắng");
    assert!(set.errata.iter().any(|erratum| {
        erratum.part.is_none()
            && erratum.group.is_none()
            && erratum.criterion.is_none()
            && erratum.printed == "Rýợu"
    }));
}

#[test]
fn the_instruments_follow_one_another_without_gap_or_overlap() {
    let catalog = Catalog::bundled();
    let in_force = |day| {
        catalog
            .in_force_on(day)
            .map(|instrument| instrument.id.clone())
    };
    for (day, id) in [
        (date(2019, 8, 21), "qd1048-2019"),
        (date(2023, 2, 23), "qd1048-2019"),
        (date(2023, 2, 24), "qd148-2023"),
        (date(2026, 5, 21), "qd148-2023"),
        (date(2026, 5, 22), "qd26-2026"),
    ] {
        assert_eq!(in_force(day).as_deref(), Ok(id), "{day}");
    }
    assert!(in_force(date(2019, 8, 20)).is_err());
}

#[test]
fn qd148_2023_warns_that_its_source_is_secondary() {
    let instrument = Catalog::bundled().instrument("qd148-2023").unwrap();
    let warning = instrument.provenance.warning.as_deref().unwrap_or_default();
    assert!(warning.starts_with("Dữ liệu QĐ 148/QĐ-TTg lấy từ bản chép lại thứ cấp"));
}

#[test]
fn every_council_level_has_recognition_rules_and_the_current_rubric_its_procedure() {
    let catalog = Catalog::bundled();
    for id in ["qd1048-2019", "qd148-2023", "qd26-2026"] {
        let instrument = catalog.instrument(id).unwrap();
        let levels = &catalog.council_defaults(instrument).unwrap().levels;
        for level in levels {
            assert!(
                instrument.procedure.level(*level).is_some(),
                "{id}: no recognition rules at {level:?}"
            );
        }
        let certificate = instrument.procedure.certificate.as_ref().unwrap();
        assert_eq!(certificate.validity_months, 36, "{id}");
    }
    let current = catalog.instrument("qd26-2026").unwrap();
    let window = current
        .procedure
        .certificate
        .as_ref()
        .and_then(|rules| rules.re_rating_window.as_ref())
        .unwrap();
    assert_eq!(
        (window.opens_days_before, window.closes_days_before),
        (180, 120)
    );
    let transition = current.procedure.transition.as_ref().unwrap();
    assert_eq!(transition.submitted_before, date(2026, 5, 22));
    assert_eq!(current.procedure.rounds.len(), 4);
    // The instruments it replaced set no window and no transition.
    for id in ["qd1048-2019", "qd148-2023"] {
        let older = catalog.instrument(id).unwrap();
        assert!(older.procedure.transition.is_none());
        assert!(
            older
                .procedure
                .certificate
                .as_ref()
                .unwrap()
                .re_rating_window
                .is_none(),
            "{id}"
        );
    }
}
