//! Council workbooks through the `ocop` command: made, read by every command that reads a
//! session or a sheet, and results written as workbooks with real numbers.

mod support;

use calamine::{Data, Reader, Xlsx, open_workbook};
use support::{json, ocop, ocop_stdin_bytes, root, stderr, stdout};

fn session() -> String {
    root()
        .join("fixtures/examples/council-toi-den-ly-son.json")
        .display()
        .to_string()
}

#[test]
fn a_workbook_made_from_a_session_scores_as_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("hội đồng.xlsx");
    let workbook = workbook.to_str().unwrap();
    let made = ocop(&["workbook", &session(), "-o", workbook]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));

    let from_json = json(&ocop(&["council", &session(), "--format", "json"]));
    let from_workbook = ocop(&["council", workbook, "--format", "json"]);
    assert_eq!(
        from_workbook.status.code(),
        Some(0),
        "{}",
        stderr(&from_workbook)
    );
    assert_eq!(json(&from_workbook), from_json);

    // By content as well as by name.
    let renamed = dir.path().join("phiên");
    std::fs::copy(workbook, &renamed).unwrap();
    let by_content = ocop(&["council", renamed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(json(&by_content), from_json);

    let advice = ocop(&["advise", workbook, "--format", "json"]);
    assert_eq!(advice.status.code(), Some(0), "{}", stderr(&advice));
    assert_eq!(
        json(&advice),
        json(&ocop(&["advise", &session(), "--format", "json"]))
    );

    let sheet = ocop(&["score", workbook, "--member", "m2", "--format", "json"]);
    assert_eq!(sheet.status.code(), Some(0), "{}", stderr(&sheet));
    assert_eq!(json(&sheet)["evaluator"], "Lê Thị Cúc");

    // Several members score: which one must be said, and one that has no tab is named.
    let unsaid = ocop(&["score", workbook]);
    assert_eq!(unsaid.status.code(), Some(2));
    assert!(
        stderr(&unsaid).contains("hãy chọn một thành viên bằng --member (một trong: m1 ("),
        "{}",
        stderr(&unsaid)
    );
    let unknown = ocop(&["score", workbook, "--member", "zz"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("không có thành viên chấm điểm \"zz\" trong sổ tính"),
        "{}",
        stderr(&unknown)
    );

    // Piped on standard input, a workbook is known by its content.
    let bytes = std::fs::read(workbook).unwrap();
    let piped = ocop_stdin_bytes(&["council", "-", "--format", "json"], &bytes);
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    assert_eq!(json(&piped), from_json);
    let piped = ocop_stdin_bytes(
        &["score", "-", "--member", "m2", "--format", "json"],
        &bytes,
    );
    assert_eq!(json(&piped)["evaluator"], "Lê Thị Cúc");

    let ranked = ocop(&["rank", workbook, &session(), "--format", "json"]);
    assert_eq!(ranked.status.code(), Some(0), "{}", stderr(&ranked));
    let rows = json(&ranked)["rows"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["mean_total"], rows[1]["mean_total"]);
}

#[test]
fn a_blank_workbook_has_a_tab_per_member_with_the_labelled_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.xlsx");
    let made = ocop(&[
        "workbook",
        "--rubric",
        "qd26-2026",
        "--set",
        "10",
        "--members",
        "9",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let names = workbook.sheet_names();
    for n in 1..=9 {
        assert!(names.contains(&format!("Thành viên {n}")), "{names:?}");
    }
    assert!(names.contains(&"Tự đánh giá".to_owned()));
    let tab = workbook.worksheet_range("Thành viên 3").unwrap();
    let right_of = |label: &str| {
        let (row, column, _) = tab
            .used_cells()
            .find(|(_, _, data)| **data == Data::String(label.to_owned()))
            .unwrap();
        tab.get((row, column + 1)).cloned().unwrap_or(Data::Empty)
    };
    assert_eq!(right_of("Mã thành viên"), Data::String("m3".to_owned()));
    assert_eq!(right_of("Vai trò"), Data::String("Thành viên".to_owned()));
    let header: Vec<String> = tab
        .rows()
        .find(|row| row.first() == Some(&Data::String("Mã".to_owned())))
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    for column in ["Mã", "Tiêu chí", "Điểm tối đa", "Chọn", "Loại"] {
        assert!(header.contains(&column.to_owned()), "{header:?}");
    }

    // Unfilled, it is no council yet: the cover's level is asked for in its cell.
    let council = ocop(&["council", path.to_str().unwrap()]);
    assert_eq!(council.status.code(), Some(1));
    assert!(
        stderr(&council).contains("'Thông tin chung'!B8"),
        "{}",
        stderr(&council)
    );
}

#[test]
fn results_are_written_as_workbooks_with_real_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let council = dir.path().join("kết quả.xlsx");
    let output = ocop(&[
        "council",
        &session(),
        "--format",
        "xlsx",
        "-o",
        council.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut workbook: Xlsx<_> = open_workbook(&council).unwrap();
    let verdict = workbook.worksheet_range("Kết quả").unwrap();
    let mean = verdict
        .rows()
        .find(|row| row.first() == Some(&Data::String("Điểm trung bình".to_owned())))
        .unwrap();
    assert_eq!(mean.get(1), Some(&Data::Float(73.8)));
    let summary = workbook.worksheet_range("Bảng tổng hợp").unwrap();
    assert_eq!(summary.get((0, 0)), Some(&Data::String("Mã".to_owned())));
    assert_eq!(summary.get((1, 3)), Some(&Data::Float(3.0)));

    let ranking = dir.path().join("xếp hạng.xlsx");
    let output = ocop(&[
        "rank",
        &session(),
        "--format",
        "xlsx",
        "-o",
        ranking.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut workbook: Xlsx<_> = open_workbook(&ranking).unwrap();
    let rows = workbook.worksheet_range("Xếp hạng").unwrap();
    assert_eq!(
        rows.get((0, 7)),
        Some(&Data::String("Điểm trung bình".to_owned()))
    );
    assert_eq!(rows.get((1, 7)), Some(&Data::Float(73.8)));

    let no_file = ocop(&["council", &session(), "--format", "xlsx"]);
    assert_eq!(no_file.status.code(), Some(2));
    assert!(stdout(&no_file).is_empty());
    assert!(
        stderr(&no_file).contains("hãy cho tên tệp bằng -o TỆP"),
        "{}",
        stderr(&no_file)
    );
    let dir = tempfile::tempdir().unwrap();
    let misnamed = dir.path().join("result.json");
    for args in [
        vec!["workbook", &session(), "-o", misnamed.to_str().unwrap()],
        vec![
            "council",
            &session(),
            "--format",
            "xlsx",
            "-o",
            misnamed.to_str().unwrap(),
        ],
    ] {
        let refused = ocop(&args);
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            stderr(&refused).contains("tệp Excel phải có đuôi .xlsx"),
            "{}",
            stderr(&refused)
        );
        assert!(!misnamed.exists());
    }
    let no_file = ocop(&["rank", &session(), "--format", "xlsx", "--lang", "en"]);
    assert_eq!(no_file.status.code(), Some(2));
    assert!(
        stderr(&no_file).contains("give the file with -o FILE"),
        "{}",
        stderr(&no_file)
    );
}
