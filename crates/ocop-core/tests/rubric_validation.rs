//! Every kind of rubric defect is caught on load, with its place, and blocks scoring.

mod support;

use ocop_core::rubric::{Catalog, RubricError, RubricProblem, Severity};
use serde_json::{Value, json};
use support::{instrument, set, set_at, write, write_text};

/// Loads a rubric folder and returns every problem of every file.
fn problems_of(instrument: &Value, set: &Value) -> Vec<RubricProblem> {
    let folder = write(instrument, set);
    match Catalog::from_path(folder.path()) {
        Ok(catalog) => catalog.check_all(),
        Err(error) => panic!("the folder should load: {error}"),
    }
}

fn kinds(problems: &[RubricProblem]) -> Vec<&'static str> {
    problems.iter().map(RubricProblem::kind_name).collect()
}

/// Asserts that exactly the listed kinds were found, as errors.
fn assert_errors(problems: &[RubricProblem], expected: &[&str]) {
    assert_eq!(kinds(problems), expected, "{problems:#?}");
    assert!(
        problems
            .iter()
            .all(|problem| problem.severity == Severity::Error)
    );
}

#[test]
fn the_tiny_rubric_is_valid() {
    assert_errors(&problems_of(&instrument(), &set()), &[]);
}

#[test]
fn an_invalid_set_never_scores() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/2/points",
        json!("41"),
    );
    let folder = write(&instrument(), &bad);
    let catalog = Catalog::from_path(folder.path()).unwrap();
    let error = catalog.product_set("tiny-2026", 1).unwrap_err();
    let RubricError::Invalid { problems } = error else {
        panic!("expected invalid data, got {error}");
    };
    assert_eq!(kinds(&problems), ["option_above_max"]);
}

#[test]
fn problems_carry_file_line_column_and_criterion() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/2/points",
        json!("41"),
    );
    let folder = tempfile::tempdir().unwrap();
    let set_text = serde_json::to_string_pretty(&bad).unwrap();
    write_text(
        folder.path(),
        &serde_json::to_string_pretty(&instrument()).unwrap(),
        &set_text,
    );
    // Where the bad value stands, found by reading the text.
    let (line_index, line) = set_text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains("\"41\""))
        .unwrap();
    let expected = (line_index + 1, line.find("\"41\"").unwrap() + 1);
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    let [problem] = problems.as_slice() else {
        panic!("one problem expected: {problems:#?}");
    };
    assert!(problem.file.ends_with("sets/01.json"), "{}", problem.file);
    assert_eq!(problem.code.as_deref(), Some("1.1"));
    assert_eq!(problem.set, Some(1));
    assert_eq!(
        problem.path.to_string(),
        "/parts/0/groups/0/criteria/0/options/2/points"
    );
    let position = problem.position.unwrap();
    assert_eq!((position.line, position.column), expected);
    assert!(
        problem
            .to_string()
            .contains("option 3 scores 41, above the maximum 40"),
        "{problem}"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/2/points",
        json!("41"),
    );
    set_at(&mut bad, "/parts/2/groups/0/criteria/1/code", json!("3.1"));
    set_at(
        &mut bad,
        "/parts/1/groups/0/criteria/0/options/0",
        json!({"text": "Có mục a", "points": "10", "star": 7}),
    );
    assert_errors(
        &problems_of(&instrument(), &bad),
        &["option_above_max", "invalid_star_mark", "duplicate_code"],
    );
}

#[test]
fn unreadable_set_file() {
    let folder = write(&instrument(), &set());
    std::fs::remove_file(folder.path().join("sets/01.json")).unwrap();
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["unreadable"]);
}

#[test]
fn malformed_json_with_its_position() {
    let folder = tempfile::tempdir().unwrap();
    write_text(
        folder.path(),
        &instrument().to_string(),
        "{\n  \"format\": 1,\n  \"rubric\": }",
    );
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["malformed"]);
    let position = problems[0].position.unwrap();
    assert_eq!((position.line, position.column), (3, 13));
}

#[test]
fn a_number_where_a_decimal_string_belongs_is_malformed() {
    let mut bad = set();
    set_at(&mut bad, "/parts/0/max", json!(40));
    assert_errors(&problems_of(&instrument(), &bad), &["malformed"]);
}

#[test]
fn unsupported_format() {
    let mut bad = set();
    set_at(&mut bad, "/format", json!(2));
    assert_errors(&problems_of(&instrument(), &bad), &["unsupported_format"]);
}

#[test]
fn wrong_rubric() {
    let mut bad = set();
    set_at(&mut bad, "/rubric", json!("other-2026"));
    assert_errors(&problems_of(&instrument(), &bad), &["wrong_rubric"]);
}

#[test]
fn set_listing() {
    let mut bad = set();
    set_at(&mut bad, "/number", json!(2));
    assert_errors(
        &problems_of(&instrument(), &bad),
        &["set_listing", "set_listing"],
    );
}

#[test]
fn invalid_date() {
    let mut bad = instrument();
    set_at(&mut bad, "/effective_from", json!("22/5/2026"));
    let folder = write(&bad, &set());
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["invalid_date"]);
}

#[test]
fn parts_differ_from_the_instrument() {
    let mut bad = set();
    set_at(&mut bad, "/parts/1/code", json!("D"));
    assert_errors(&problems_of(&instrument(), &bad), &["parts_differ"]);
}

#[test]
fn sums_must_add_up() {
    let mut bad = set();
    // Criterion 3.1 raised to 6: the criteria of group 3 no longer add up to the group.
    set_at(&mut bad, "/parts/2/groups/0/criteria/0/max", json!("6"));
    assert_errors(&problems_of(&instrument(), &bad), &["sum_mismatch"]);
    let mut bad = set();
    set_at(&mut bad, "/parts/2/groups/0/max", json!("36"));
    set_at(&mut bad, "/parts/2/max", json!("36"));
    assert_errors(
        &problems_of(&instrument(), &bad),
        &["parts_differ", "sum_mismatch"],
    );
}

#[test]
fn parts_must_sum_to_the_total() {
    let mut bad = instrument();
    set_at(&mut bad, "/total_max", json!("99"));
    let folder = write(&bad, &set());
    assert!(
        kinds(&Catalog::from_path(folder.path()).unwrap().check_all()).contains(&"sum_mismatch")
    );
}

#[test]
fn option_above_max() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/2/groups/0/criteria/1/options/2/points",
        json!("31"),
    );
    assert_errors(&problems_of(&instrument(), &bad), &["option_above_max"]);
}

#[test]
fn unreachable_maximum_is_a_warning() {
    let mut short = set();
    set_at(
        &mut short,
        "/parts/2/groups/0/criteria/1/options/2/points",
        json!("29"),
    );
    let problems = problems_of(&instrument(), &short);
    assert_eq!(kinds(&problems), ["max_unreachable"]);
    assert_eq!(problems[0].severity, Severity::Warning);
    let folder = write(&instrument(), &short);
    assert!(
        Catalog::from_path(folder.path())
            .unwrap()
            .product_set("tiny-2026", 1)
            .is_ok()
    );
}

#[test]
fn duplicate_code() {
    let mut bad = set();
    set_at(&mut bad, "/parts/2/groups/0/criteria/1/code", json!("3.1"));
    assert_errors(&problems_of(&instrument(), &bad), &["duplicate_code"]);
}

#[test]
fn kind_mismatch() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/2/groups/0/criteria/0/kind",
        json!("choice"),
    );
    assert_errors(&problems_of(&instrument(), &bad), &["kind_mismatch"]);
}

#[test]
fn invalid_star_mark() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/1/star",
        json!(2),
    );
    assert_errors(&problems_of(&instrument(), &bad), &["invalid_star_mark"]);
}

#[test]
fn bands_with_a_gap_or_an_overlap() {
    let mut gap = instrument();
    set_at(&mut gap, "/star_bands/2/from", json!("51"));
    let folder = write(&gap, &set());
    assert_eq!(
        kinds(&Catalog::from_path(folder.path()).unwrap().check_all()),
        ["bands"]
    );
    let mut overlap = instrument();
    set_at(&mut overlap, "/star_bands/3/from", json!("69"));
    let folder = write(&overlap, &set());
    assert_eq!(
        kinds(&Catalog::from_path(folder.path()).unwrap().check_all()),
        ["bands"]
    );
}

#[test]
fn recognition_without_a_certifier() {
    let mut bad = instrument();
    set_at(&mut bad, "/recognition/certifiers/1/stars", json!([]));
    let folder = write(&bad, &set());
    assert_eq!(
        kinds(&Catalog::from_path(folder.path()).unwrap().check_all()),
        ["recognition"]
    );
}

#[test]
fn rules_must_name_existing_criteria_and_options() {
    let mut bad = set();
    bad["stop_rules"] = json!([{"criteria": ["9.9"], "printed": "Nếu được 0 điểm tại một trong các chỉ tiêu trên"}]);
    set_at(
        &mut bad,
        "/parts/2/groups/0/criteria/1",
        json!({"code": "3.2", "name": "Chất lượng", "max": "30", "kind": "choice",
               "applies_when": {"criterion": "1.1", "unless": [4], "printed": "Chỉ áp dụng khi"},
               "options": [{"text": "Thấp", "points": "0"}, {"text": "Tốt", "points": "30"}]}),
    );
    assert_errors(
        &problems_of(&instrument(), &bad),
        &["unknown_criterion", "unknown_option"],
    );
}

#[test]
fn text_must_be_nfc_and_not_empty() {
    let mut bad = set();
    // "Chỉ" with the combining hook above written apart (NFD): not the official NFC form.
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/name",
        json!("Chi\u{0309} tiêu"),
    );
    set_at(&mut bad, "/parts/0/groups/0/name", json!(" "));
    assert_errors(&problems_of(&instrument(), &bad), &["text", "text"]);
}

#[test]
fn changelog_must_end_at_the_revision() {
    let mut bad = instrument();
    set_at(&mut bad, "/revision", json!(2));
    let folder = write(&bad, &set());
    assert_eq!(
        kinds(&Catalog::from_path(folder.path()).unwrap().check_all()),
        ["changelog"]
    );
}

#[test]
fn unreadable_points_block_unless_an_erratum_accepts_them() {
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/1/groups/0/criteria/0/options/1/points",
        Value::Null,
    );
    // Without the unreadable option the additive criterion reaches 20 of its 25 points.
    let problems = problems_of(&instrument(), &bad);
    assert_eq!(kinds(&problems), ["unreadable_points", "max_unreachable"]);
    assert_eq!(problems[0].severity, Severity::Error);

    bad["errata"] = json!([{
        "criterion": "2.1", "option": 2, "printed": "l", "encoded": "null",
        "reason": "the points cell cannot be read", "accepted_defect": "unreadable_points"
    }]);
    let problems = problems_of(&instrument(), &bad);
    assert_eq!(kinds(&problems), ["unreadable_points", "max_unreachable"]);
    assert!(
        problems
            .iter()
            .all(|problem| problem.severity == Severity::Warning)
    );
}

#[test]
fn an_erratum_accepts_a_sum_defect_only_at_its_place() {
    let mut short = set();
    set_at(&mut short, "/parts/2/groups/0/criteria/1/max", json!("27"));
    set_at(
        &mut short,
        "/parts/2/groups/0/criteria/1/options/2/points",
        json!("27"),
    );
    set_at(&mut short, "/parts/2/groups/0/max", json!("32"));
    // Group 3 now sums to 32 under a part printed with 35 points.
    assert_errors(&problems_of(&instrument(), &short), &["sum_mismatch"]);
    let accept = |place: &str| {
        json!([{ "part": place, "printed": "35", "encoded": "35 (groups sum to 32)",
                 "reason": "the source's groups do not add up", "accepted_defect": "sum_mismatch" }])
    };
    short["errata"] = accept("B");
    assert_errors(&problems_of(&instrument(), &short), &["sum_mismatch"]);
    short["errata"] = accept("C");
    let problems = problems_of(&instrument(), &short);
    assert_eq!(kinds(&problems), ["sum_mismatch"]);
    assert_eq!(problems[0].severity, Severity::Warning);
}

#[test]
fn a_number_too_large_to_add_is_an_error_at_its_place_never_a_panic() {
    // Decimal::MAX as a part's maximum: summing the parts would overflow.
    let mut bad = instrument();
    set_at(
        &mut bad,
        "/parts/0/max",
        json!("79228162514264337593543950335"),
    );
    let folder = write(&bad, &set());
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["malformed"]);
    assert!(problems[0].position.is_some(), "{problems:#?}");
    assert!(
        problems[0].to_string().contains("at most 1000"),
        "{}",
        problems[0]
    );
    let mut bad = set();
    set_at(
        &mut bad,
        "/parts/0/groups/0/criteria/0/options/1/points",
        json!("1001"),
    );
    assert_errors(&problems_of(&instrument(), &bad), &["malformed"]);
}

#[test]
fn a_missing_council_file_is_an_error() {
    let folder = write(&instrument(), &set());
    std::fs::remove_file(folder.path().join("council.json")).unwrap();
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["council_defaults"]);
    assert!(
        problems[0].file.ends_with("council.json"),
        "{}",
        problems[0].file
    );
}

#[test]
fn council_defaults_out_of_range_are_errors() {
    let folder = write(&instrument(), &set());
    let mut council = support::council();
    set_at(&mut council, "/quorum/fraction", json!("1.5"));
    set_at(&mut council, "/max_spread/province", json!("-1"));
    std::fs::write(folder.path().join("council.json"), council.to_string()).unwrap();
    let problems = Catalog::from_path(folder.path()).unwrap().check_all();
    assert_errors(&problems, &["council_defaults"]);
    let message = problems[0].to_string();
    assert!(
        message.contains("quorum") && message.contains("max_spread"),
        "{message}"
    );
}

#[test]
fn two_folders_with_one_revision_are_an_error_naming_both() {
    let root = tempfile::tempdir().unwrap();
    for name in ["first", "second"] {
        let folder = root.path().join(name);
        support::write_text(&folder, &instrument().to_string(), &set().to_string());
    }
    let catalog = Catalog::from_path(root.path()).unwrap();
    let problems = catalog.check_all();
    assert_errors(&problems, &["duplicate_revision", "duplicate_revision"]);
    assert!(
        problems[0].to_string().contains("second"),
        "{}",
        problems[0]
    );
    assert!(problems[1].to_string().contains("first"), "{}", problems[1]);
    assert!(catalog.instrument("tiny-2026").is_err());
}

#[test]
fn a_copy_of_a_released_revision_with_other_data_is_marked_everywhere() {
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rubrics/qd26-2026");
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("qd26-2026");
    copy_folder(&bundled, &folder);
    // One option's points changed; identifier and revision kept.
    let path = folder.join("sets/10.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut data: Value = serde_json::from_str(&text).unwrap();
    set_at(
        &mut data,
        "/parts/0/groups/0/criteria/0/options/1/points",
        json!("0.5"),
    );
    std::fs::write(&path, data.to_string()).unwrap();

    let catalog = Catalog::from_path(&folder).unwrap();
    let problems = catalog.check_all();
    let modified: Vec<&RubricProblem> = problems
        .iter()
        .filter(|problem| problem.kind_name() == "modified_release")
        .collect();
    assert_eq!(modified.len(), 1, "{problems:#?}");
    assert_eq!(modified[0].severity, Severity::Warning);

    let sheet = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/examples/toi-den-ly-son.json"),
    )
    .unwrap();
    let card =
        ocop_core::score::score_sheet(&catalog, &sheet, ocop_core::sheet::Completeness::Complete)
            .unwrap();
    assert_eq!(card.rubric_data, ocop_core::rubric::RubricData::Modified);
    assert!(
        card.notices
            .iter()
            .any(|notice| matches!(notice, ocop_core::score::Notice::ModifiedRubricData { .. }))
    );
    // The same folder unchanged is the released data.
    let pristine = root.path().join("pristine");
    copy_folder(&bundled, &pristine);
    let catalog = Catalog::from_path(&pristine).unwrap();
    let card =
        ocop_core::score::score_sheet(&catalog, &sheet, ocop_core::sheet::Completeness::Complete)
            .unwrap();
    assert_eq!(card.rubric_data, ocop_core::rubric::RubricData::Released);
    assert!(
        catalog
            .check_all()
            .iter()
            .all(|problem| problem.kind_name() != "modified_release")
    );
}

fn copy_folder(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The tiny rubric's procedure rules, correct: province and central recognition, a certificate
/// with a window, a transition and two rounds.
fn with_procedure() -> Value {
    let mut rubric = instrument();
    let rule = |stars: Value, outcome: &str| json!({"stars": stars, "outcome": outcome, "source": "Điều thử", "printed": "thử nghiệm"});
    rubric["recognition"]["by_level"] = json!([
        {"level": "province", "authority": "UBND tỉnh", "rules": [
            rule(json!([1, 2]), "no_certificate"), rule(json!([3, 4]), "certify"),
            rule(json!([5]), "refer_to_central")]},
        {"level": "central", "authority": "Bộ thử nghiệm", "rules": [
            rule(json!([1, 2]), "no_certificate"), rule(json!([3, 4]), "return_to_province"),
            rule(json!([5]), "certify")]}
    ]);
    rubric["certificate"] = json!({
        "validity_months": 36, "source": "Điều thử", "printed": "thử nghiệm",
        "re_rating_window": {"opens_days_before": 180, "closes_days_before": 120,
                             "source": "Điều thử", "printed": "thử nghiệm"}});
    rubric["transition"] = json!({
        "submitted_before": "2026-01-01",
        "limits": [{"evaluations": ["first", "upgrade"], "days": 60, "source": "Điều thử", "printed": "thử nghiệm"},
                   {"evaluations": ["rerating"], "days": 30, "source": "Điều thử", "printed": "thử nghiệm"}],
        "certificate_extension": {"days_after_expiry": 180, "source": "Điều thử", "printed": "thử nghiệm"}});
    rubric["rounds"] = json!([
        {"level": "province", "round": 1, "held_before": "06-30", "proposed_before": "04-30",
         "source": "Điều thử", "printed": "thử nghiệm"}]);
    rubric
}

#[test]
fn procedure_rules_are_checked_against_the_certifiers_and_each_other() {
    assert_errors(&problems_of(&with_procedure(), &set()), &[]);
    let broken = |pointer: &str, value: Value| {
        let mut rubric = with_procedure();
        set_at(&mut rubric, pointer, value);
        problems_of(&rubric, &set())
    };
    // The province certifying 5★, which the central level certifies.
    let wrong_level = broken("/recognition/by_level/0/rules/2/outcome", json!("certify"));
    assert_errors(&wrong_level, &["procedure"]);
    assert!(
        wrong_level[0]
            .to_string()
            .contains("5 stars at province level")
    );
    // A star level without a rule, an unknown outcome.
    assert_errors(
        &broken("/recognition/by_level/1/rules/2/stars", json!([])),
        &["procedure"],
    );
    assert_errors(
        &broken("/recognition/by_level/0/rules/0/outcome", json!("maybe")),
        &["procedure"],
    );
    // A window closing before it opens, an unknown kind of evaluation, a day that is not one.
    assert_errors(
        &broken(
            "/certificate/re_rating_window/opens_days_before",
            json!(100),
        ),
        &["procedure"],
    );
    assert_errors(
        &broken("/transition/limits/1/evaluations", json!(["again"])),
        &["procedure"],
    );
    assert_errors(
        &broken("/rounds/0/held_before", json!("02-30")),
        &["procedure"],
    );
    assert_errors(
        &broken("/transition/submitted_before", json!("1/1/2026")),
        &["invalid_date"],
    );
}
