//! `ocop lint`, `diff`, `fixtures check`, `rescore` and `schema`, run as officials would.

mod support;

use support::{ocop_in, root, stderr, stdout};

#[test]
fn lint_of_the_bundled_rubrics_passes_and_lists_errata() {
    let output = ocop_in(&root(), &["lint"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("qd26-2026 (bản 1): 26 bộ sản phẩm, 0 lỗi, 0 cảnh báo"),
        "{printed}"
    );
    assert!(
        printed.contains("bộ 4, chỉ tiêu 7, phương án 3: văn bản in \"13\" → mã hóa \"3\""),
        "{printed}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&ocop_in(&root(), &["lint", "--format", "json"]).stdout).unwrap();
    let errata = json[0]["report"]["errata"].as_array().unwrap();
    assert!(
        errata
            .iter()
            .any(|erratum| erratum["rubric"] == "qd26-2026" && erratum["criterion"] == "6.1.1")
    );
}

#[test]
fn lint_of_an_invalid_rubric_exits_1_with_file_and_position() {
    let output = ocop_in(
        &root(),
        &[
            "lint",
            "fixtures/invalid-rubrics/option-above-max",
            "--lang",
            "en",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    assert!(printed.contains("sets/01.json:"), "{printed}");
    assert!(
        printed.contains("option 3 scores 41, above the maximum 40"),
        "{printed}"
    );
    assert!(
        printed.contains("tiny-2026 (revision 1): 1 product sets, 1 errors"),
        "{printed}"
    );
}

#[test]
fn diff_matches_renumbered_criteria_by_wording() {
    let output = ocop_in(
        &root(),
        &[
            "diff",
            "qd148-2023",
            "qd26-2026",
            "--set",
            "10",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(diff["old"]["id"], "qd148-2023");
    assert_eq!(diff["new"]["id"], "qd26-2026");
    let set = &diff["sets"][0];
    assert_eq!(set["number"], 10);
    let changed = set["changed"].as_array().unwrap();
    let renumbered = changed
        .iter()
        .find(|change| change["new_code"] == "1.3")
        .unwrap();
    assert_eq!(renumbered["old_code"], "1.2");
    assert_eq!(renumbered["matched_by"], "wording");
    assert!(
        set["added"]
            .as_array()
            .unwrap()
            .iter()
            .any(|criterion| criterion["code"] == "2.4")
    );
    let printed = stdout(&ocop_in(
        &root(),
        &["diff", "qd148-2023", "qd26-2026", "--set", "10"],
    ));
    assert!(
        printed.contains("~ 1.2 → 1.3 (khớp theo nội dung)"),
        "{printed}"
    );
}

#[test]
fn diff_between_a_rubric_and_a_folder_on_disk() {
    let folder = tempfile::tempdir().unwrap();
    let copy = folder.path().join("qd26-2026");
    std::fs::create_dir_all(copy.join("sets")).unwrap();
    let source = root().join("rubrics/qd26-2026");
    std::fs::copy(source.join("rubric.json"), copy.join("rubric.json")).unwrap();
    for entry in std::fs::read_dir(source.join("sets")).unwrap() {
        let path = entry.unwrap().path();
        let mut set: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if path.ends_with("10.json") {
            // A corrected revision would change a points cell: here 1.7's first option.
            set["parts"][0]["groups"][0]["criteria"][6]["options"][0]["points"] = "0.5".into();
        }
        std::fs::write(
            copy.join("sets").join(path.file_name().unwrap()),
            set.to_string(),
        )
        .unwrap();
    }
    let output = ocop_in(
        &root(),
        &[
            "diff",
            "qd26-2026",
            copy.to_str().unwrap(),
            "--set",
            "10",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let diff: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let changed = diff["sets"][0]["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["new_code"], "1.7");
    assert_eq!(
        changed[0]["options"][0]["points"],
        serde_json::json!({"old": "0", "new": "0.5"})
    );
}

#[test]
fn fixtures_check_passes_and_catches_a_wrong_expectation() {
    let output = ocop_in(&root(), &["fixtures", "check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let printed = stdout(&output);
    assert!(
        printed.contains("đã kiểm tra ") && printed.contains(" ca, 0 ca không đạt"),
        "{printed}"
    );
    let english = ocop_in(&root(), &["fixtures", "check", "--lang", "en"]);
    assert!(stdout(&english).contains(" fixtures checked, 0 failed"));

    let folder = tempfile::tempdir().unwrap();
    let case = root().join("fixtures/cases/qd26-2026/set10-total-70-four-stars.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(case).unwrap()).unwrap();
    value["expect"]["total"] = "71".into();
    let wrong = folder.path().join("wrong.json");
    std::fs::write(&wrong, value.to_string()).unwrap();
    let output = ocop_in(
        &root(),
        &["fixtures", "check", folder.path().to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("/total: cần \"71\", nhận được \"70\""),
        "{}",
        stdout(&output)
    );

    let output = ocop_in(
        &root(),
        &[
            "fixtures",
            "check",
            folder.path().to_str().unwrap(),
            "--update",
            "--lang",
            "en",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.contains("UPDATED") && text.contains("/total: was \"71\", now \"70\""),
        "{text}"
    );
    assert!(text.contains(", 1 updated,"), "{text}");
    let updated: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&wrong).unwrap()).unwrap();
    assert_eq!(updated["expect"]["total"], "70");
    // Nothing left to change: nothing is said to be updated.
    let output = ocop_in(
        &root(),
        &[
            "fixtures",
            "check",
            folder.path().to_str().unwrap(),
            "--update",
        ],
    );
    assert!(
        stdout(&output).contains(", cập nhật 0,"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        ocop_in(
            &root(),
            &["fixtures", "check", folder.path().to_str().unwrap()]
        )
        .status
        .code(),
        Some(0)
    );
}

#[test]
fn update_never_rewrites_an_expectation_from_a_missing_rubric() {
    let folder = tempfile::tempdir().unwrap();
    let case = root().join("fixtures/cases/qd1048-2019");
    let first = std::fs::read_dir(&case)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .min()
        .unwrap();
    let copy = folder.path().join("old-rubric.json");
    std::fs::copy(&first, &copy).unwrap();
    let before = std::fs::read_to_string(&copy).unwrap();
    let only_26 = root().join("rubrics/qd26-2026");
    let output = ocop_in(
        &root(),
        &[
            "fixtures",
            "check",
            folder.path().to_str().unwrap(),
            "--update",
            "--rubrics",
            only_26.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("not updated"), "{text}");
    assert!(text.contains(", 0 updated,"), "{text}");
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), before);
}

#[test]
fn rescore_carries_an_old_sheet_and_flags_what_to_confirm() {
    let folder = tempfile::tempdir().unwrap();
    let sheet = folder.path().join("old.json");
    let answers = serde_json::json!({
        "1.1": 3, "1.2": 3, "1.3": 3, "1.4": 4, "1.5": 3, "1.6": 2,
        "2.1": 4, "2.2": 4, "2.3": 3,
        "3.1": 3, "3.2": 2, "3.3": 2, "3.4": 2, "3.5": 2, "3.6": 2
    });
    std::fs::write(
        &sheet,
        serde_json::json!({"rubric": "qd148-2023", "product_set": 10, "answers": answers})
            .to_string(),
    )
    .unwrap();
    let output = ocop_in(
        &root(),
        &[
            "rescore",
            sheet.to_str().unwrap(),
            "--to",
            "qd26-2026",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["old"]["rubric"], "qd148-2023");
    assert_eq!(result["new"]["rubric"], "qd26-2026");
    let carried = result["answers"].as_array().unwrap();
    let value_added = carried
        .iter()
        .find(|answer| answer["criterion"] == "1.3")
        .unwrap();
    assert_eq!(value_added["old_criterion"], "1.2");
    assert_eq!(value_added["matched_by"], "wording");
    assert_eq!(value_added["carried"], "confirm");
    let new_criterion = carried
        .iter()
        .find(|answer| answer["criterion"] == "2.4")
        .unwrap();
    assert_eq!(new_criterion["carried"], "not_carried");
    assert_eq!(result["sheet"]["rubric"], "qd26-2026");
    assert!(result["to_confirm"].as_u64().unwrap() > 0);
    let printed = stdout(&ocop_in(
        &root(),
        &["rescore", sheet.to_str().unwrap(), "--to", "qd26-2026"],
    ));
    assert!(printed.contains("[cần chấm] 2.4"), "{printed}");
}

#[test]
fn schema_prints_the_committed_schemas() {
    for (name, file) in [
        ("rubric", "rubric-instrument.schema.json"),
        ("sheet", "sheet.schema.json"),
        ("result", "result.schema.json"),
    ] {
        let output = ocop_in(&root(), &["schema", name]);
        assert_eq!(output.status.code(), Some(0));
        let committed = std::fs::read_to_string(root().join("schemas").join(file)).unwrap();
        assert_eq!(stdout(&output), committed, "{name}");
    }
    assert_eq!(
        ocop_in(&root(), &["schema", "nonsense"]).status.code(),
        Some(2)
    );
}
