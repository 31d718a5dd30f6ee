//! `ocop advise`, run as a user would run it.

mod support;

use support::{example, json, ocop, ocop_stdin, root, stderr, stdout};

use serde_json::{Value, json};

/// The 95-point sheet of the stored case, capped at 4★ by 6.5's ***** gate.
fn ninety_five() -> String {
    let case: Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("fixtures/cases/qd26-2026/set10-95-points-capped-at-four.json"),
        )
        .unwrap(),
    )
    .unwrap();
    case["sheet"].to_string()
}

#[test]
fn advise_prints_a_vietnamese_plan_and_margin() {
    let output = ocop(&["advise", &example()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "TƯ VẤN NÂNG HẠNG SAO OCOP",
        "Sản phẩm: Tỏi đen Lý Sơn (QNG-2026-017)",
        "Tổng điểm: 73; hạng theo tổng điểm: 4 sao",
        "Hiện tại: 3 sao ★★★☆☆",
        "✗ 5.1 Câu chuyện sản phẩm: hạng 4 sao cần ít nhất phương án 5 (5 điểm); đang ở phương án 4 (3 điểm)",
        "Mục tiêu: 4 sao — từ 70 điểm và đạt mọi tiêu chí bắt buộc đến hạng 4 sao",
        "Phương án 1: thay đổi 1 chỉ tiêu, thêm 2 điểm → 75 điểm, 4 sao",
        "• 5.1 Câu chuyện sản phẩm: +2 điểm; đạt tiêu chí bắt buộc hạng 4 sao",
        "hiện tại: 4. Có câu chuyện sản phẩm được tư liệu hóa, thể hiện trên tờ rơi và website",
        "cần đạt : 5. Có câu chuyện sản phẩm được tư liệu hóa, thể hiện trên tờ rơi, website",
        "Trên ngưỡng 3 sao (50 điểm): 23 điểm",
        "! 2.2 Đóng gói, bao bì sản phẩm: phương án 3 là mức tối thiểu của hạng 3 sao; xuống phương án 2 (1 điểm) → 2 sao",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn advise_in_english() {
    let output = ocop(&["advise", &example(), "--lang", "en"]);
    let text = stdout(&output);
    for expected in [
        "Now: 3 stars",
        "a 4-star product needs at least option 5 (5 points); now option 4 (3 points)",
        "Plan 1: change 1 criterion, gain 2 points → 75 points, 4 stars",
        "Above the floor of 3 stars (50 points): 23 points",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn advise_as_json_follows_the_contract() {
    let output = ocop_stdin(&["advise", "-", "--format", "json"], &ninety_five());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let advice = json(&output);
    assert_eq!(advice["current_stars"], 4);
    assert_eq!(advice["target_stars"], 5);
    assert_eq!(advice["reachable"], true);
    assert!(advice.get("reason").is_none());
    assert_eq!(
        advice["plans"],
        json!([{
            "steps": [{
                "criterion": "6.5",
                "from_option": 3,
                "to_option": 4,
                "from_points": "2",
                "to_points": "4",
                "points_gained": "2",
                "gates": [{"level": 5, "marked_option": 4, "required_points": "4"}]
            }],
            "criteria_changed": 1,
            "points_gained": "2",
            "cost": null,
            "new_total": "97",
            "new_stars": 5
        }])
    );
    assert_eq!(advice["margin"]["points_above_floor"], "25");
    assert_eq!(
        advice["margin"]["gates_at_risk"].as_array().unwrap().len(),
        6
    );
}

#[test]
fn a_target_above_five_stars_is_a_usage_error() {
    let output = ocop(&["advise", &example(), "--target", "6", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let error = json(&output);
    assert_eq!(error["error"]["kind"], "usage");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--target"),
        "{error}"
    );

    let output = ocop(&["advise", &example(), "--target", "6"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("--target"));
}

#[test]
fn a_disqualified_sheet_cannot_be_advised_up() {
    let mut sheet: Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    sheet["knockouts"] = json!(["dossier"]);
    let output = ocop_stdin(&["advise", "-", "--format", "json"], &sheet.to_string());
    assert_eq!(output.status.code(), Some(0));
    let advice = json(&output);
    assert_eq!(advice["status"], "disqualified");
    assert_eq!(advice["current_stars"], 0);
    assert_eq!(advice["reachable"], false);
    assert_eq!(advice["reason"]["kind"], "disqualified");
    assert_eq!(advice["margin"], Value::Null);
}

#[test]
fn a_cost_file_makes_the_plan_the_cheapest() {
    // 73 points, 3★ for 5.1; toward 5★ four plans of ten criteria tie; with 4.3 and 5.3
    // expensive, the cheapest uses 9 and 11 instead, whatever the number of criteria.
    let folder = tempfile::tempdir().unwrap();
    let costs = folder.path().join("costs.json");
    std::fs::write(&costs, r#"{"4.3": "10", "5.3": "10", "*": "1"}"#).unwrap();
    let output = ocop(&[
        "advise",
        &example(),
        "--target",
        "5",
        "--cost",
        costs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let advice = json(&output);
    assert_eq!(advice["objective"], "least_cost");
    let plan = &advice["plans"][0];
    let changed: Vec<&str> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|step| step["criterion"].as_str().unwrap())
        .collect();
    assert!(
        !changed.contains(&"4.3") && !changed.contains(&"5.3"),
        "{changed:?}"
    );
    assert_eq!(plan["cost"], plan["criteria_changed"].to_string());
    assert_eq!(plan["new_stars"], 5);
}

#[test]
fn a_bad_cost_file_is_reported_with_its_lines() {
    let folder = tempfile::tempdir().unwrap();
    let costs = folder.path().join("costs.json");
    std::fs::write(
        &costs,
        "{\"5.1\": \"3\",\n \"4.1\": 2,\n \"9.9\": \"1\", \"1.2\": \"-1\"}\n",
    )
    .unwrap();
    let output = ocop(&["advise", &example(), "--cost", costs.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    let name = costs.display().to_string();
    for expected in [
        format!("{name}:2:9: \"4.1\" phải là một chuỗi số thập phân như \"2.5\", không phải số"),
        format!("{name}:3:9: bộ sản phẩm không có chỉ tiêu \"9.9\""),
        format!("{name}:3:21: giá trị của \"1.2\" không hợp lệ"),
    ] {
        assert!(text.contains(&expected), "missing {expected:?} in:\n{text}");
    }

    std::fs::write(&costs, "{\"5.1\": ").unwrap();
    let output = ocop(&[
        "advise",
        &example(),
        "--cost",
        costs.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error = json(&output);
    assert_eq!(error["error"]["file"], name);
    assert_eq!(error["error"]["problems"][0]["kind"], "syntax");
}

#[test]
fn a_missing_cost_file_exits_2() {
    let output = ocop(&["advise", &example(), "--cost", "/nonexistent/costs.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("không đọc được /nonexistent/costs.json"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_invalid_sheet_exits_1() {
    let sheet = r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 9}}"#;
    let output = ocop_stdin(&["advise", "-"], sheet);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("<stdin>:1:"), "{text}");
    assert!(text.contains("chỉ tiêu 1.1 không có phương án 9"), "{text}");
}

#[test]
fn a_partial_sheet_gets_its_outlook() {
    let sheet = r#"{"rubric": "qd26-2026", "product_set": 10,
                   "answers": {"1.1": 3, "5.1": 5, "6.1": 2}}"#;
    let output = ocop_stdin(
        &[
            "advise",
            "-",
            "--partial",
            "--target",
            "3",
            "--format",
            "json",
        ],
        sheet,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let advice = json(&output);
    assert_eq!(advice["status"], "incomplete");
    // 6.1 at option 2 is under its 4★ mark: 3★ is the best still possible.
    let partial = &advice["partial"];
    assert_eq!(
        (
            partial["best_stars"].as_u64(),
            partial["worst_stars"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(advice["reachable"], true);
    // 3 + 5 + 1 = 9 points so far; 3★ needs 50, so 41 more.
    assert_eq!(partial["target_needs"]["points"], "41");
    let gates: Vec<&str> = partial["target_needs"]["gates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gate| gate["criterion"].as_str().unwrap())
        .collect();
    assert_eq!(gates, ["2.2", "4.1", "5.3"]);

    let output = ocop_stdin(&["advise", "-", "--partial", "--target", "4"], sheet);
    let text = stdout(&output);
    assert!(text.contains("còn có thể đạt 1–3 sao"), "{text}");
    assert!(
        text.contains("Không thể đạt 4 sao: chỉ tiêu 6.1 phải đạt ít nhất phương án 3"),
        "{text}"
    );
}

#[test]
fn raising_the_story_makes_its_structure_count() {
    // 5.1 "no story" (option 1) leaves 5.2 unanswered; raising 5.1 makes 5.2 count, at its
    // lowest option until it is answered.
    let mut sheet: Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    sheet["answers"]["5.1"] = json!(1);
    sheet["answers"].as_object_mut().unwrap().remove("5.2");
    let output = ocop_stdin(&["advise", "-", "--format", "json"], &sheet.to_string());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let advice = json(&output);
    assert_eq!(advice["current_total"], "68");
    let step = &advice["plans"][0]["steps"][0];
    assert_eq!(step["criterion"], "5.1");
    assert_eq!(step["to_option"], 5);
    assert_eq!(
        step["unlocks"],
        json!([{"criterion": "5.2", "option": null, "points_gained": "0", "assumed_lowest": true}])
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["advise"],
        vec!["advise", "x.json", "--target", "0"],
        vec!["advise", "x.json", "--alternatives", "0"],
        vec!["advise", "x.json", "--format", "csv"],
    ] {
        let output = ocop(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}
