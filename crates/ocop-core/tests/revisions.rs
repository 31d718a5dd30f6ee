//! A corrected rubric is a new revision; the old one stays loadable as `id@N`.

mod support;

use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::Completeness;
use serde_json::json;
use support::{instrument, set, set_at, write_text};

#[test]
fn an_archived_revision_stays_loadable_beside_the_correction() {
    let root = tempfile::tempdir().unwrap();
    // Revision 1, archived as released.
    write_text(
        &root.path().join("archive/tiny-2026@1"),
        &instrument().to_string(),
        &set().to_string(),
    );
    // Revision 2 corrects 3.2's middle option from 15 to 16 points.
    let mut corrected = instrument();
    corrected["revision"] = json!(2);
    corrected["changelog"].as_array_mut().unwrap().push(json!({
        "revision": 2, "date": "2026-12-01", "summary": "3.2 option 2 corrected to 16 points", "source": "tests"
    }));
    let mut corrected_set = set();
    set_at(
        &mut corrected_set,
        "/parts/2/groups/0/criteria/1/options/1/points",
        json!("16"),
    );
    write_text(
        &root.path().join("tiny-2026"),
        &corrected.to_string(),
        &corrected_set.to_string(),
    );

    let catalog = Catalog::from_path(root.path()).unwrap();
    assert_eq!(catalog.ids(), ["tiny-2026@2", "tiny-2026@1"]);
    assert_eq!(catalog.instrument("tiny-2026").unwrap().revision, 2);
    assert_eq!(catalog.instrument("tiny-2026@1").unwrap().revision, 1);

    let sheet = |rubric: &str| {
        json!({"rubric": rubric, "product_set": 1, "answers": {"1.1": 3, "2.1": [], "3.1": true, "3.2": 2}}).to_string()
    };
    let latest = score_sheet(&catalog, &sheet("tiny-2026"), Completeness::Complete).unwrap();
    let old = score_sheet(&catalog, &sheet("tiny-2026@1"), Completeness::Complete).unwrap();
    assert_eq!(
        (latest.rubric_revision, latest.total.to_string().as_str()),
        (2, "61")
    );
    assert_eq!(
        (old.rubric_revision, old.total.to_string().as_str()),
        (1, "60")
    );
    assert_ne!(latest.rubric_fingerprint, old.rubric_fingerprint);

    // A revision that names no number is no revision: never quietly the latest.
    for id in ["tiny-2026@", "tiny-2026@x", "tiny-2026@3"] {
        assert!(catalog.instrument(id).is_err(), "{id}");
    }
}

#[test]
fn lint_counts_each_revisions_problems_apart() {
    let root = tempfile::tempdir().unwrap();
    write_text(
        &root.path().join("archive/tiny-2026@1"),
        &instrument().to_string(),
        &set().to_string(),
    );
    // Revision 2 breaks a sum: its error is its own, not revision 1's.
    let mut revised = instrument();
    revised["revision"] = json!(2);
    revised["changelog"].as_array_mut().unwrap().push(json!({
        "revision": 2, "date": "2026-12-01", "summary": "3.1 raised", "source": "tests"
    }));
    let mut broken = set();
    set_at(&mut broken, "/parts/2/groups/0/criteria/0/max", json!("6"));
    write_text(
        &root.path().join("tiny-2026"),
        &revised.to_string(),
        &broken.to_string(),
    );
    let report = ocop_core::lint::lint(&Catalog::from_path(root.path()).unwrap());
    let counts: Vec<(u32, usize)> = report
        .rubrics
        .iter()
        .map(|rubric| (rubric.revision, rubric.errors))
        .collect();
    assert_eq!(counts.len(), 2);
    assert!(counts.contains(&(1, 0)), "{counts:?}");
    assert!(
        counts
            .iter()
            .any(|&(revision, errors)| revision == 2 && errors > 0)
    );
    assert_eq!(
        report.problems.len(),
        counts.iter().map(|(_, errors)| errors).sum::<usize>()
    );
}
