//! The `ocop` binary, run as a user would run it.

mod support;

use support::{example, json, ocop, ocop_stdin, root, stderr, stdout};

#[test]
fn score_prints_a_vietnamese_breakdown() {
    let output = ocop(&["score", &example()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for expected in [
        "Bộ sản phẩm 10: Gia vị khác (muối, hành, tỏi, tiêu,...)",
        "Sản phẩm: Tỏi đen Lý Sơn (QNG-2026-017)",
        "Phần A. SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG (40 Điểm)  [33/40]",
        "☑ 3. Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75% đến 100% (3)",
        "Tổng điểm: 73/100",
        "Hạng theo tổng điểm: 4 sao",
        "✗ chỉ tiêu 5.1: hạng 4 sao cần ít nhất phương án 5 (5 điểm); đã chọn phương án 4 (3 điểm)",
        "Kết quả: 3 sao ★★★☆☆",
        "Công nhận, cấp giấy chứng nhận: có (cấp tỉnh)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn score_in_english() {
    let output = ocop(&["score", &example(), "--lang", "en"]);
    let text = stdout(&output);
    assert!(text.contains("Total: 73/100"), "{text}");
    assert!(text.contains("Result: 3 stars"), "{text}");
}

#[test]
fn score_as_json() {
    let output = ocop(&["score", &example(), "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let result = json(&output);
    assert_eq!(result["rubric"], "qd26-2026");
    assert_eq!(result["product_set"], 10);
    assert_eq!(result["status"], "ranked");
    assert_eq!(result["total"], "73");
    assert_eq!(
        result["parts"],
        serde_json::json!({"A": "33", "B": "16", "C": "24"})
    );
    assert_eq!(
        (result["band_stars"].as_u64(), result["stars"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(result["certifiable"], true);
    assert_eq!(result["unmet_gates"][0]["criterion"], "5.1");
    assert_eq!(result["criteria"].as_array().unwrap().len(), 32);
}

#[test]
fn score_reads_standard_input() {
    let text = std::fs::read_to_string(example()).unwrap();
    let output = ocop_stdin(&["score", "-", "--format", "json"], &text);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json(&output)["total"], "73");
}

#[test]
fn partial_scores_an_unfinished_sheet() {
    let sheet = r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"1.1": 3}}"#;
    let output = ocop_stdin(&["score", "-", "--partial", "--format", "json"], sheet);
    assert_eq!(output.status.code(), Some(0));
    let result = json(&output);
    assert_eq!(result["status"], "incomplete");
    assert_eq!(result["total"], "3");
    assert_eq!(result["max_reachable"], "100");
    assert_eq!(
        result["stars_range"],
        serde_json::json!({"min": 1, "max": 5})
    );
    let text = stdout(&ocop_stdin(&["score", "-", "--partial"], sheet));
    assert!(text.contains("còn có thể đạt 1–5 sao"), "{text}");
}

#[test]
fn an_invalid_sheet_exits_1_and_lists_every_problem() {
    let sheet =
        "{\"rubric\": \"qd26-2026\", \"product_set\": 10,\n \"answers\": {\"1.1\": 9, \"99\": 1}}";
    let output = ocop_stdin(&["score", "-", "--partial"], sheet);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    let text = stderr(&output);
    assert!(text.contains("<stdin>: 2 lỗi, không chấm điểm"), "{text}");
    assert!(
        text.contains("<stdin>:2:21: chỉ tiêu 1.1 không có phương án 9 (có 3 phương án)"),
        "{text}"
    );
    assert!(
        text.contains("<stdin>:2:30: bộ sản phẩm không có chỉ tiêu \"99\""),
        "{text}"
    );
}

#[test]
fn an_invalid_sheet_as_json() {
    let output = ocop_stdin(
        &["score", "-", "--format", "json", "--lang", "en"],
        "{\"rubric\": ",
    );
    assert_eq!(output.status.code(), Some(1));
    let error = json(&output);
    assert_eq!(error["error"]["kind"], "invalid_input");
    assert_eq!(error["error"]["file"], "<stdin>");
    let problem = &error["error"]["problems"][0];
    assert_eq!(problem["kind"], "syntax");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(1), Some(11))
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .starts_with("not valid JSON")
    );
}

#[test]
fn a_missing_file_exits_2() {
    let output = ocop(&["score", "no-such-sheet.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output)
            .contains("không đọc được no-such-sheet.json: không có tệp hoặc thư mục này"),
        "{}",
        stderr(&output)
    );
    // Under --format json, the failure is a document on standard output.
    let output = ocop(&[
        "score",
        "no-such-sheet.json",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let error = json(&output);
    assert_eq!(error["error"]["kind"], "io");
    assert_eq!(error["error"]["file"], "no-such-sheet.json");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read no-such-sheet.json"),
        "{error}"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(ocop(&["score"]).status.code(), Some(2));
    assert_eq!(
        ocop(&["score", "x.json", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(ocop(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn rubrics_lists_every_product_set() {
    let output = ocop(&["rubrics"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("qd26-2026 — Quyết định 26/2026/QĐ-TTg"),
        "{text}"
    );
    assert!(
        text.contains("10. Gia vị khác (muối, hành, tỏi, tiêu)"),
        "{text}"
    );
    let listing = json(&ocop(&["rubrics", "--format", "json"]));
    assert_eq!(listing[0]["product_sets"].as_array().unwrap().len(), 26);
}

#[test]
fn sheet_prints_the_blank_form() {
    let output = ocop(&["sheet", "--rubric", "qd26-2026", "--set", "10"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("1.1 Nguồn nguyên liệu — 3 điểm"), "{text}");
    assert!(
        text.contains(
            "□ 1. Có sử dụng nguyên liệu có nguồn gốc trong tỉnh, nhưng có tỷ lệ dưới 50% *** — 1"
        ),
        "{text}"
    );
    assert!(text.contains("□ Có (1)   □ Không (0)"), "{text}");
    let markdown = stdout(&ocop(&[
        "sheet",
        "--rubric",
        "qd26-2026",
        "--set",
        "26",
        "--format",
        "markdown",
    ]));
    assert!(markdown.contains("## Phần A: "), "{markdown}");
    assert!(
        markdown.contains("a. Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp"),
        "{markdown}"
    );
    assert_eq!(
        ocop(&["sheet", "--rubric", "qd26-2026", "--set", "27"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn rubrics_from_an_invalid_folder_cannot_score() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(folder.path().join("sets")).unwrap();
    let instrument = std::fs::read_to_string(root().join("rubrics/qd26-2026/rubric.json")).unwrap();
    std::fs::write(folder.path().join("rubric.json"), instrument).unwrap();
    std::fs::write(folder.path().join("sets/10.json"), "{}").unwrap();
    let output = ocop(&[
        "score",
        &example(),
        "--rubrics",
        folder.path().to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("dữ liệu bộ tiêu chí không hợp lệ"),
        "{}",
        stderr(&output)
    );
}
