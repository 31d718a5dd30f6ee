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
fn usage_errors_open_with_a_vietnamese_sentence_before_clap_s_explanation() {
    for (args, vietnamese, english) in [
        (
            &["score", "--bogus", "x"][..],
            "lỗi: không có tham số --bogus",
            "unexpected argument '--bogus'",
        ),
        (
            &["score"][..],
            "lỗi: thiếu tham số bắt buộc <FILE>",
            "required arguments were not provided",
        ),
        (
            &["score", "x", "--format", "yaml"][..],
            "lỗi: giá trị \"yaml\" không hợp lệ cho --format <FORMAT>; chỉ nhận: text, json, html",
            "invalid value 'yaml'",
        ),
        (
            &["frobnicate"][..],
            "lỗi: không có lệnh frobnicate",
            "unrecognized subcommand",
        ),
    ] {
        let output = ocop(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let text = stderr(&output);
        assert_eq!(text.lines().next(), Some(vietnamese), "{args:?}:\n{text}");
        assert!(text.contains(english), "{args:?}:\n{text}");
    }
    let english_only = stderr(&ocop(&["score", "x", "--lang", "en", "--bogus"]));
    assert!(
        english_only.starts_with("error: unexpected argument"),
        "{english_only}"
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

/// One rule for statuses and channels: text that is not UTF-8 is an invalid input (1), with
/// the byte offset and line of its first invalid byte, in every command.
#[test]
fn text_that_is_not_utf8_is_invalid_input_with_its_place() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("latin1.json");
    std::fs::write(
        &file,
        b"{\"rubric\": \"qd26-2026\",\n \"product\": {\"name\": \"T\xf4i\"}}",
    )
    .unwrap();
    let name = file.to_str().unwrap();
    for command in [
        vec!["score", name],
        vec!["council", name],
        vec!["advise", name],
        vec!["rescore", name, "--to", "qd148-2023"],
    ] {
        let mut args = command.clone();
        args.extend(["--format", "json"]);
        let output = ocop(&args);
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        let problem = &json(&output)["error"]["problems"][0];
        assert_eq!(problem["kind"], "not_utf8", "{command:?}");
        assert_eq!(problem["offset"], 47);
        assert_eq!(
            (problem["line"].as_u64(), problem["column"].as_u64()),
            (Some(2), Some(24))
        );
        let output = ocop(&command);
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        assert!(stdout(&output).is_empty());
        assert!(stderr(&output).contains(":2:24: "), "{}", stderr(&output));
    }
    let output = ocop(&["rank", name, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        json(&output)["failures"][0]["problems"][0]["kind"],
        "not_utf8"
    );
}

#[test]
fn an_empty_file_is_reported_at_column_1() {
    let output = ocop_stdin(&["score", "-", "--format", "json"], "");
    assert_eq!(output.status.code(), Some(1));
    let problem = &json(&output)["error"]["problems"][0];
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(1), Some(1))
    );
}

#[test]
fn a_closed_standard_output_is_an_error_not_a_silent_success() {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "\"{}\" score \"{}\" >&-",
            env!("CARGO_BIN_EXE_ocop"),
            example()
        ))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("không ghi được kết quả"),
        "{}",
        stderr(&output)
    );
    // Output sent to /dev/null on purpose (opened read-write, as Stdio::null() and Python's
    // subprocess.DEVNULL do) is not a closed output.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(["score", &example()])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn a_full_disk_is_a_write_error_said_in_vietnamese() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // Not Linux: there is no device that is always full.
    };
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(["score", &example()])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("không ghi được kết quả: ổ đĩa đã đầy"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn control_characters_from_the_input_are_escaped_in_text() {
    let mut sheet: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    sheet["product"]["name"] = "Tỏi \u{1b}[2J\u{0}đen".into();
    let output = ocop_stdin(&["score", "-"], &sheet.to_string());
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{0}'),
        "{text:?}"
    );
    assert!(text.contains("Tỏi \\u{1b}[2J\\u{0}đen"), "{text}");
    // The same in problems on standard error: an unknown code holding an escape.
    let output = ocop_stdin(
        &["score", "-"],
        r#"{"rubric": "qd26-2026", "product_set": 10, "answers": {"\u001b[31m": 1}}"#,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(!stderr(&output).contains('\u{1b}'), "{:?}", stderr(&output));
}

#[test]
fn a_rubric_named_on_the_command_line_that_does_not_exist_is_a_usage_error() {
    let output = ocop(&[
        "rescore",
        &example(),
        "--to",
        "qd99-2099",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(json(&output)["error"]["kind"], "usage");
    let output = ocop(&["sheet", "--rubric", "qd99-2099", "--set", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--rubric/--set: không có bộ tiêu chí \"qd99-2099\""),
        "{}",
        stderr(&output)
    );
    let output = ocop(&["sheet", "--rubric", "qd26-2026", "--set", "99"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("bộ tiêu chí qd26-2026 không có bộ sản phẩm số 99"),
        "{}",
        stderr(&output)
    );
    let output = ocop(&["rescore", &example(), "--to", "qd99-2099", "--lang", "en"]);
    assert!(
        stderr(&output).contains("--to: unknown rubric \"qd99-2099\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_document_lists_a_thousand_problems_and_counts_the_rest() {
    let answers: Vec<String> = (0..1500).map(|index| format!("\"x{index}\": 1")).collect();
    let sheet = format!(
        r#"{{"rubric": "qd26-2026", "product_set": 10, "answers": {{{}}}}}"#,
        answers.join(", ")
    );
    let output = ocop_stdin(&["score", "-", "--format", "json", "--partial"], &sheet);
    assert_eq!(output.status.code(), Some(1));
    let error = &json(&output)["error"];
    assert_eq!(error["problems"].as_array().unwrap().len(), 1000);
    assert_eq!(error["more_problems"], 500);
    let output = ocop_stdin(&["score", "-", "--partial"], &sheet);
    let text = stderr(&output);
    assert!(text.contains("1500 lỗi"), "{}", &text[..200]);
    assert!(text.contains("… và 500 lỗi khác không liệt kê"));
}

#[test]
fn rank_reports_failures_on_standard_error_in_text_and_csv() {
    let folder = tempfile::tempdir().unwrap();
    let round = folder.path().join("round.ndjson");
    let session =
        std::fs::read_to_string(root().join("fixtures/examples/council-toi-den-ly-son.json"))
            .unwrap();
    let session: serde_json::Value = serde_json::from_str(&session).unwrap();
    std::fs::write(&round, format!("{session}\n{{\"broken\": \n")).unwrap();
    for format in ["text", "csv"] {
        let output = ocop(&["rank", round.to_str().unwrap(), "--format", format]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(
            stderr(&output).contains("round.ndjson:2:"),
            "{format}: {}",
            stderr(&output)
        );
        assert!(!stdout(&output).is_empty());
    }
}

/// Subcommands are built only when invoked (`#[command(defer = true)]`, a start-up cost); a doc
/// comment on an arguments struct would then replace the subcommand's own description. Each
/// subcommand's help must open with the line `ocop --help` lists for it.
#[test]
fn every_subcommand_help_opens_with_its_listed_description() {
    let listing = stdout(&ocop(&["--help"]));
    let commands: Vec<(&str, &str)> = listing
        .lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.trim().split_once(char::is_whitespace))
        .map(|(name, about)| (name, about.trim()))
        // `serve` hands over to the `ocop-serve` binary, whose help is its own.
        .filter(|(name, _)| !matches!(*name, "help" | "serve"))
        .collect();
    assert!(commands.len() > 10, "{listing}");
    for (name, about) in commands {
        let help = stdout(&ocop(&[name, "-h"]));
        assert_eq!(help.lines().next(), Some(about), "ocop {name} -h:\n{help}");
    }
}
