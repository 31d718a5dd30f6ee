//! Sheets and sessions say what kind of evaluation they are, when their file was submitted and
//! which certificate they follow; results echo it, compare the stars, and the transition of QĐ
//! 26/2026 (Điều 11–12) decides whether QĐ 148 may still score them.

use ocop_core::council::{SessionOptions, score_session};
use ocop_core::rubric::Catalog;
use ocop_core::score::score_sheet;
use ocop_core::sheet::{Completeness, InputProblem};
use serde_json::{Value, json};

fn sheet(extra: Value) -> String {
    let mut sheet = json!({"product_set": 10, "answers": {"1.1": 2}});
    for (key, value) in extra.as_object().unwrap() {
        sheet[key] = value.clone();
    }
    sheet.to_string()
}

fn scored(extra: Value) -> Value {
    let card = score_sheet(Catalog::bundled(), &sheet(extra), Completeness::Partial).unwrap();
    serde_json::to_value(card).unwrap()
}

fn problems(extra: Value) -> Vec<(String, &'static str)> {
    let problems: Vec<InputProblem> =
        score_sheet(Catalog::bundled(), &sheet(extra), Completeness::Partial)
            .unwrap_err()
            .into_vec();
    problems
        .iter()
        .map(|problem| (problem.path.to_string(), problem.kind.name()))
        .collect()
}

#[test]
fn results_echo_the_filing_and_compare_the_stars() {
    let answers = {
        let path = format!(
            "{}/../../fixtures/cases/qd26-2026/set10-total-70-four-stars.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        case["sheet"]["answers"].clone()
    };
    let filing = json!({
        "rubric": "qd26-2026", "evaluated_on": "2026-09-01",
        "evaluation": "upgrade", "submitted_on": "2026-06-10",
        "previous_certificate": {"stars": 3, "decided_on": "2024-03-15", "decision": "512/QĐ-UBND"},
        "answers": answers,
    });
    let card = scored(filing.clone());
    assert_eq!(card["stars"], 4);
    assert_eq!(card["evaluation"], "upgrade");
    assert_eq!(card["submitted_on"], "2026-06-10");
    assert_eq!(card["previous_certificate"]["decision"], "512/QĐ-UBND");
    assert_eq!(card["stars_change"], "up");

    let members: Vec<Value> = ["chair", "member", "member"]
        .iter()
        .enumerate()
        .map(|(index, role)| json!({"id": format!("m{index}"), "role": role, "answers": answers}))
        .collect();
    let mut session = filing;
    session["product_set"] = json!(10);
    session["council"] = json!({"level": "province"});
    session["members"] = json!(members);
    session["previous_certificate"]["stars"] = json!(4);
    session["evaluation"] = json!("rerating");
    session.as_object_mut().unwrap().remove("answers");
    let result = score_session(
        Catalog::bundled(),
        &session.to_string(),
        SessionOptions::default(),
    )
    .unwrap();
    let result = serde_json::to_value(result).unwrap();
    assert_eq!(result["evaluation"], "rerating");
    assert_eq!(result["stars_change"], "stayed");

    // Without a filing the fields are there, empty.
    let plain = scored(json!({"rubric": "qd26-2026"}));
    assert_eq!(plain["evaluation"], Value::Null);
    assert_eq!(plain["stars_change"], Value::Null);
}

#[test]
fn a_filing_is_read_field_by_field_and_checked() {
    assert_eq!(
        problems(json!({"rubric": "qd26-2026", "evaluation": "again"})),
        [("/evaluation".to_owned(), "invalid_value")]
    );
    assert_eq!(
        problems(json!({"rubric": "qd26-2026", "evaluation": "first",
                        "previous_certificate": {"stars": 3, "decided_on": "2024-01-01"}})),
        [("/previous_certificate".to_owned(), "filing")]
    );
    assert_eq!(
        problems(json!({"rubric": "qd26-2026", "evaluation": "upgrade",
                        "previous_certificate": {"stars": 3}})),
        [("/previous_certificate".to_owned(), "missing_field")]
    );
    assert_eq!(
        problems(json!({"rubric": "qd26-2026", "evaluated_on": "2026-06-01",
                        "submitted_on": "2026-07-01"})),
        [("/submitted_on".to_owned(), "filing")]
    );
}

/// A sheet naming QĐ 148, evaluated on `on`, of a kind, submitted on a day.
fn under_148(on: &str, evaluation: Option<&str>, submitted_on: Option<&str>) -> Value {
    let mut extra = json!({"rubric": "qd148-2023", "evaluated_on": on});
    if let Some(evaluation) = evaluation {
        extra["evaluation"] = json!(evaluation);
    }
    if let Some(submitted) = submitted_on {
        extra["submitted_on"] = json!(submitted);
    }
    extra
}

#[test]
fn the_transition_limits_hold_on_both_sides_of_each_boundary_day() {
    let ok = |extra: Value| scored(extra)["rubric"] == "qd148-2023";
    let refused = |extra: Value| {
        problems(extra)
            .into_iter()
            .map(|(_, kind)| kind)
            .collect::<Vec<_>>()
    };
    let before = Some("2026-05-21");
    // Điều 12.2.a: first ratings and upgrades finish by 21/7/2026.
    assert!(ok(under_148("2026-07-21", Some("first"), before)));
    assert_eq!(
        refused(under_148("2026-07-22", Some("upgrade"), before)),
        ["transition_ended"]
    );
    // Điều 12.2.b: re-ratings by 21/6/2026.
    assert!(ok(under_148("2026-06-21", Some("rerating"), before)));
    assert_eq!(
        refused(under_148("2026-06-22", Some("rerating"), before)),
        ["transition_ended"]
    );
    // Only files submitted before 22/5/2026.
    assert_eq!(
        refused(under_148("2026-06-01", Some("first"), Some("2026-05-22"))),
        ["submitted_after_transition"]
    );
    // Without an evaluation date, the filing date alone still decides.
    let undated =
        json!({"rubric": "qd148-2023", "evaluation": "first", "submitted_on": "2026-06-01"});
    assert_eq!(refused(undated), ["submitted_after_transition"]);
    let undated =
        json!({"rubric": "qd148-2023", "evaluation": "first", "submitted_on": "2026-05-21"});
    assert!(ok(undated));
    // Điều 11.1: QĐ 26/2026 is never used before 22/5/2026.
    assert_eq!(
        refused(json!({"rubric": "qd26-2026", "evaluated_on": "2026-05-21"})),
        ["rubric_not_in_force"]
    );
    // A date alone picks QĐ 26/2026 from 22/5/2026, whatever the filing.
    let by_date = scored(json!({"evaluated_on": "2026-05-22", "submitted_on": "2026-05-01"}));
    assert_eq!(by_date["rubric"], "qd26-2026");
}

#[test]
fn without_the_kind_the_wider_limit_applies_with_a_notice_that_re_ratings_have_30_days() {
    let card = scored(under_148("2026-07-01", None, None));
    let kinds: Vec<&str> = card["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|notice| notice["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"transition_filing"), "{kinds:?}");
    assert!(kinds.contains(&"transition_limit"), "{kinds:?}");
    let limit = card["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|notice| notice["kind"] == "transition_limit")
        .unwrap();
    assert_eq!(limit["until"], "2026-06-21");
    assert_eq!(limit["evaluations"], json!(["rerating"]));
    assert_eq!(limit["source"], "QĐ 26/2026/QĐ-TTg Điều 12 khoản 2 điểm b");
    // Given both, nothing to say about the transition.
    let told = scored(under_148("2026-07-01", Some("first"), Some("2026-05-20")));
    assert!(
        told["notices"]
            .as_array()
            .unwrap()
            .iter()
            .all(|notice| !notice["kind"].as_str().unwrap().starts_with("transition")),
        "{}",
        told["notices"]
    );
}

#[test]
fn transition_problems_write_their_dates_as_vietnamese_readers_do() {
    use ocop_core::lang::{Describe, Lang};
    let messages = |extra: Value| -> Vec<String> {
        score_sheet(Catalog::bundled(), &sheet(extra), Completeness::Partial)
            .unwrap_err()
            .into_vec()
            .iter()
            .map(|problem| problem.kind.describe(Lang::Vi))
            .collect()
    };
    let late = messages(under_148("2026-06-01", Some("first"), Some("2026-05-22")));
    assert!(
        late[0].starts_with("hồ sơ nộp ngày 22/05/2026, không trước ngày 22/05/2026:"),
        "{late:?}"
    );
    let ended = messages(under_148("2026-07-22", Some("first"), Some("2026-05-21")));
    assert!(ended[0].contains("đến hết ngày 21/07/2026"), "{ended:?}");
    let early = messages(json!({"rubric": "qd26-2026", "evaluated_on": "2026-05-21"}));
    assert!(
        early[0].contains("vào ngày đánh giá 21/05/2026"),
        "{early:?}"
    );
    let none = messages(json!({"evaluated_on": "2019-01-01"}));
    assert!(none[0].contains("vào ngày 01/01/2019"), "{none:?}");
}
