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

/// A register in the form Lâm Đồng publishes (semicolons, a byte-order mark, Vietnamese column
/// names, dates written both ways). The decision numbers and dates of rows 2–7 are those of
/// published decisions (768/QĐ-UBND Cư Jút 7/5/2025, 1887/QĐ-UBND Đắk Song 16/6/2025,
/// 858/QĐ-UBND Đắk Nông 19/6/2025, 3981/QĐ-UBND Lâm Đồng 5/8/2026, as the project's notes on
/// public sources record them); the product names, and row 8's 2023 decision, are illustrative
/// (the lists themselves could not be fetched). Rows 9 and 10 are wrong on purpose.
fn register(on: &str, within: &str) -> Value {
    let file = root().join("fixtures/registers/lam-dong-2025-2026.csv");
    let targets = root().join("fixtures/registers/lam-dong-targets.json");
    let output = ocop(&[
        "register",
        file.to_str().unwrap(),
        "--on",
        on,
        "--within",
        within,
        "--targets",
        targets.to_str().unwrap(),
        "--format",
        "json",
    ]);
    // Two bad rows: listed, the rest still followed, exit 1 as for a round.
    assert_eq!(output.status.code(), Some(1));
    valid_json(&output, "register.schema.json")
}

fn counts(value: &Value) -> Vec<(String, u64)> {
    value
        .as_object()
        .unwrap()
        .iter()
        .map(|(key, count)| (key.clone(), count.as_u64().unwrap()))
        .collect()
}

#[test]
fn a_register_kept_as_a_workbook_is_followed_as_its_csv() {
    // The stored register, cell for cell, in a workbook's first sheet; its decision dates of the
    // form D/M/YYYY become real date cells, as a province's spreadsheet holds them.
    let csv =
        std::fs::read_to_string(root().join("fixtures/registers/lam-dong-2025-2026.csv")).unwrap();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (row, line) in (0_u32..).zip(csv.trim_start_matches('\u{feff}').lines()) {
        for (column, cell) in (0_u16..).zip(line.split(';')) {
            let parts: Vec<&str> = cell.split('/').collect();
            let date = match parts.as_slice() {
                [day, month, year] if row > 0 && column == 9 => {
                    match (year.parse(), month.parse(), day.parse()) {
                        (Ok(year), Ok(month), Ok(day)) => {
                            rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day).ok()
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            match (date, cell.parse::<f64>()) {
                (Some(date), _) => {
                    sheet.write_datetime_with_format(row, column, &date, &date_format)
                }
                (None, Ok(number)) => sheet.write_number(row, column, number),
                (None, Err(_)) => sheet.write_string(row, column, cell),
            }
            .unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("danh sách.xlsx");
    workbook.save(&path).unwrap();
    let follow = |file: &std::path::Path| {
        let output = ocop(&[
            "register",
            file.to_str().unwrap(),
            "--on",
            "2026-08-10",
            "--format",
            "json",
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
        valid_json(&output, "register.schema.json")
    };
    let from_csv = follow(&root().join("fixtures/registers/lam-dong-2025-2026.csv"));
    let from_workbook = follow(&path);
    assert_eq!(from_workbook, from_csv);
    assert_eq!(from_workbook["products"].as_array().unwrap().len(), 7);
}

#[test]
fn a_register_in_text_says_what_cert_says_of_each_product() {
    let file = root().join("fixtures/registers/lam-dong-2025-2026.csv");
    let text = stdout(&ocop(&[
        "register",
        file.to_str().unwrap(),
        "--on",
        "2026-08-10",
    ]));
    let row = |number: &str| {
        text.lines()
            .find(|line| line.starts_with(&format!("  dòng {number} ")))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        row("2").ends_with("; còn hiệu lực, còn 636 ngày nữa hết hạn"),
        "{text}"
    );
    // The same words as `ocop cert --decided 2023-07-01 --on 2026-08-10`.
    let cert = stdout(&ocop(&[
        "cert",
        "--decided",
        "2023-07-01",
        "--on",
        "2026-08-10",
    ]));
    let said = cert
        .lines()
        .last()
        .unwrap()
        .trim_start_matches("Ngày 10/08/2026: ");
    assert!(row("8").ends_with(&format!("; {said}")), "{text}\n{cert}");
    assert!(said.starts_with("đã hết hạn 40 ngày"), "{cert}");
}

#[test]
fn a_register_on_10_august_2026() {
    let register = register("10/8/2026", "150");
    assert_eq!(register["on"], "2026-08-10");
    let products = register["products"].as_array().unwrap();
    assert_eq!(products.len(), 7);
    // Row 2: decided 7/5/2025, expires 7/5/2028 (36 months); re-rating under QĐ 26/2026:
    // 180 days before expiry is 9/11/2027, 120 days before is 8/1/2028 (2028 is a leap year:
    // 7 days of May, 30 of April, 31 of March, 29 of February, 23 of January = 120).
    assert_eq!(products[0]["row"], 2);
    assert_eq!(products[0]["expires_on"], "2028-05-07");
    assert_eq!(products[0]["re_rating_window"]["opens"], "2027-11-09");
    assert_eq!(products[0]["re_rating_window"]["closes"], "2028-01-08");
    assert_eq!(products[0]["state"], "valid");
    // From 10/8/2026 to 7/5/2028: 21 + 30 + 31 + 30 + 31 (to 31/12/2026) + 365 + 31 + 29 + 31
    // + 30 + 7 = 636 days.
    assert_eq!(products[0]["days_to_expiry"], 636);
    // Row 8: decided 1/7/2023, expired 1/7/2026, its window (2/1–3/3/2026) closed before
    // 22/5/2026: extended to 28/12/2026 at the latest (Điều 12.3).
    assert_eq!(products[6]["row"], 8);
    assert_eq!(products[6]["state"], "extended");
    assert_eq!(products[6]["extended_until"], "2026-12-28");
    assert_eq!(products[6]["re_rating_window"], Value::Null);
    assert_eq!(
        counts(&register["summary"]["by_state"]),
        [("extended".to_owned(), 1), ("valid".to_owned(), 6)]
    );
    assert_eq!(
        counts(&register["summary"]["by_stars"]),
        [("3".to_owned(), 5), ("4".to_owned(), 2)]
    );
    assert_eq!(
        counts(&register["summary"]["by_year"]),
        [
            ("2023".to_owned(), 1),
            ("2025".to_owned(), 5),
            ("2026".to_owned(), 1)
        ]
    );
    assert_eq!(register["summary"]["by_commune"]["Thuận Hạnh"], 1);
    // Within 150 days (to 7/1/2027) only the extension of row 8 ends: 28/12/2026, 140 days.
    let due = register["due"].as_array().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["event"], "extension_ends");
    assert_eq!(due[0]["date"], "2026-12-28");
    assert_eq!(due[0]["days"], 140);
    let failures: Vec<(u64, &str)> = register["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|failure| {
            (
                failure["row"].as_u64().unwrap(),
                failure["column"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(failures, [(9, "Hạng sao"), (10, "Ngày quyết định")]);
    // Đắk Song recognised 2 products in 2025 against a target of 3; Đắk Nông 5 of 5; two
    // 4★ products at province level against 1.
    let targets: Vec<(u64, bool)> = register["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|report| (report["achieved"].as_u64().unwrap(), report["met"] == true))
        .collect();
    assert_eq!(targets, [(2, false), (5, true), (2, true)]);
    assert_eq!(register["ignored_columns"], serde_json::json!(["STT"]));
}

#[test]
fn a_register_on_1_december_2027() {
    let register = register("2027-12-01", "90");
    let states: Vec<&str> = register["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|product| product["state"].as_str().unwrap())
        .collect();
    // Rows 2–3: window 9/11/2027–8/1/2028 open; rows 4–6 open on 19/12 and 22/12; row 7
    // decided 5/8/2026; row 8's extension ended 28/12/2026.
    assert_eq!(
        states,
        [
            "re_rating_window_open",
            "re_rating_window_open",
            "valid",
            "valid",
            "valid",
            "valid",
            "expired"
        ]
    );
    // Within 90 days (to 29/2/2028), soonest first, rows in file order on the same day.
    let due: Vec<(u64, &str, &str, i64)> = register["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|due| {
            (
                due["row"].as_u64().unwrap(),
                due["event"].as_str().unwrap(),
                due["date"].as_str().unwrap(),
                due["days"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        due,
        [
            (4, "re_rating_window_opens", "2027-12-19", 18),
            (5, "re_rating_window_opens", "2027-12-19", 18),
            (6, "re_rating_window_opens", "2027-12-22", 21),
            (2, "re_rating_window_closes", "2028-01-08", 38),
            (3, "re_rating_window_closes", "2028-01-08", 38),
            (4, "re_rating_window_closes", "2028-02-17", 78),
            (5, "re_rating_window_closes", "2028-02-17", 78),
            (6, "re_rating_window_closes", "2028-02-20", 81),
        ]
    );
}

#[test]
fn the_example_targets_match_their_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/register-targets.schema.json")).unwrap(),
    )
    .unwrap();
    let targets: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/registers/lam-dong-targets.json")).unwrap(),
    )
    .unwrap();
    assert!(
        jsonschema::validator_for(&schema)
            .unwrap()
            .is_valid(&targets)
    );
    let wrong = serde_json::json!({"district": "Lý Sơn", "count": "3"});
    assert!(!jsonschema::validator_for(&schema).unwrap().is_valid(&wrong));
}

#[test]
fn a_register_without_a_required_column_reads_no_row() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("list.csv");
    std::fs::write(
        &file,
        "code,name,commune,stars,decided_on\nA,B,C,3,2025-01-01\n",
    )
    .unwrap();
    let output = ocop(&["register", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let register = valid_json(&output, "register.schema.json");
    assert_eq!(register["products"], serde_json::json!([]));
    let missing: Vec<&str> = register["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|failure| failure["column"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["owner", "decision"]);
    let csv = stdout(&ocop(&[
        "register",
        root()
            .join("fixtures/registers/lam-dong-2025-2026.csv")
            .to_str()
            .unwrap(),
        "--on",
        "2026-08-10",
        "--format",
        "csv",
    ]));
    assert!(csv.starts_with("row,code,name,owner,commune,"), "{csv}");
    assert_eq!(csv.lines().count(), 8);
}
