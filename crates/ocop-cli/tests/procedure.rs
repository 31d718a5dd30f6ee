//! `ocop cert`, `ocop calendar` and `ocop register`, run as a user would run them, and their JSON
//! validated against the committed schemas.

mod support;

use serde_json::Value;
use support::{ocop, root, stdout};

/// Parses standard output as JSON and checks it against the committed schema `file`.
fn valid_json(output: &std::process::Output, schema_file: &str) -> Value {
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas").join(schema_file)).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    document
}

#[test]
fn cert_reads_vietnamese_dates_and_reports_the_transitional_extension() {
    // QĐ 26/2026 Điều 12.3: decided 1/7/2023, expired 1/7/2026, its window closed before
    // 22/5/2026: on 1/8/2026 it is extended, at most to 28/12/2026.
    let output = ocop(&[
        "cert",
        "--decided",
        "1/7/2023",
        "--on",
        "01/08/2026",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let certificate = valid_json(&output, "certificate.schema.json");
    assert_eq!(certificate["state"], "extended");
    assert_eq!(certificate["extended_until"], "2026-12-28");
    assert_eq!(certificate["re_rating_window"], Value::Null);
    let text = stdout(&ocop(&[
        "cert",
        "--decided",
        "1/7/2023",
        "--on",
        "2026-08-01",
    ]));
    assert!(
        text.contains("Ngày 01/08/2026: đã hết hạn 31 ngày"),
        "{text}"
    );
    assert!(text.contains("chậm nhất 28/12/2026"), "{text}");
}

#[test]
fn cert_takes_the_window_from_the_rules_in_force_when_re_rating_is_filed() {
    let output = ocop(&[
        "cert",
        "--decided",
        "2026-01-10",
        "--on",
        "2026-08-01",
        "--format",
        "json",
    ]);
    let certificate = valid_json(&output, "certificate.schema.json");
    assert_eq!(certificate["rubric"], "qd148-2023");
    assert_eq!(certificate["re_rating_window"]["opens"], "2028-07-14");
    assert_eq!(certificate["re_rating_window"]["closes"], "2028-09-12");
    assert_eq!(
        certificate["re_rating_window"]["rule"]["rubric"],
        "qd26-2026"
    );
    assert_eq!(certificate["extended_until"], Value::Null);
}

#[test]
fn cert_refuses_a_rubric_not_yet_in_force_on_the_decision_date() {
    let output = ocop(&[
        "cert",
        "--decided",
        "2026-05-21",
        "--rubric",
        "qd26-2026",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(error["error"]["kind"], "invalid_input");
    let message = error["error"]["problems"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("có hiệu lực từ ngày 22/05/2026"),
        "{message}"
    );
    let text = ocop(&["cert", "--decided", "2026-05-21", "--rubric", "qd26-2026"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&text.stderr).contains("22/05/2026"));
    assert_eq!(
        ocop(&["cert", "--decided", "22/5/2026", "--rubric", "qd26-2026"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn calendar_lists_the_rounds_and_the_first_round_a_file_can_enter() {
    let output = ocop(&[
        "calendar",
        "2027",
        "--level",
        "province",
        "--on",
        "30/4/2027",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let calendar = valid_json(&output, "calendar.schema.json");
    assert_eq!(calendar["rounds"].as_array().unwrap().len(), 2);
    assert_eq!(calendar["rounds"][0]["held_before"], "2027-06-30");
    assert_eq!(calendar["rounds"][0]["proposed_before"], "2027-04-30");
    // Proposed on 30/4, not before it: the second round.
    assert_eq!(calendar["first_rounds"][0]["round"], 2);
    assert_eq!(calendar["first_rounds"][0]["held_before"], "2027-12-30");
    let text = stdout(&ocop(&["calendar", "2027", "--level", "central"]));
    assert!(text.contains("Đợt 02: trước ngày 30/03/2027"), "{text}");
    // QĐ 148, in force at the end of 2025, sets no rounds.
    let none = ocop(&["calendar", "2025", "--format", "json"]);
    assert_eq!(none.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(error["error"]["kind"], "invalid_input");
}
