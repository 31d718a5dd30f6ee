//! A workbook made from a session (or a sheet) and read back gives the engine the same input:
//! the same result, for every stored case of every rubric and product set.

use std::path::{Path, PathBuf};

use ocop_core::council::{self, SessionOptions};
use ocop_core::rubric::Catalog;
use ocop_core::score;
use ocop_core::sheet::Completeness;
use ocop_workbook::{Form, council_workbook, read};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cases")
}

fn cases(kind: &str) -> Vec<(PathBuf, Value)> {
    let mut found = Vec::new();
    for rubric in std::fs::read_dir(fixtures()).unwrap() {
        let rubric = rubric.unwrap().path();
        let folder = if kind == "session" {
            rubric.join("council")
        } else {
            rubric.clone()
        };
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let case: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                if let Some(document) = case.get(kind) {
                    found.push((path, document.clone()));
                }
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Fails with the first field that differs, not two whole documents.
fn same(actual: &Value, expected: &Value, path: &Path) {
    if let (Value::Object(actual), Value::Object(expected)) = (actual, expected) {
        for (field, value) in expected {
            assert_eq!(
                actual.get(field),
                Some(value),
                "{}: {field}",
                path.display()
            );
        }
    }
    assert_eq!(actual, expected, "{}", path.display());
}

fn options() -> SessionOptions<'static> {
    SessionOptions {
        completeness: Completeness::Partial,
        rules_file: None,
    }
}

fn round_trip(catalog: &Catalog, session: &str) -> ocop_workbook::ReadWorkbook {
    let form = Form::from_session(catalog, session).expect("a valid session makes a form");
    let bytes = council_workbook(&form).expect("the workbook is written");
    read(catalog, &bytes).unwrap_or_else(|problems| panic!("read back: {problems:#?}"))
}

#[test]
fn every_stored_council_case_gives_the_same_result_through_a_workbook() {
    let catalog = Catalog::bundled();
    let sessions = cases("session");
    assert!(sessions.len() >= 10, "the stored council cases are found");
    for (path, session) in sessions {
        let text = session.to_string();
        let expected = council::score_session(catalog, &text, options()).unwrap();
        let document = round_trip(catalog, &text).session();
        let actual = document
            .check(council::score_session(catalog, document.text(), options()))
            .unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display()));
        same(
            &serde_json::to_value(&actual).unwrap(),
            &serde_json::to_value(&expected).unwrap(),
            &path,
        );
    }
}

/// Every product set of every rubric, with every kind of criterion (cases, yes/no, additive,
/// nested), through a one-member council's workbook and back to a member's sheet.
#[test]
fn every_stored_sheet_gives_the_same_scorecard_through_a_workbook() {
    let catalog = Catalog::bundled();
    let sheets = cases("sheet");
    assert!(sheets.len() >= 78, "one case per set and rubric at least");
    for (path, sheet) in sheets {
        let text = sheet.to_string();
        let Ok(expected) = score::score_sheet(catalog, &text, Completeness::Partial) else {
            continue;
        };
        let mut session = json!({
            "product_set": sheet["product_set"],
            "council": {"level": "province"},
            "members": [{
                "id": "m1",
                "name": "Nguyễn Thị Hoa",
                "role": "chair",
                "answers": sheet["answers"],
                "knockouts": sheet.get("knockouts").cloned().unwrap_or(json!([])),
            }],
        });
        for field in ["rubric", "evaluated_on", "product"] {
            if let Some(value) = sheet.get(field) {
                session[field] = value.clone();
            }
        }
        if council::score_session(catalog, &session.to_string(), options()).is_err() {
            // A level the rubric has not (QĐ 1048 district sheets, say): use the central one.
            session["council"]["level"] = json!("central");
        }
        let workbook = round_trip(catalog, &session.to_string());
        let document = workbook.member_sheet(None).unwrap();
        let actual = document
            .check(score::score_sheet(
                catalog,
                document.text(),
                Completeness::Partial,
            ))
            .unwrap_or_else(|problems| panic!("{}: {problems:#?}", path.display()));
        let mut expected = serde_json::to_value(&expected).unwrap();
        expected["evaluator"] = json!("Nguyễn Thị Hoa");
        same(&serde_json::to_value(&actual).unwrap(), &expected, &path);
    }
}
