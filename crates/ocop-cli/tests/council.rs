//! `ocop council`, `ocop rank` and `ocop cert`, run as a user would run them.

mod support;

use std::path::PathBuf;

use support::{ocop, ocop_stdin, root, stderr, stdout};

fn session_file() -> PathBuf {
    root().join("fixtures/examples/council-toi-den-ly-son.json")
}

fn session_with(product: &str, change: impl Fn(&mut serde_json::Value)) -> String {
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(session_file()).unwrap()).unwrap();
    session["product"]["name"] = product.into();
    change(&mut session);
    session.to_string()
}

#[test]
fn council_prints_the_councils_result() {
    let output = ocop(&["council", session_file().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    for expected in [
        "KẾT QUẢ HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP (cấp tỉnh)",
        "s1     Nguyễn Thị Lan           Thư ký       không tính",
        "Số thành viên đã chấm: 5/5 (cần ít nhất 4; Chủ tịch đã chấm) — đủ điều kiện",
        "Điểm trung bình: 73,8\n",
        "Hạng theo điểm trung bình: 4 sao",
        "✗ chỉ tiêu 5.1: hạng 4 sao cần ít nhất phương án 5 (5 điểm); đạt 3,8 điểm",
        "Kết quả: 3 sao ★★★☆☆ (giới hạn bởi tiêu chí bắt buộc, tối đa 3 sao)",
        "thành viên chấm điểm: Chủ tịch, Phó Chủ tịch, Thành viên [mặc định (qd26-2026, cấp tỉnh)]",
        "túc số: 3/4 số thành viên chấm điểm, có Chủ tịch",
        "Chủ thể tự đánh giá: 81 / 73,8 (Hội đồng)",
    ] {
        assert!(
            printed.contains(expected),
            "missing {expected:?} in:\n{printed}"
        );
    }
}

#[test]
fn council_text_in_english_keeps_the_decimal_point() {
    let output = ocop(&["council", session_file().to_str().unwrap(), "--lang", "en"]);
    let printed = stdout(&output);
    for expected in [
        "Mean total: 73.8\n",
        "Result: 3 stars ★★★☆☆ (capped by the star gates at 3 stars)",
        "[default (qd26-2026, province)]",
    ] {
        assert!(
            printed.contains(expected),
            "missing {expected:?} in:\n{printed}"
        );
    }
}

/// A mean that two places do not hold is shown to two places beside its exact fraction, never
/// with 28 digits.
#[test]
fn a_long_mean_is_shown_to_two_places_beside_its_fraction() {
    let session = session_with("Ba thành viên", |session| {
        let members = session["members"].as_array_mut().unwrap();
        members.truncate(3);
        members[2]["answers"]["1.1"] = 1.into();
    });
    let output = ocop_stdin(&["council", "-"], &session);
    let printed = stdout(&output);
    assert!(
        printed.contains("Điểm trung bình: 72,33 (217/3)\n"),
        "{printed}"
    );
}

#[test]
fn council_as_json_follows_the_contract() {
    let output = ocop(&[
        "council",
        session_file().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["rubric"], "qd26-2026");
    assert_eq!(result["product_set"], 10);
    assert_eq!(result["status"], "ranked");
    assert_eq!(result["mean_total"], "73.8");
    assert_eq!(
        (result["band_stars"].as_u64(), result["stars"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(result["unmet_gates"][0]["criterion"], "5.1");
    let secretary = &result["members"][5];
    assert_eq!(
        (
            secretary["id"].as_str(),
            secretary["role"].as_str(),
            secretary["counted"].as_bool()
        ),
        (Some("s1"), Some("secretary"), Some(false))
    );
    assert_eq!(result["members"][0]["total"], "73");
    assert_eq!(result["rules"]["quorum"]["value"]["fraction"], "0.75");
    assert!(
        result["analytics"]["leniency"]
            .as_array()
            .is_some_and(|rows| rows.len() == 5)
    );
}

#[test]
fn council_as_csv_is_the_summary_sheet() {
    let output = ocop(&[
        "council",
        session_file().to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let csv = stdout(&output);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("criterion,name,max,m1,m2,m3,m4,m5,s1,mean")
    );
    assert_eq!(lines.next(), Some("1.1,Nguồn nguyên liệu,3,3,3,3,3,3,1,3"));
    assert_eq!(csv.lines().last(), Some("total,,,73,74,72,79,71,71,73.8"));
}

#[test]
fn council_rules_file_applies_between_defaults_and_session() {
    let folder = tempfile::tempdir().unwrap();
    let rules = folder.path().join("quy-che.json");
    std::fs::write(&rules, r#"{"max_spread": "5"}"#).unwrap();
    let output = ocop(&[
        "council",
        session_file().to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // Totals 79 and 71 differ by 8.
    assert_eq!(result["status"], "needs_rescoring");
    assert!(
        result["rules"]["max_spread"]["source"]
            .as_str()
            .unwrap()
            .starts_with("rules file (")
    );

    std::fs::write(&rules, r#"{"max_spread": 5}"#).unwrap();
    let output = ocop(&[
        "council",
        session_file().to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("quy-che.json:1:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_invalid_session_exits_1_with_every_problem() {
    let broken = session_with("X", |session| {
        session["members"][0]["answers"]["1.1"] = 9.into();
        session["members"][1]["role"] = "president".into();
    });
    let output = ocop_stdin(&["council", "-", "--lang", "en"], &broken);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.contains("\"president\" is not one of chair"),
        "{errors}"
    );
}

#[test]
fn rank_orders_sessions_and_reports_failures_by_line() {
    let strong = session_with("Tiêu Phú Quốc", |session| {
        for member in session["members"].as_array_mut().unwrap() {
            member["answers"]["5.1"] = 5.into();
        }
    });
    let weak = session_with("Muối tôm", |session| {
        for member in session["members"].as_array_mut().unwrap() {
            member["answers"]["2.1"] = 1.into();
        }
    });
    let input = format!("{weak}\n\n{strong}\n{{\"product_set\": \n");
    let output = ocop_stdin(&["rank", "-", "--format", "json"], &input);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a failed session makes the exit status 1"
    );
    let ranking: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: Vec<&str> = ranking["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["product"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Tiêu Phú Quốc", "Muối tôm"]);
    assert_eq!(ranking["rows"][0]["source"], "<stdin>:3");
    assert_eq!(ranking["rows"][0]["stars"], 4);
    assert_eq!(ranking["failures"][0]["source"], "<stdin>");
    assert_eq!(ranking["failures"][0]["problems"][0]["line"], 4);
    assert_eq!(ranking["distribution"]["failed"], 1);
    assert_eq!(ranking["distribution"]["by_status"]["ranked"], 2);

    let english = ocop_stdin(&["rank", "-", "--format", "json", "--lang", "en"], &input);
    let english: serde_json::Value = serde_json::from_slice(&english.stdout).unwrap();
    let message = |ranking: &serde_json::Value| {
        ranking["failures"][0]["problems"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_ne!(
        message(&ranking),
        message(&english),
        "--lang en localizes failures"
    );
    assert_eq!(
        english["failures"][0]["problems"][0]["kind"],
        ranking["failures"][0]["problems"][0]["kind"]
    );
}

#[test]
fn five_stars_at_province_level_are_a_potential_the_central_council_decides() {
    // Every member ticks the last option of each criterion of set 10: the best one.
    let set = ocop_core::rubric::Catalog::bundled()
        .product_set("qd26-2026", 10)
        .unwrap()
        .set;
    let best: serde_json::Map<String, serde_json::Value> = set
        .leaves()
        .map(|leaf| {
            let answer = match leaf.criterion.options().len() {
                0 => serde_json::Value::Bool(true),
                options => options.into(),
            };
            (leaf.criterion.code.clone(), answer)
        })
        .collect();
    let session = session_with("Tỏi đen Lý Sơn", |session| {
        for member in session["members"].as_array_mut().unwrap() {
            member["answers"] = best.clone().into();
        }
    });
    let output = ocop_stdin(&["council", "-"], &session);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("\nKết quả: tiềm năng 5 sao ★★★★★\n"),
        "{printed}"
    );
    assert!(
        printed.contains("Công nhận: Đủ điều kiện tiềm năng 5 sao: UBND tỉnh phê duyệt kết quả"),
        "{printed}"
    );
    let english = stdout(&ocop_stdin(&["council", "-", "--lang", "en"], &session));
    assert!(english.contains("\nResult: potential 5 stars"), "{english}");
}

#[test]
fn long_decimals_of_the_analysis_are_shown_beside_their_fraction() {
    let case: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("fixtures/cases/qd26-2026/council/mean-rounded-by-the-councils-rules.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let session = case["session"].to_string();
    let printed = stdout(&ocop_stdin(&["council", "-"], &session));
    for expected in [
        "Điểm trung bình: 69,67 (209/3)",
        "độ lệch tuyệt đối trung bình của tổng điểm: 0,44 (4/9)",
        "Chỉ tiêu 4.2: điểm 0–1, trung bình 0,67 (2/3);",
        "Mức chấm so với các thành viên khác m2: +0,5 (tổng 70)",
    ] {
        assert!(printed.contains(expected), "{expected}\n{printed}");
    }
}

#[test]
fn a_round_where_every_session_fails_tallies_nothing_as_a_dash() {
    let output = ocop_stdin(&["rank", "-"], "{\"product_set\": \n");
    assert_eq!(output.status.code(), Some(1));
    let table = stdout(&output);
    assert!(
        table.contains("Theo hạng sao (sản phẩm xếp hạng): —\nTheo trạng thái: —\n"),
        "{table}"
    );
    assert!(table.contains("Không chấm được (xem lỗi): 1"), "{table}");
    assert!(
        stderr(&output).contains("<stdin>:1:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn rank_reads_folders_and_prints_a_table() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(session_file(), folder.path().join("a.json")).unwrap();
    std::fs::write(
        folder.path().join("b.ndjson"),
        format!("{}\n", session_with("Nước mắm", |_| {})),
    )
    .unwrap();
    std::fs::write(folder.path().join("notes.txt"), "ignored").unwrap();
    let output = ocop(&["rank", folder.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    assert!(
        table.contains("XẾP HẠNG ĐỢT ĐÁNH GIÁ SẢN PHẨM OCOP — 2 phiên"),
        "{table}"
    );
    // Equal results share a rank; the tie-break (same product code, then the name) orders them.
    assert!(table.contains("    1  Nước mắm"), "{table}");
    assert!(table.contains("   =1  Tỏi đen Lý Sơn"), "{table}");
    let csv = stdout(&ocop(&[
        "rank",
        folder.path().to_str().unwrap(),
        "--format",
        "csv",
    ]));
    assert!(csv.starts_with("rank,tied_rank,product,"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn cert_gives_expiry_window_and_state() {
    let output = ocop(&[
        "cert",
        "--decided",
        "2026-06-15",
        "--on",
        "2028-12-20",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let certificate: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(certificate["rubric"], "qd26-2026");
    assert_eq!(certificate["expires_on"], "2029-06-15");
    assert_eq!(certificate["re_rating_window"]["opens"], "2028-12-17");
    assert_eq!(certificate["re_rating_window"]["closes"], "2029-02-15");
    assert_eq!(certificate["state"], "re_rating_window_open");
    let printed = stdout(&ocop(&[
        "cert",
        "--decided",
        "2026-06-15",
        "--on",
        "2029-06-16",
    ]));
    assert!(printed.contains("đã hết hạn 1 ngày"), "{printed}");
    assert_eq!(
        ocop(&["cert", "--decided", "2026-02-30"]).status.code(),
        Some(2)
    );
    // No rubric was in force in 2010: an invalid input, not a usage error.
    assert_eq!(
        ocop(&["cert", "--decided", "2010-01-01"]).status.code(),
        Some(1)
    );
}

#[test]
fn advise_on_a_council_session_uses_the_members_mean() {
    let output = ocop(&[
        "advise",
        session_file().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let advice: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // The mean is 73.8 (369/5) and 5.1's mean, 3.8, is under its 4★ mark (5 points): every
    // member ticking option 5 adds 1.2 to the mean.
    assert_eq!(advice["current_stars"], 3);
    assert_eq!(advice["target_stars"], 4);
    assert_eq!(advice["reachable"], true);
    let step = &advice["plans"][0]["steps"][0];
    assert_eq!(step["criterion"], "5.1");
    assert_eq!(step["to_option"], 5);
    assert_eq!(step["points_gained"], "1.2");
    assert_eq!(advice["plans"][0]["new_total"], "75");
}
